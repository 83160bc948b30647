import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  customers,
  dealers,
  oldPartReturns,
  parts,
  stockingPlans,
  stockLocations,
  users,
  workOrders,
} from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

// SQL of stocking plans (经销商备件储备计划) and old-part returns (旧件返回).

export type PlanRow = typeof stockingPlans.$inferSelect;
export type ReturnRow = typeof oldPartReturns.$inferSelect;

const planScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(stockingPlans.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return sql`false`;
  }
};

// The same rule as src/domain/parts/stocking-plan.ts, in SQL so the list can filter on it:
// submitted after the due day (Beijing calendar day), or unfiled and the due day has passed.
const lateExpr = (today: string) =>
  sql<boolean>`case when ${stockingPlans.submittedAt} is not null
    then (${stockingPlans.submittedAt} at time zone 'Asia/Shanghai')::date > ${stockingPlans.dueOn}
    else ${stockingPlans.dueOn} < ${today}::date end`;

const planQuery = (db: Executor) =>
  db
    .select({ plan: stockingPlans, dealerName: dealers.name, approvedByName: users.displayName })
    .from(stockingPlans)
    .leftJoin(dealers, eq(dealers.id, stockingPlans.dealerId))
    .leftJoin(users, eq(users.id, stockingPlans.approvedBy));

export type PlanView = { plan: PlanRow; dealerName: string | null; approvedByName: string | null };

export const listPlans = async (
  db: Executor,
  f: {
    scope: ScopeFilter;
    status?: string;
    dealerId?: string;
    late?: boolean;
    today: string;
    limit: number;
    offset: number;
  },
) => {
  const where = and(
    planScope(f.scope),
    f.status ? eq(stockingPlans.status, f.status) : undefined,
    f.dealerId ? eq(stockingPlans.dealerId, f.dealerId) : undefined,
    f.late === undefined ? undefined : f.late ? lateExpr(f.today) : sql`not ${lateExpr(f.today)}`,
  );
  const [items, totals] = await Promise.all([
    planQuery(db)
      .where(where)
      .orderBy(desc(stockingPlans.seasonStart), desc(stockingPlans.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(stockingPlans).where(where),
  ]);
  return { items: items as PlanView[], total: Number(totals[0]?.n ?? 0) };
};

export const findPlan = async (db: Executor, id: string, scope: ScopeFilter): Promise<PlanView | null> =>
  ((await planQuery(db).where(and(eq(stockingPlans.id, id), planScope(scope))))[0] as PlanView | undefined) ??
  null;

export const planSeasonTaken = async (db: Executor, dealerId: string, season: string, exceptId?: string) =>
  (
    await db
      .select({ id: stockingPlans.id })
      .from(stockingPlans)
      .where(
        and(
          eq(stockingPlans.dealerId, dealerId),
          eq(stockingPlans.season, season),
          exceptId ? sql`${stockingPlans.id} <> ${exceptId}` : undefined,
        ),
      )
  ).length > 0;

export const insertPlan = async (db: Executor, row: typeof stockingPlans.$inferInsert) =>
  (await db.insert(stockingPlans).values(row).returning())[0]!;

// ── old-part returns ────────────────────────────────────────────────────────────────────────────

const returnScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(oldPartReturns.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return scope.customerId ? eq(oldPartReturns.customerId, scope.customerId) : sql`false`;
  }
};

const returnQuery = (db: Executor) =>
  db
    .select({
      ret: oldPartReturns,
      partCode: parts.code,
      partName: parts.name,
      workOrderNumber: workOrders.number,
      dealerName: dealers.name,
      customerName: customers.name,
      storeLocationName: stockLocations.name,
    })
    .from(oldPartReturns)
    .innerJoin(parts, eq(parts.id, oldPartReturns.partId))
    .leftJoin(workOrders, eq(workOrders.id, oldPartReturns.workOrderId))
    .leftJoin(dealers, eq(dealers.id, oldPartReturns.dealerId))
    .leftJoin(customers, eq(customers.id, oldPartReturns.customerId))
    .leftJoin(stockLocations, eq(stockLocations.id, oldPartReturns.storeLocationId));

export type ReturnView = {
  ret: ReturnRow;
  partCode: string;
  partName: string;
  workOrderNumber: string | null;
  dealerName: string | null;
  customerName: string | null;
  storeLocationName: string | null;
};

export const listReturns = async (
  db: Executor,
  f: {
    scope: ScopeFilter;
    status?: string;
    overdue?: boolean;
    workOrderId?: string;
    now: Date;
    limit: number;
    offset: number;
  },
) => {
  const overdue = sql`(${oldPartReturns.status} = 'pending' and ${oldPartReturns.dueAt} < ${f.now.toISOString()}::timestamptz)`;
  const where = and(
    returnScope(f.scope),
    f.status ? eq(oldPartReturns.status, f.status) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? overdue : sql`not ${overdue}`,
    f.workOrderId ? eq(oldPartReturns.workOrderId, f.workOrderId) : undefined,
  );
  const [items, totals] = await Promise.all([
    returnQuery(db)
      .where(where)
      // Open returns by due time (most urgent first), then the finished ones, newest first.
      .orderBy(
        sql`case ${oldPartReturns.status} when 'pending' then 0 when 'received' then 1 else 2 end`,
        sql`case when ${oldPartReturns.status} = 'appraised' then null else ${oldPartReturns.dueAt} end asc nulls last`,
        desc(oldPartReturns.updatedAt),
      )
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(oldPartReturns).where(where),
  ]);
  return { items: items as ReturnView[], total: Number(totals[0]?.n ?? 0) };
};

export const findReturn = async (db: Executor, id: string, scope: ScopeFilter): Promise<ReturnView | null> =>
  ((await returnQuery(db).where(and(eq(oldPartReturns.id, id), returnScope(scope))))[0] as
    | ReturnView
    | undefined) ?? null;
