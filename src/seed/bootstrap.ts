import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appMeta, roles, users } from '../db/schema/index.ts';
import { type RequestContext, writeAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import { assertPasswordAllowed } from '../platform/password-policy.ts';
import { generatePassword, hashPassword } from '../platform/passwords.ts';
import { BUILTIN_ROLES, PERMISSION_CODES } from '../platform/permissions.ts';
import { correctGrants, GRANT_CORRECTIONS } from './grant-corrections.ts';
import { keepInitialPassword } from './initial-admin.ts';
import { seedPartsDefaults } from './parts-defaults.ts';
import { seedServiceDefaults } from './sla-defaults.ts';

const KNOWN_PERMISSIONS = 'known_permissions';
const APPLIED_CORRECTIONS = 'grant_corrections';
// Same in every process: bootstrap runs once at a time even when several app processes start together.
const BOOTSTRAP_LOCK = 7_231_005;

export type BootstrapResult = { adminCreated: boolean; adminPassword: string | null; generated: boolean };

/**
 * Runs at every start: makes sure the builtin roles exist and know the permissions added since the
 * last start, and creates the first `admin` on an empty database.
 */
export const bootstrap = async (opts: {
  db: Db;
  clock: Clock;
  adminPassword: string | null;
  /** Where a generated admin password is kept until its first use (see initial-admin.ts). */
  passwordFile?: string | null;
}): Promise<BootstrapResult> => {
  const { db, clock } = opts;
  const ctx: RequestContext = { actor: null, requestId: 'bootstrap', ip: null, clock };
  // Hashing is slow; do it before taking the lock and only if it may be needed.
  const noUsers = Number((await db.select({ n: count() }).from(users))[0]?.n ?? 0) === 0;
  // A configured password follows the same rules as any other (a generated one always does).
  if (noUsers && opts.adminPassword)
    assertPasswordAllowed(opts.adminPassword, 'admin', 'AFTERSALES_ADMIN_PASSWORD');
  const password = noUsers ? (opts.adminPassword ?? generatePassword()) : null;
  const passwordHash = password ? await hashPassword(password) : null;

  await seedServiceDefaults({ db, clock });
  await seedPartsDefaults({ db, clock });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const now = clock.now();
    const meta = await tx.select().from(appMeta).where(eq(appMeta.key, KNOWN_PERMISSIONS));
    const known = new Set<string>((meta[0]?.value as string[] | undefined) ?? []);
    const existing = new Map((await tx.select().from(roles)).map((r) => [r.code, r]));

    for (const def of BUILTIN_ROLES) {
      const row = existing.get(def.code);
      if (!row) {
        await tx.insert(roles).values({
          ...def,
          permissions: [...def.permissions],
          builtin: true,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entity: 'role',
          entityId: def.code,
          actorName: 'system',
          after: def,
        });
        continue;
      }
      // Grant only permissions that are new to this installation; an admin's removals stay removed.
      const added = def.permissions.filter((p) => !known.has(p) && !row.permissions.includes(p));
      if (added.length > 0) {
        await setRolePermissions(tx, ctx, def.code, row.permissions, [...row.permissions, ...added]);
      }
    }
    await tx
      .insert(appMeta)
      .values({ key: KNOWN_PERMISSIONS, value: [...PERMISSION_CODES], updatedAt: now })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: [...PERMISSION_CODES], updatedAt: now } });
    await applyGrantCorrections(tx, ctx);

    const stillEmpty = Number((await tx.select({ n: count() }).from(users))[0]?.n ?? 0) === 0;
    if (!stillEmpty || !passwordHash) return { adminCreated: false, adminPassword: null, generated: false };
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash,
        roleCode: 'admin',
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'create',
      entity: 'user',
      entityId: admin!.id,
      actorName: 'system',
      after: admin,
    });
    // Kept before the commit: an admin that exists always has a way in for whoever started it.
    if (!opts.adminPassword && password && opts.passwordFile)
      keepInitialPassword(opts.passwordFile, password);
    return { adminCreated: true, adminPassword: password, generated: !opts.adminPassword };
  });
};

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Replaces a builtin role's grants, audited as the system's change (with why, for a correction). */
const setRolePermissions = async (
  tx: Tx,
  ctx: RequestContext,
  code: string,
  before: string[],
  permissions: string[],
  why?: { correction: string; why: string },
) => {
  await tx
    .update(roles)
    .set({ permissions, updatedAt: ctx.clock.now(), version: sql`${roles.version} + 1` })
    .where(eq(roles.code, code));
  await writeAudit(tx, ctx, {
    action: 'update',
    entity: 'role',
    entityId: code,
    actorName: 'system',
    before: { permissions: before },
    after: { permissions, ...why },
  });
};

/** Runs each grant correction once per installation (remembered in app_meta), after the grants above. */
const applyGrantCorrections = async (tx: Tx, ctx: RequestContext) => {
  const now = ctx.clock.now();
  const meta = await tx.select().from(appMeta).where(eq(appMeta.key, APPLIED_CORRECTIONS));
  const applied = new Set<string>((meta[0]?.value as string[] | undefined) ?? []);
  const pending = GRANT_CORRECTIONS.filter((c) => !applied.has(c.id));
  if (pending.length === 0) return;
  for (const c of pending) {
    const rows = await tx.select().from(roles);
    for (const change of correctGrants(rows, c)) {
      await setRolePermissions(tx, ctx, change.code, change.before, change.after, {
        correction: c.id,
        why: c.why,
      });
    }
    applied.add(c.id);
  }
  await tx
    .insert(appMeta)
    .values({ key: APPLIED_CORRECTIONS, value: [...applied], updatedAt: now })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: [...applied], updatedAt: now } });
};
