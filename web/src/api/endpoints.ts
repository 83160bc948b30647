import { api } from './client';
import type {
  AuditPage,
  AuditParams,
  Dealer,
  Department,
  ListParams,
  Me,
  Page,
  Patch,
  Permission,
  Role,
  RoleScope,
  ServiceCentre,
  User,
  UserListParams,
} from './types';

export const authApi = {
  login: (username: string, password: string) =>
    api.post<{ token: string; user: Me }>(
      '/api/auth/login',
      { username, password },
      { skipAuthRedirect: true },
    ),
  me: () => api.get<Me>('/api/auth/me'),
  logout: () => api.post<void>('/api/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/auth/password', { currentPassword, newPassword }),
};

export interface UserCreate {
  username: string;
  displayName: string;
  password: string;
  roleCode: string;
  departmentId?: string;
  serviceCentreId?: string;
  dealerId?: string;
  customerId?: string;
  email?: string;
  phone?: string;
}

export type UserPatch = Patch<
  Pick<
    User,
    | 'displayName'
    | 'roleCode'
    | 'departmentId'
    | 'serviceCentreId'
    | 'dealerId'
    | 'email'
    | 'phone'
    | 'active'
    | 'locale'
  >
>;

export const usersApi = {
  list: (params: UserListParams) => api.get<Page<User>>('/api/users', { ...params }),
  get: (id: string) => api.get<User>(`/api/users/${encodeURIComponent(id)}`),
  create: (body: UserCreate) => api.post<User>('/api/users', body),
  update: (id: string, body: UserPatch) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string, newPassword: string) =>
    api.post<void>(`/api/users/${encodeURIComponent(id)}/password`, { newPassword }),
  unlock: (id: string) => api.post<User>(`/api/users/${encodeURIComponent(id)}/unlock`),
};

export interface RoleCreate {
  code: string;
  name: string;
  nameEn?: string;
  description?: string;
  scope: RoleScope;
  permissions: string[];
}

export type RolePatch = Patch<Pick<Role, 'name' | 'nameEn' | 'description' | 'permissions'>>;

export const rolesApi = {
  permissions: () => api.get<{ items: Permission[] }>('/api/permissions'),
  list: () => api.get<{ items: Role[] }>('/api/roles'),
  create: (body: RoleCreate) => api.post<Role>('/api/roles', body),
  update: (code: string, body: RolePatch) => api.patch<Role>(`/api/roles/${encodeURIComponent(code)}`, body),
};

/** The three organisation lists share one shape, so one factory serves them all. */
function orgResource<T>(base: string) {
  return {
    list: (params: ListParams) => api.get<Page<T>>(base, { ...params }),
    create: (body: Record<string, unknown>) => api.post<T>(base, body),
    update: (id: string, body: Record<string, unknown>) =>
      api.patch<T>(`${base}/${encodeURIComponent(id)}`, body),
  };
}

export const departmentsApi = orgResource<Department>('/api/departments');
export const serviceCentresApi = orgResource<ServiceCentre>('/api/service-centres');
export const dealersApi = {
  ...orgResource<Dealer>('/api/dealers'),
  get: (id: string) => api.get<Dealer>(`/api/dealers/${encodeURIComponent(id)}`),
};

export const auditApi = {
  list: (params: AuditParams) => api.get<AuditPage>('/api/audit-log', { ...params }),
};
