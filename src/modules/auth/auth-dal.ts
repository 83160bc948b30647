import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { dealers, departments, roles, serviceCentres, sessions, users } from '../../db/schema/index.ts';

export const findUserForLogin = async (db: Executor, username: string) => {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return rows[0] ?? null;
};

export const recordFailedLogin = async (
  db: Executor,
  opts: { userId: string; maxFailures: number; lockUntil: Date },
) => {
  // One statement, so concurrent failures from several processes cannot lose a count.
  const rows = await db
    .update(users)
    .set({
      failedLoginCount: sql`${users.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${opts.maxFailures} then ${opts.lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, opts.userId))
    .returning({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil });
  return rows[0]!;
};

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
