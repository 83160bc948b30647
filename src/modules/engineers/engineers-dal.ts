import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { dealers, engineers, serviceCentres, users, workOrderEngineers } from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

export type EngineerRow = typeof engineers.$inferSelect;

// A dealer sees its own engineers; company-wide users see everyone. Customers never see engineers.
const scopeWhere = (scope: ScopeFilter) => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(engineers.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return sql`false`;
  }
};

/** Open work orders per engineer: one grouped index scan, never a query per engineer. */
export const openLoads = async (db: Executor, ids: string[]) => {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: workOrderEngineers.engineerId, n: count() })
    .from(workOrderEngineers)
    .where(and(inArray(workOrderEngineers.engineerId, ids), eq(workOrderEngineers.open, true)))
    .groupBy(workOrderEngineers.engineerId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
};

const withNames = {
  engineer: engineers,
  username: users.username,
  dealerName: dealers.name,
  serviceCentreName: serviceCentres.name,
};

export type EngineerListRow = { engineer: EngineerRow } & {
  username: string | null;
  dealerName: string | null;
  serviceCentreName: string | null;
};

const joined = (db: Executor) =>
  db
    .select(withNames)
    .from(engineers)
    .leftJoin(users, eq(users.id, engineers.userId))
    .leftJoin(dealers, eq(dealers.id, engineers.dealerId))
    .leftJoin(serviceCentres, eq(serviceCentres.id, engineers.serviceCentreId));

export const listEngineers = async (
  db: Executor,
  opts: {
    scope: ScopeFilter;
    q?: string;
    active?: boolean;
    dealerId?: string;
    serviceCentreId?: string;
    limit: number;
    offset: number;
  },
) => {
  const like = opts.q ? containsPattern(opts.q) : null;
  const where = and(
    scopeWhere(opts.scope),
    like
      ? or(ilike(engineers.name, like), ilike(engineers.trade, like), ilike(engineers.phone, like))
      : undefined,
    opts.active === undefined ? undefined : eq(engineers.active, opts.active),
    opts.dealerId ? eq(engineers.dealerId, opts.dealerId) : undefined,
    opts.serviceCentreId ? eq(engineers.serviceCentreId, opts.serviceCentreId) : undefined,
  );
  const [items, totals] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(asc(engineers.name), asc(engineers.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(engineers).where(where),
  ]);
  return { items: items as EngineerListRow[], total: Number(totals[0]?.n ?? 0) };
};

export const findEngineer = async (db: Executor, id: string, scope: ScopeFilter) =>
  ((await joined(db).where(and(eq(engineers.id, id), scopeWhere(scope))))[0] as
    | EngineerListRow
    | undefined) ?? null;

export const engineerOfUser = async (db: Executor, userId: string) =>
  (await db.select().from(engineers).where(eq(engineers.userId, userId)))[0] ?? null;

export const insertEngineer = async (db: Executor, row: typeof engineers.$inferInsert) =>
  (await db.insert(engineers).values(row).returning())[0]!;

/** Active engineers in scope for the board and the suggestion (500 rows is the designed size). */
export const activeEngineers = (
  db: Executor,
  opts: { scope: ScopeFilter; q?: string; dealerId?: string; serviceCentreId?: string; limit?: number },
) => {
  const like = opts.q ? containsPattern(opts.q) : null;
  return db
    .select()
    .from(engineers)
    .where(
      and(
        eq(engineers.active, true),
        scopeWhere(opts.scope),
        like ? or(ilike(engineers.name, like), ilike(engineers.trade, like)) : undefined,
        opts.dealerId ? eq(engineers.dealerId, opts.dealerId) : undefined,
        opts.serviceCentreId ? eq(engineers.serviceCentreId, opts.serviceCentreId) : undefined,
      ),
    )
    .orderBy(asc(engineers.name), asc(engineers.id))
    .limit(opts.limit ?? 1000);
};

export const engineersByIds = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as EngineerRow[])
    : db.select().from(engineers).where(inArray(engineers.id, ids));
