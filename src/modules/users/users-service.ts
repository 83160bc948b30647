import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { assertPasswordAllowed } from '../../platform/password-policy.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { type Actor, assertCan, inScope, scopeFilter } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import type { AuthSessions } from '../auth/index.ts';
import * as dal from './users-dal.ts';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody } from './users-schemas.ts';

export const toUserDto = (u: dal.UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roleCode: u.roleCode,
  departmentId: u.departmentId,
  serviceCentreId: u.serviceCentreId,
  dealerId: u.dealerId,
  customerId: u.customerId,
  email: u.email,
  phone: u.phone,
  active: u.active,
  locale: u.locale,
  lockedUntil: iso(u.lockedUntil),
  lastLoginAt: iso(u.lastLoginAt),
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
  version: u.version,
});

/** A role's data scope needs the matching owner on the user, or the user would see nothing or too much. */
const checkRoleFit = async (
  db: Executor,
  roleCode: string,
  owner: { dealerId: string | null; customerId: string | null },
) => {
  const role = await dal.findRole(db, roleCode);
  if (!role) throw fieldError('roleCode', 'is not a known role');
  if (role.scope === 'dealer' && !owner.dealerId)
    throw fieldError('dealerId', 'is required for a dealer role');
  return role;
};

export const usersService = ({
  db,
  sessions,
}: {
  db: Db;
  sessions: Pick<AuthSessions, 'clearThrottles' | 'revokeUserSessions'>;
}) => {
  const list = async (ctx: Ctx, q: Static<typeof ListUsersQuery>) => {
    assertCan(ctx.actor, 'user.read');
    const r = await dal.listUsers(db, { ...q, scope: scopeFilter(ctx.actor) });
    return { items: r.items.map(toUserDto), total: r.total };
  };

  const get = async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'user.read');
    const u = await dal.findUser(db, id, scopeFilter(ctx.actor));
    if (!u) throw notFound('user', id);
    return toUserDto(u);
  };

  const create = async (ctx: Ctx, input: Static<typeof CreateUserBody>) => {
    assertCan(ctx.actor, 'user.write', {
      dealerId: input.dealerId ?? null,
      customerId: input.customerId ?? null,
    });
    assertPasswordAllowed(input.password, input.username, 'password');
    // Hash before the transaction: argon2 is deliberately slow and must not hold a connection.
    const passwordHash = await hashPassword(input.password);
    const { password: _pw, ...fields } = input;
    return db.transaction(async (tx) => {
      await checkRoleFit(tx, input.roleCode, {
        dealerId: input.dealerId ?? null,
        customerId: input.customerId ?? null,
      });
      if (await dal.usernameTaken(tx, input.username)) {
        throw new AppError('duplicate', { details: [{ field: 'username', message: 'is already taken' }] });
      }
      const now = ctx.clock.now();
      const row = await dal.insertUser(tx, {
        ...fields,
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, { action: 'create', entity: 'user', entityId: row.id, after: row });
      return toUserDto(row);
    });
  };

  const loadForWrite = async (tx: Executor, ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'user.write');
    const before = await dal.findUser(tx, id, scopeFilter(ctx.actor));
    if (!before) throw notFound('user', id);
    return before;
  };

  const update = async (ctx: Ctx, id: string, input: Static<typeof UpdateUserBody>) =>
    db.transaction(async (tx) => {
      const before = await loadForWrite(tx, ctx, id);
      const { version, ...changes } = input;
      const patch = definedOnly(changes);
      const next = { ...before, ...patch };
      if (!inScope(ctx.actor, next)) throw fieldError('dealerId', 'is outside your data scope');
      if (patch.roleCode !== undefined || patch.dealerId !== undefined)
        await checkRoleFit(tx, next.roleCode, next);
      if (
        before.id === ctx.actor.userId &&
        (patch.active === false || (patch.roleCode && patch.roleCode !== before.roleCode))
      ) {
        throw fieldError(
          patch.active === false ? 'active' : 'roleCode',
          'you cannot deactivate yourself or change your own role',
        );
      }
      const row = await updateVersioned(tx, {
        table: users,
        entity: 'user',
        id,
        version,
        patch,
        at: ctx.clock.now(),
      });
      // A deactivated user is logged out everywhere at once.
      if (patch.active === false) await sessions.revokeUserSessions(tx, id, ctx.clock.now());
      await writeAudit(tx, ctx, { action: 'update', entity: 'user', entityId: id, before, after: row });
      return toUserDto(row);
    });

  const resetPassword = async (ctx: Ctx, id: string, newPassword: string) => {
    // The rule needs the username; a first read answers 404 before the slow hash for an unknown id.
    assertCan(ctx.actor, 'user.write');
    const target = await dal.findUser(db, id, scopeFilter(ctx.actor));
    if (!target) throw notFound('user', id);
    assertPasswordAllowed(newPassword, target.username, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      const before = await loadForWrite(tx, ctx, id);
      const now = ctx.clock.now();
      // The user must pick their own password at next login; the admin-chosen one is temporary.
      await updateVersioned(tx, {
        table: users,
        entity: 'user',
        id,
        version: before.version,
        patch: {
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: true,
          failedLoginCount: 0,
          lockedUntil: null,
        },
        at: now,
      });
      await sessions.revokeUserSessions(tx, id, now);
      await sessions.clearThrottles(tx, id);
      await writeAudit(tx, ctx, { action: 'password_reset', entity: 'user', entityId: id });
    });
  };

  const unlock = async (ctx: Ctx, id: string) =>
    db.transaction(async (tx) => {
      const before = await loadForWrite(tx, ctx, id);
      const row = await updateVersioned(tx, {
        table: users,
        entity: 'user',
        id,
        version: before.version,
        patch: { failedLoginCount: 0, lockedUntil: null },
        at: ctx.clock.now(),
      });
      // Every client's wait and the account-wide evidence go too, or the next failure would re-lock.
      await sessions.clearThrottles(tx, id);
      await writeAudit(tx, ctx, {
        action: 'unlock',
        entity: 'user',
        entityId: id,
        before: { lockedUntil: before.lockedUntil },
        after: { lockedUntil: null },
      });
      return toUserDto(row);
    });

  return { list, get, create, update, resetPassword, unlock };
};

export type UsersService = ReturnType<typeof usersService>;
