import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  dealers,
  departments,
  loginThrottles,
  roles,
  serviceCentres,
  sessions,
  users,
} from '../../db/schema/index.ts';

export const findUserForLogin = async (db: Executor, username: string) => {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return rows[0] ?? null;
};

/** The client's failure row on this account, if any (read before verifying the password). */
export const findThrottle = async (db: Executor, userId: string, client: string) =>
  (
    await db
      .select()
      .from(loginThrottles)
      .where(and(eq(loginThrottles.userId, userId), eq(loginThrottles.client, client)))
      .limit(1)
  )[0] ?? null;

/**
 * The client's row, created if missing, locked for this transaction: concurrent failures of the same
 * client in several processes are counted one after the other, none lost.
 */
export const lockThrottle = async (tx: Executor, userId: string, client: string, now: Date) => {
  await tx
    .insert(loginThrottles)
    .values({ userId, client, failures: 0, firstFailedAt: now, lastFailedAt: now })
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.userId, userId), eq(loginThrottles.client, client)))
    .for('update');
  return rows[0]!;
};

export const saveThrottle = (
  tx: Executor,
  row: {
    userId: string;
    client: string;
    failures: number;
    firstFailedAt: Date;
    lastFailedAt: Date;
    blockedUntil: Date | null;
  },
) =>
  tx
    .update(loginThrottles)
    .set(row)
    .where(and(eq(loginThrottles.userId, row.userId), eq(loginThrottles.client, row.client)));

/** All clients' failures on the account since `since`, and how many distinct clients they came from. */
export const accountFailureEvidence = async (tx: Executor, userId: string, since: Date) => {
  const rows = await tx
    .select({
      failures: sql<number>`coalesce(sum(${loginThrottles.failures}), 0)::int`,
      sources: sql<number>`count(*)::int`,
    })
    .from(loginThrottles)
    .where(and(eq(loginThrottles.userId, userId), gt(loginThrottles.lastFailedAt, since)));
  return { failures: Number(rows[0]?.failures ?? 0), sources: Number(rows[0]?.sources ?? 0) };
};

/** Counts the failure on the user (shown to admins) and locks it when asked; true if this call locked it. */
export const recordFailedLogin = async (
  tx: Executor,
  opts: { userId: string; lockUntil: Date | null; now: Date },
) => {
  await tx
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(eq(users.id, opts.userId));
  if (!opts.lockUntil) return false;
  // Only one of several processes seeing the same evidence takes (and audits) the lock.
  const locked = await tx
    .update(users)
    .set({ lockedUntil: opts.lockUntil })
    .where(and(eq(users.id, opts.userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, opts.now))))
    .returning({ id: users.id });
  return locked.length > 0;
};

/** Forgets failures on the account: of one client after its successful login, of all on an unlock. */
export const clearThrottles = (db: Executor, userId: string, client?: string) =>
  db
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.userId, userId), client ? eq(loginThrottles.client, client) : undefined));

export const recordSuccessfulLogin = (db: Executor, userId: string, at: Date) =>
  db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: at })
    .where(eq(users.id, userId));

export const insertSession = async (
  db: Executor,
  row: {
    tokenHash: string;
    userId: string;
    createdAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) => (await db.insert(sessions).values(row).returning({ id: sessions.id }))[0]!;

/** The session with its user and role in one query: this runs on every authenticated request. */
export const findActiveSession = async (db: Executor, tokenHash: string, now: Date) => {
  const rows = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      user: users,
      roleScope: roles.scope,
      rolePermissions: roles.permissions,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(roles, eq(roles.code, users.roleCode))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
};

export const revokeSession = (db: Executor, sessionId: string, at: Date) =>
  db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));

/** Other sessions end when a password changes, so a stolen token dies with the old password. */
export const revokeUserSessions = (db: Executor, userId: string, at: Date, exceptSessionId?: string) =>
  db
    .update(sessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );

export const setPassword = (
  db: Executor,
  userId: string,
  passwordHash: string,
  at: Date,
  mustChange: boolean,
) =>
  db
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt: at,
      mustChangePassword: mustChange,
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: at,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, userId));

export const findProfile = async (db: Executor, userId: string) => {
  const rows = await db
    .select({
      user: users,
      role: {
        code: roles.code,
        name: roles.name,
        nameEn: roles.nameEn,
        scope: roles.scope,
        permissions: roles.permissions,
      },
      departmentName: departments.name,
      serviceCentreName: serviceCentres.name,
      dealerName: dealers.name,
    })
    .from(users)
    .innerJoin(roles, eq(roles.code, users.roleCode))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(serviceCentres, eq(serviceCentres.id, users.serviceCentreId))
    .leftJoin(dealers, eq(dealers.id, users.dealerId))
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0] ?? null;
};
