import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { type RequestContext, writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { generatePassword, hashPassword } from '../../platform/passwords.ts';
import type { AuthSessions } from '../auth/index.ts';

export type UnlockResult =
  | { found: false }
  | { found: true; username: string; wasLocked: boolean; newPassword: string | null };

/**
 * The administrator's way in from the server's shell (`npm run admin:unlock -- <username>`): clears the
 * account lock and every client's wait, optionally sets a generated password that must be changed at
 * the next login (ending all sessions). Audited like the same steps in the UI, as actor "cli".
 */
export const adminUnlock = async (opts: {
  db: Db;
  clock: Clock;
  /** Handed in by the CLI (the auth module's session steps). */
  sessions: AuthSessions;
  username: string;
  resetPassword: boolean;
}): Promise<UnlockResult> => {
  const { db, clock, sessions } = opts;
  const user = await sessions.findUserForLogin(db, opts.username);
  if (!user) return { found: false };
  const newPassword = opts.resetPassword ? generatePassword() : null;
  const passwordHash = newPassword ? await hashPassword(newPassword) : null;
  const ctx: RequestContext = { actor: null, requestId: 'cli-admin-unlock', ip: null, clock };
  const now = clock.now();
  const wasLocked = !!user.lockedUntil && user.lockedUntil > now;
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: now,
        version: sql`${users.version} + 1`,
        ...(passwordHash ? { passwordHash, passwordChangedAt: now, mustChangePassword: true } : {}),
      })
      .where(eq(users.id, user.id));
    await sessions.clearThrottles(tx, user.id);
    await writeAudit(tx, ctx, {
      action: 'unlock',
      entity: 'user',
      entityId: user.id,
      actorId: null,
      actorName: 'cli',
      before: { lockedUntil: user.lockedUntil, failedLoginCount: user.failedLoginCount },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
    if (passwordHash) {
      await sessions.revokeUserSessions(tx, user.id, now);
      await writeAudit(tx, ctx, {
        action: 'password_reset',
        entity: 'user',
        entityId: user.id,
        actorId: null,
        actorName: 'cli',
        after: { mustChangePassword: true },
      });
    }
  });
  return { found: true, username: user.username, wasLocked, newPassword };
};
