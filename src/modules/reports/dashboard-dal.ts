import { and, type Column, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  dailyCostStats,
  dailyPartStats,
  dailySatisfactionStats,
  dailyTicketStats,
  dealers,
  departments,
  parts,
  productModels,
} from '../../db/schema/index.ts';
import type { SatisfactionStats, TicketStats } from '../../domain/reports/build.ts';
import { AGEING_BOUNDS_DAYS, AGEING_BUCKETS, type AgeingBucket } from '../../domain/reports/figures.ts';

// The dashboard's queries: sums over the summary tables (src/db/schema/stats.ts) for every figure but
// the complaint causes, which are few and read live by their date index.

/** A dealer-scoped caller gets its own dealer; a dealer user without a dealer gets nothing (false). */
export type DealerFilter = { kind: 'all' } | { kind: 'dealer'; dealerId: string | null };
export type Filter = { from: string; to: string; start: Date; end: Date; dealer: DealerFilter; now: Date };

export const dealerCond = (col: Column | SQL, d: DealerFilter): SQL | undefined =>
  d.kind === 'all' ? undefined : d.dealerId ? sql`${col} = ${d.dealerId}` : sql`false`;

type Rows<T> = { rows: T[] };
const n = (col: SQL | Column) => sql<number>`coalesce(sum(${col}), 0)`.mapWith(Number);
const month = (col: Column) => sql<string>`left(${col}, 7)`;

export const ticketStats = async (db: Executor, f: Filter): Promise<TicketStats[]> => {
  const s = dailyTicketStats;
  return db
    .select({
      month: month(s.day),
      dealerId: s.dealerId,
      dealerName: dealers.name,
      departmentId: s.departmentId,
      departmentName: departments.name,
      opened: n(s.opened),
      resolved: n(s.resolved),
      resolveMinutesSum: n(s.resolveMinutesSum),
      firstResponseMet: n(s.firstResponseMet),
      firstResponseBreached: n(s.firstResponseBreached),
      arrangeMet: n(s.arrangeMet),
      arrangeBreached: n(s.arrangeBreached),
      onsiteMet: n(s.onsiteMet),
      onsiteBreached: n(s.onsiteBreached),
      resolveMet: n(s.resolveMet),
      resolveBreached: n(s.resolveBreached),
      ftfBase: n(s.ftfBase),
      ftfFirst: n(s.ftfFirst),
      repairMinutesSum: n(s.repairMinutesSum),
      repairCount: n(s.repairCount),
    })
    .from(s)
    .leftJoin(dealers, eq(dealers.id, s.dealerId))
    .leftJoin(departments, eq(departments.id, s.departmentId))
    .where(and(gte(s.day, f.from), lte(s.day, f.to), dealerCond(s.dealerId, f.dealer)))
    .groupBy(month(s.day), s.dealerId, dealers.name, s.departmentId, departments.name);
};

/** `case` over the ageing buckets, from the same bounds as the pure rule (age < bound days). */
export const bucketCase = (reportedAt: SQL, now: Date) =>
  sql.join(
    [
      sql`case`,
      ...AGEING_BOUNDS_DAYS.map(
        (d, i) =>
          sql`when ${reportedAt} > ${now}::timestamptz - ${`${d} days`}::interval then ${AGEING_BUCKETS[i]}`,
      ),
      sql`else ${AGEING_BUCKETS.at(-1)} end`,
    ],
    sql` `,
  );

/** Open tickets per status and ageing bucket at the last stats refresh (backlog_stats). */
export const backlogCounts = async (db: Executor, f: Filter) => {
  const r = (await db.execute(sql`
    select status, bucket, sum(tickets)::int as n from backlog_stats
    where ${dealerCond(sql`dealer_id`, f.dealer) ?? sql`true`}
    group by 1, 2`)) as unknown as Rows<{ status: string; bucket: AgeingBucket; n: number }>;
  return r.rows.map((x) => ({ ...x, n: Number(x.n) }));
};

export type RepeatRow = {
  kind: 'tickets' | 'part';
  assetId: string;
  serialNo: string;
  modelName: string | null;
  customerName: string | null;
  partId: string | null;
  partCode: string | null;
  partName: string | null;
  count: number;
  firstAt: Date;
  lastAt: Date;
};

/**
 * Repeat failures in the period (daily_repeat_stats): assets repaired again within 90 days and parts
 * fitted again on the same asset within 90 days, most repeats first.
 */
export const repeatFailures = async (db: Executor, f: Filter, limit = 100): Promise<RepeatRow[]> => {
  const r = (await db.execute(sql`
    with x as (
      select asset_id, part_id, sum(repeats)::int as n, min(first_at) as first_at, max(last_at) as last_at
      from daily_repeat_stats
      where day >= ${f.from} and day <= ${f.to} and ${dealerCond(sql`dealer_id`, f.dealer) ?? sql`true`}
      group by asset_id, part_id order by n desc, last_at desc limit ${limit}
    )
    select case when x.part_id is null then 'tickets' else 'part' end as kind, x.asset_id, a.serial_no,
      m.name as model_name, c.name as customer_name, x.part_id, p.code as part_code, p.name as part_name,
      x.n, x.first_at, x.last_at
    from x join assets a on a.id = x.asset_id
    left join product_models m on m.id = a.model_id
    left join customers c on c.id = a.customer_id
    left join parts p on p.id = x.part_id
    order by x.n desc, x.last_at desc, a.serial_no`)) as unknown as Rows<Record<string, unknown>>;
  return r.rows.map((x) => ({
    kind: x.kind as RepeatRow['kind'],
    assetId: x.asset_id as string,
    serialNo: x.serial_no as string,
    modelName: (x.model_name as string | null) ?? null,
    customerName: (x.customer_name as string | null) ?? null,
    partId: (x.part_id as string | null) ?? null,
    partCode: (x.part_code as string | null) ?? null,
    partName: (x.part_name as string | null) ?? null,
    count: Number(x.n),
    firstAt: new Date(x.first_at as string),
    lastAt: new Date(x.last_at as string),
  }));
};

type Named = { month: string; id: string | null; name: string | null; costFen: number };

export const costByModel = (db: Executor, f: Filter): Promise<Named[]> => {
  const s = dailyCostStats;
  return db
    .select({ month: month(s.day), id: s.modelId, name: productModels.name, costFen: n(s.companyCostFen) })
    .from(s)
    .leftJoin(productModels, eq(productModels.id, s.modelId))
    .where(and(gte(s.day, f.from), lte(s.day, f.to), dealerCond(s.dealerId, f.dealer)))
    .groupBy(month(s.day), s.modelId, productModels.name);
};

export const costByDealer = (db: Executor, f: Filter): Promise<Named[]> => {
  const s = dailyCostStats;
  return db
    .select({ month: month(s.day), id: s.dealerId, name: dealers.name, costFen: n(s.companyCostFen) })
    .from(s)
    .leftJoin(dealers, eq(dealers.id, s.dealerId))
    .where(and(gte(s.day, f.from), lte(s.day, f.to), dealerCond(s.dealerId, f.dealer)))
    .groupBy(month(s.day), s.dealerId, dealers.name);
};

/** Per part and month: pieces consumed and the company-paid cost of its lines. */
export const partsByMonth = (db: Executor, f: Filter) => {
  const s = dailyPartStats;
  return db
    .select({
      month: month(s.day),
      partId: s.partId,
      code: parts.code,
      name: parts.name,
      quantity: n(s.consumedQty),
      costFen: n(s.companyCostFen),
    })
    .from(s)
    .innerJoin(parts, eq(parts.id, s.partId))
    .where(
      and(
        gte(s.day, f.from),
        lte(s.day, f.to),
        // The company reads the rows of every dealer together; a dealer its own rows.
        f.dealer.kind === 'all'
          ? eq(s.allDealers, true)
          : and(eq(s.allDealers, false), dealerCond(s.dealerId, f.dealer)),
      ),
    )
    .groupBy(month(s.day), s.partId, parts.code, parts.name);
};

export const satisfactionByMonth = (db: Executor, f: Filter): Promise<SatisfactionStats[]> => {
  const s = dailySatisfactionStats;
  return db
    .select({
      month: month(s.day),
      source: sql<'visit' | 'survey'>`${s.source}`,
      answered: n(s.answered),
      scored: n(s.scored),
      scoreX100Sum: n(s.scoreX100Sum),
      unhappy: n(s.unhappy),
      npsAnswered: n(s.npsAnswered),
      promoters: n(s.promoters),
      detractors: n(s.detractors),
    })
    .from(s)
    .where(and(gte(s.day, f.from), lte(s.day, f.to), dealerCond(s.dealerId, f.dealer)))
    .groupBy(month(s.day), s.source);
};

/** Complaints received in the period by cause class (live: complaints are few and indexed by date). */
export const complaintCauses = async (db: Executor, f: Filter) => {
  const r = (await db.execute(sql`
    select cause_class as cause, count(*)::int as count from complaints
    where received_at >= ${f.start} and received_at < ${f.end} and status <> 'cancelled'
      and ${dealerCond(sql`dealer_id`, f.dealer) ?? sql`true`}
    group by cause_class`)) as unknown as Rows<{ cause: string | null; count: number }>;
  return r.rows.map((x) => ({ cause: x.cause, count: Number(x.count) }));
};
