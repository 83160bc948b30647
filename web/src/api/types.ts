// Mirrors the JSON the server sends (camelCase, ISO 8601 timestamps).

/** Every permission code the server knows: one union, from the server's registry. */
export type { PermissionCode } from '../../../src/platform/permission-list';

export type RoleScope = 'all' | 'dealer' | 'customer';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ListParams {
  q?: string;
  limit?: number;
  offset?: number;
}

export interface Versioned {
  id: string;
  version: number;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roleCode: string;
  role: { code: string; name: string; nameEn: string | null; scope: RoleScope };
  permissions: string[];
  departmentId: string | null;
  serviceCentreId: string | null;
  dealerId: string | null;
  customerId: string | null;
  locale: string;
  mustChangePassword: boolean;
  departmentName: string | null;
  serviceCentreName: string | null;
  dealerName: string | null;
}

export interface User extends Versioned {
  username: string;
  displayName: string;
  roleCode: string;
  departmentId: string | null;
  serviceCentreId: string | null;
  dealerId: string | null;
  customerId: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  locale: string;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserListParams extends ListParams {
  roleCode?: string;
  active?: boolean;
}

export interface Permission {
  code: string;
  group: string;
  name: string;
  nameEn: string | null;
}

export interface Role {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  scope: RoleScope;
  permissions: string[];
  builtin: boolean;
  version: number;
}

export interface Department extends Versioned {
  code: string;
  name: string;
  nameEn: string | null;
  parentId: string | null;
  headUserId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceCentre extends Versioned {
  code: string;
  name: string;
  region: string | null;
  address: string | null;
  phone: string | null;
  headUserId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Dealer extends Versioned {
  code: string;
  name: string;
  regions: string[];
  contactName: string | null;
  phone: string | null;
  address: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditParams {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** Body fields of a PATCH: any subset, `null` clears, `version` guards against lost updates. */
export type Patch<T> = { version: number } & { [K in keyof T]?: T[K] | null };
