import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { roles, users } from '../../db/schema/auth.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

export type UserRow = typeof users.$inferSelect;

const scopeWhere = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(users.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return scope.customerId ? eq(users.customerId, scope.customerId) : sql`false`;
  }
};

export const listUsers = async (
  db: Executor,
  opts: {
    scope: ScopeFilter;
    q?: string;
    roleCode?: string;
    active?: boolean;
    dealerId?: string;
    limit: number;
    offset: number;
  },
) => {
  const like = opts.q ? containsPattern(opts.q) : null;
  const where = and(
    scopeWhere(opts.scope),
    like
      ? or(
          ilike(users.username, like),
          ilike(users.displayName, like),
          ilike(users.phone, like),
          ilike(users.email, like),
        )
      : undefined,
    opts.roleCode ? eq(users.roleCode, opts.roleCode) : undefined,
    opts.active === undefined ? undefined : eq(users.active, opts.active),
    opts.dealerId ? eq(users.dealerId, opts.dealerId) : undefined,
  );
  const [items, totals] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.username)).limit(opts.limit).offset(opts.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
};

export const findUser = async (db: Executor, id: string, scope: ScopeFilter) =>
  (
    await db
      .select()
      .from(users)
      .where(and(eq(users.id, id), scopeWhere(scope)))
  )[0] ?? null;

export const usernameTaken = async (db: Executor, username: string) =>
  (await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`))
    .length > 0;

export const insertUser = async (db: Executor, row: typeof users.$inferInsert) =>
  (await db.insert(users).values(row).returning())[0]!;

export const findRole = async (db: Executor, code: string) =>
  (await db.select().from(roles).where(eq(roles.code, code)))[0] ?? null;

/**
 * Active staff with one of these roles, to notify: the company's own (dealerId null), or, with a
 * dealer, that dealer's staff too.
 */
export const activeUserIdsWithRoles = async (db: Executor, roleCodes: string[], dealerId: string | null) =>
  roleCodes.length === 0
    ? []
    : (
        await db
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              inArray(users.roleCode, roleCodes),
              eq(users.active, true),
              dealerId
                ? sql`(${users.dealerId} is null or ${users.dealerId} = ${dealerId})`
                : sql`${users.dealerId} is null`,
            ),
          )
      ).map((u) => u.id);

/** The customer's own active portal users, to tell them how their request goes. */
export const activeUserIdsOfCustomer = async (db: Executor, customerId: string) =>
  (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.customerId, customerId), eq(users.active, true)))
  ).map((u) => u.id);
