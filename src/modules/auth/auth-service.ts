import type { Db } from '../../db/client.ts';
import {
  clientDelayMs,
  failuresBefore,
  retryAfterSeconds,
  shouldLockAccount,
} from '../../domain/auth/lockout.ts';
import { type RequestContext, writeAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { assertPasswordAllowed } from '../../platform/password-policy.ts';
import { dummyVerify, hashPassword, hashToken, newToken, verifyPassword } from '../../platform/passwords.ts';
import { type Actor, SCOPES, type Scope } from '../../platform/permissions.ts';
import * as dal from './auth-dal.ts';

type Deps = { db: Db; config: Pick<Config, 'sessionHours' | 'lockout'> };

/** 429 with the wait in details; the route copies it into Retry-After. */
const throttled = (until: Date, now: Date) =>
  new AppError('login_throttled', {
    details: { retryAfterSeconds: retryAfterSeconds(until, now), retryAt: until.toISOString() },
  });

const toScope = (s: string): Scope => ((SCOPES as readonly string[]).includes(s) ? (s as Scope) : 'customer');

export const authService = ({ db, config }: Deps) => {
  const profile = async (userId: string) => {
    const p = await dal.findProfile(db, userId);
    if (!p) throw new AppError('unauthenticated');
    const { user, role } = p;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roleCode: user.roleCode,
      role: { code: role.code, name: role.name, nameEn: role.nameEn, scope: role.scope },
      permissions: role.permissions,
      departmentId: user.departmentId,
      serviceCentreId: user.serviceCentreId,
      dealerId: user.dealerId,
      customerId: user.customerId,
      departmentName: p.departmentName,
      serviceCentreName: p.serviceCentreName,
      dealerName: p.dealerName,
      locale: user.locale,
      mustChangePassword: user.mustChangePassword,
    };
  };

  const login = async (
    ctx: RequestContext,
    input: { username: string; password: string; userAgent: string | null },
  ) => {
    const now = ctx.clock.now();
    const user = await dal.findUserForLogin(db, input.username);
    if (!user?.active) {
      await dummyVerify(input.password);
      await db.transaction((tx) =>
        writeAudit(tx, ctx, {
          action: 'login_failed',
          entity: 'session',
          entityId: null,
          actorName: input.username,
          actorId: null,
          after: { reason: user ? 'inactive' : 'unknown_user' },
        }),
      );
      throw new AppError('invalid_credentials');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new AppError('account_locked', { details: { lockedUntil: user.lockedUntil.toISOString() } });
    }
    // The password is not even tried while this client waits, so waiting is the only way on.
    const client = ctx.ip ?? 'unknown';
    const waiting = await dal.findThrottle(db, user.id, client);
    if (waiting?.blockedUntil && waiting.blockedUntil > now) throw throttled(waiting.blockedUntil, now);
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const policy = config.lockout;
      const outcome = await db.transaction(async (tx) => {
        const row = await dal.lockThrottle(tx, user.id, client, now);
        // Another process may have counted a failure and set a wait between the read above and now.
        if (row.blockedUntil && row.blockedUntil > now)
          return { kind: 'throttled', until: row.blockedUntil } as const;
        const before = failuresBefore(row.failures > 0 ? row : null, now, policy);
        const failures = before + 1;
        const delay = clientDelayMs(failures, policy);
        const blockedUntil = delay > 0 ? new Date(now.getTime() + delay) : null;
        await dal.saveThrottle(tx, {
          userId: user.id,
          client,
          failures,
          firstFailedAt: before === 0 ? now : row.firstFailedAt,
          lastFailedAt: now,
          blockedUntil,
        });
        const evidence = await dal.accountFailureEvidence(
          tx,
          user.id,
          new Date(now.getTime() - policy.windowMs),
        );
        const lockUntil = shouldLockAccount(evidence, policy)
          ? new Date(now.getTime() + policy.lockMs)
          : null;
        const locked = await dal.recordFailedLogin(tx, { userId: user.id, lockUntil, now });
        await writeAudit(tx, ctx, {
          action: 'login_failed',
          entity: 'user',
          entityId: user.id,
          actorId: null,
          actorName: input.username,
          after: { client, clientFailures: failures, clientBlockedUntil: blockedUntil, ...evidence },
        });
        if (locked) {
          await writeAudit(tx, ctx, {
            action: 'lock',
            entity: 'user',
            entityId: user.id,
            actorId: null,
            actorName: 'system',
            before: { lockedUntil: null },
            after: { lockedUntil: lockUntil, failures: evidence.failures, sources: evidence.sources },
          });
        }
        return { kind: 'failed', lockedUntil: locked ? lockUntil : null } as const;
      });
      if (outcome.kind === 'throttled') throw throttled(outcome.until, now);
      if (outcome.lockedUntil) {
        throw new AppError('account_locked', { details: { lockedUntil: outcome.lockedUntil.toISOString() } });
      }
      throw new AppError('invalid_credentials');
    }
    const token = newToken();
    const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
    await db.transaction(async (tx) => {
      await dal.recordSuccessfulLogin(tx, user.id, now);
      // This client proved it knows the password; other clients' failures still count.
      await dal.clearThrottles(tx, user.id, client);
      const s = await dal.insertSession(tx, {
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now,
        expiresAt,
        ip: ctx.ip,
        userAgent: input.userAgent,
      });
      await writeAudit(tx, ctx, {
        action: 'login',
        entity: 'session',
        entityId: s.id,
        actorId: user.id,
        actorName: user.username,
        after: { expiresAt },
      });
    });
    return { token, expiresAt, user: await profile(user.id) };
  };

  /** Resolves a bearer token to an actor, or null when it is unknown, revoked or expired. */
  const authenticate = async (
    token: string,
    now: Date,
  ): Promise<(Actor & { mustChangePassword: boolean }) | null> => {
    const s = await dal.findActiveSession(db, hashToken(token), now);
    if (!s) return null;
    return {
      userId: s.user.id,
      username: s.user.username,
      displayName: s.user.displayName,
      roleCode: s.user.roleCode,
      scope: toScope(s.roleScope),
      permissions: new Set(s.rolePermissions),
      departmentId: s.user.departmentId,
      serviceCentreId: s.user.serviceCentreId,
      dealerId: s.user.dealerId,
      customerId: s.user.customerId,
      sessionId: s.sessionId,
      mustChangePassword: s.user.mustChangePassword,
    };
  };

  const logout = async (ctx: RequestContext & { actor: Actor }) => {
    await db.transaction(async (tx) => {
      await dal.revokeSession(tx, ctx.actor.sessionId, ctx.clock.now());
      await writeAudit(tx, ctx, { action: 'logout', entity: 'session', entityId: ctx.actor.sessionId });
    });
  };

  const changePassword = async (
    ctx: RequestContext & { actor: Actor },
    input: { currentPassword: string; newPassword: string },
  ) => {
    const user = await dal.findUserForLogin(db, ctx.actor.username);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw fieldError('currentPassword', 'is wrong');
    }
    if (input.currentPassword === input.newPassword)
      throw fieldError('newPassword', 'must differ from the current password');
    assertPasswordAllowed(input.newPassword, user.username, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    const now = ctx.clock.now();
    await db.transaction(async (tx) => {
      await dal.setPassword(tx, user.id, passwordHash, now, false);
      await dal.revokeUserSessions(tx, user.id, now, ctx.actor.sessionId);
      await writeAudit(tx, ctx, { action: 'password_change', entity: 'user', entityId: user.id });
    });
  };

  return { login, authenticate, logout, changePassword, profile };
};

export type AuthService = ReturnType<typeof authService>;
