import { AppError, forbidden } from './errors.ts';
import type { Permission, Scope } from './permission-list.ts';

// The permission registry (permission-list.ts) and the builtin roles (builtin-roles.ts) live beside
// this file; the checks every service makes live here.
export { BUILTIN_ROLES } from './builtin-roles.ts';
export { PERMISSION_CODES, PERMISSIONS, type Permission, SCOPES, type Scope } from './permission-list.ts';

/** The authenticated user as every service sees it. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  roleCode: string;
  scope: Scope;
  permissions: ReadonlySet<string>;
  departmentId: string | null;
  serviceCentreId: string | null;
  dealerId: string | null;
  customerId: string | null;
  sessionId: string;
};

/** What a record belongs to, for the data-scope check of a single record. */
export type ScopeSubject = { dealerId?: string | null; customerId?: string | null };

export const can = (actor: Actor, action: Permission): boolean => actor.permissions.has(action);

/** One gate for every permission check; with a subject it also checks the data scope. */
export function assertCan(actor: Actor, action: Permission, subject?: ScopeSubject): void {
  if (!can(actor, action)) throw forbidden(action);
  if (subject && !inScope(actor, subject)) {
    // Out-of-scope records look like missing ones, so ids of other dealers' records leak nothing.
    throw new AppError('not_found', { message: `out of scope for ${actor.username}` });
  }
}

export const inScope = (actor: Actor, subject: ScopeSubject): boolean => {
  switch (actor.scope) {
    case 'all':
      return true;
    case 'dealer':
      return actor.dealerId !== null && subject.dealerId === actor.dealerId;
    case 'customer':
      return actor.customerId !== null && subject.customerId === actor.customerId;
  }
};

/**
 * The scope as values a dal puts into its WHERE clause. A scoped actor without the owning id gets an
 * impossible filter (null never matches), never an unfiltered one.
 */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'dealer'; dealerId: string | null }
  | { kind: 'customer'; customerId: string | null };

export const scopeFilter = (actor: Actor): ScopeFilter => {
  switch (actor.scope) {
    case 'all':
      return { kind: 'all' };
    case 'dealer':
      return { kind: 'dealer', dealerId: actor.dealerId };
    case 'customer':
      return { kind: 'customer', customerId: actor.customerId };
  }
};
