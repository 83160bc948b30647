import { api, data, http } from './client';
import type { BodyOf, Item, ResponseOf } from './schema';
import type {
  AuditPage,
  AuditParams,
  Dealer,
  ListParams,
  Me,
  Patch,
  Role,
  User,
  UserListParams,
} from './types';

export const authApi = {
  login: (username: string, password: string) =>
    api.post<ResponseOf<'/api/auth/login', 'post'>>(
      '/api/auth/login',
      { username, password },
      { skipAuthRedirect: true },
    ),
  me: () => api.get<Me>('/api/auth/me'),
  logout: () => api.post<void>('/api/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/auth/password', { currentPassword, newPassword }),
};

export type UserCreate = BodyOf<'/api/users'>;

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

const byId = (id: string) => ({ params: { path: { id } } });

export const usersApi = {
  // The document marks limit/offset required (they have server defaults), so lists keep api.get.
  list: (params: UserListParams) => api.get<ResponseOf<'/api/users'>>('/api/users', { ...params }),
  get: (id: string) => data(http.GET('/api/users/{id}', byId(id))),
  create: (body: UserCreate) => data(http.POST('/api/users', { body })),
  update: (id: string, body: UserPatch) =>
    data(http.PATCH('/api/users/{id}', { ...byId(id), body: body as BodyOf<'/api/users/{id}', 'patch'> })),
  resetPassword: (id: string, newPassword: string) =>
    data(http.POST('/api/users/{id}/password', { ...byId(id), body: { newPassword } })),
  // Sent with an empty JSON body, as before (the route takes none).
  unlock: (id: string) => api.post<User>(`/api/users/${encodeURIComponent(id)}/unlock`),
};

export type RoleCreate = BodyOf<'/api/roles'>;

export type RolePatch = Patch<Pick<Role, 'name' | 'nameEn' | 'description' | 'permissions'>>;

export const rolesApi = {
  permissions: () => data(http.GET('/api/permissions')),
  list: () => data(http.GET('/api/roles')),
  create: (body: RoleCreate) => data(http.POST('/api/roles', { body })),
  update: (code: string, body: RolePatch) =>
    data(
      http.PATCH('/api/roles/{code}', {
        params: { path: { code } },
        body: body as BodyOf<'/api/roles/{code}', 'patch'>,
      }),
    ),
};

/** The three organisation lists share one shape, so one factory serves them all. */
function orgResource<P extends '/api/departments' | '/api/service-centres' | '/api/dealers'>(base: P) {
  type Row = Item<ResponseOf<P>['items']>;
  return {
    list: (params: ListParams) => api.get<ResponseOf<P>>(base, { ...params }),
    create: (body: Record<string, unknown>) => api.post<Row>(base, body),
    update: (id: string, body: Record<string, unknown>) =>
      api.patch<Row>(`${base}/${encodeURIComponent(id)}`, body),
  };
}

export const departmentsApi = orgResource('/api/departments');
export const serviceCentresApi = orgResource('/api/service-centres');
export const dealersApi = {
  ...orgResource('/api/dealers'),
  get: (id: string) => api.get<Dealer>(`/api/dealers/${encodeURIComponent(id)}`),
};

export const auditApi = {
  list: (params: AuditParams) => api.get<AuditPage>('/api/audit-log', { ...params }),
};
