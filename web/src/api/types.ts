// The JSON the server sends (camelCase, ISO 8601 timestamps), named from the generated API types.
import type { Item, QueryOf, ResponseOf } from './schema';

/** Every permission code the server knows: one union, from the server's registry. */
export type { PermissionCode } from '../../../src/platform/permission-list';

export type Me = ResponseOf<'/api/auth/me'>;
export type RoleScope = Me['role']['scope'];

/** The paging and search parameters every list shares. */
export type ListParams = Pick<QueryOf<'/api/departments'>, 'q' | 'limit' | 'offset'>;

export type User = ResponseOf<'/api/users/{id}'>;
export type UserListParams = QueryOf<'/api/users'>;
export type Permission = Item<ResponseOf<'/api/permissions'>['items']>;
export type Role = Item<ResponseOf<'/api/roles'>['items']>;
export type Department = ResponseOf<'/api/departments/{id}'>;
export type ServiceCentre = ResponseOf<'/api/service-centres/{id}'>;
export type Dealer = ResponseOf<'/api/dealers/{id}'>;
export type AuditPage = ResponseOf<'/api/audit-log'>;
export type AuditEntry = Item<AuditPage['items']>;
export type AuditParams = QueryOf<'/api/audit-log'>;

/** Body fields of a PATCH: any subset, `null` clears, `version` guards against lost updates. */
export type Patch<T> = { version: number } & { [K in keyof T]?: T[K] | null };
