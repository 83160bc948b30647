import { eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { appMeta } from '../../db/schema/index.ts';
import { REPEAT_WINDOW_DAYS } from '../../domain/reports/figures.ts';
import { bucketCase } from './dashboard-dal.ts';

// Recomputes the dashboard summary tables (src/db/schema/stats.ts) for a range of local days: every
// row of those days is deleted and inserted again from the source tables, so a rerun is idempotent.
// Each source is read by an index on the instant that decides the day (reported_at, resolved_at,
// stopped_at, check_out_at, done_at, consumed_at, completed_at, submitted_at).

const STATS_LOCK_KEY = 7_231_005;
const META_KEY = 'stats.refresh';

/** The local (Asia/Shanghai) day of an instant, as `YYYY-MM-DD`. */
export const dayOf = (col: SQL) => sql`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
const minutes = (a: SQL, b: SQL) => sql`greatest(0, round(extract(epoch from (${b} - ${a})) / 60))::bigint`;

const TICKET_MEASURES = [
  'opened',
  'resolved',
  'resolve_minutes_sum',
  'first_response_met',
  'first_response_breached',
  'arrange_met',
  'arrange_breached',
  'onsite_met',
  'onsite_breached',
  'resolve_met',
  'resolve_breached',
  'ftf_base',
  'ftf_first',
  'repair_minutes_sum',
  'repair_count',
] as const;
type TicketMeasure = (typeof TICKET_MEASURES)[number];

const METRIC_COLUMNS = {
  firstResponse: 'first_response',
  arrange: 'arrange',
  onsite: 'onsite',
  resolve: 'resolve',
} as const;

/** One `union all` branch: the day and dimensions of each source row, its measures, zeros elsewhere. */
const branch = (day: SQL, measures: Partial<Record<TicketMeasure, SQL>>, from: SQL) =>
  sql`select ${day} as day, t.dealer_id, t.assignee_department_id as department_id, ${sql.join(
    TICKET_MEASURES.map((m) => sql`${measures[m] ?? sql`0`}::bigint as ${sql.raw(m)}`),
    sql`, `,
  )} ${from}`;

const between = (col: SQL, a: Date, b: Date) => sql`${col} >= ${a} and ${col} < ${b}`;

export type DayRange = { fromDay: string; toDay: string; start: Date; end: Date };

const refreshTickets = async (tx: Executor, r: DayRange, now: Date) => {
  const clockMeasures = Object.fromEntries(
    Object.entries(METRIC_COLUMNS).flatMap(([metric, col]) => [
      [`${col}_met`, sql`(c.metric = ${metric} and c.status = 'met')::int`],
      [`${col}_breached`, sql`(c.metric = ${metric} and c.status = 'breached')::int`],
    ]),
  ) as Partial<Record<TicketMeasure, SQL>>;
  const branches = [
    branch(
      dayOf(sql`t.reported_at`),
      { opened: sql`1` },
      sql`from tickets t where ${between(sql`t.reported_at`, r.start, r.end)}`,
    ),
    branch(
      dayOf(sql`t.resolved_at`),
      {
        resolved: sql`1`,
        resolve_minutes_sum: minutes(sql`t.reported_at`, sql`t.resolved_at`),
        ftf_base: sql`(w.n >= 1)::int`,
        ftf_first: sql`(w.n = 1 and w.finished = 1)::int`,
      },
      sql`from tickets t left join lateral (
            select count(*) filter (where o.status <> 'cancelled') as n,
                   count(*) filter (where o.status in ('done', 'signed', 'closed')) as finished
            from work_orders o where o.ticket_id = t.id) w on true
          where ${between(sql`t.resolved_at`, r.start, r.end)}`,
    ),
    branch(
      dayOf(sql`c.stopped_at`),
      clockMeasures,
      sql`from ticket_sla_clocks c join tickets t on t.id = c.ticket_id
          where ${between(sql`c.stopped_at`, r.start, r.end)} and c.status in ('met', 'breached')`,
    ),
    branch(
      dayOf(sql`o.check_out_at`),
      { repair_count: sql`1`, repair_minutes_sum: minutes(sql`o.check_in_at`, sql`o.check_out_at`) },
      sql`from work_orders o join tickets t on t.id = o.ticket_id
          where ${between(sql`o.check_out_at`, r.start, r.end)} and o.check_in_at is not null and o.status <> 'cancelled'`,
    ),
  ];
  const cols = sql.raw(TICKET_MEASURES.join(', '));
  const sums = sql.raw(TICKET_MEASURES.map((m) => `sum(${m})`).join(', '));
  await tx.execute(sql`
    insert into daily_ticket_stats (day, dealer_id, department_id, ${cols}, refreshed_at)
    select day, dealer_id, department_id, ${sums}, ${now}::timestamptz
    from (${sql.join(branches, sql` union all `)}) e
    group by day, dealer_id, department_id`);
};

const refreshCosts = async (tx: Executor, r: DayRange, now: Date) => {
  await tx.execute(sql`
    insert into daily_cost_stats (day, dealer_id, model_id, orders, company_cost_fen, refreshed_at)
    select ${dayOf(sql`o.done_at`)}, o.dealer_id, a.model_id, count(*), sum(o.company_cost_fen), ${now}::timestamptz
    from work_orders o left join assets a on a.id = o.asset_id
    where ${between(sql`o.done_at`, r.start, r.end)} and o.status in ('done', 'signed', 'closed')
    group by 1, 2, 3`);
  // Per dealer, and every dealer together (all_dealers) for the company-wide dashboard.
  await tx.execute(sql`
    insert into daily_part_stats (day, all_dealers, dealer_id, part_id, consumed_qty, company_cost_fen, refreshed_at)
    select day, grouping(dealer_id) = 1, dealer_id, part_id, sum(qty), sum(cost), ${now}::timestamptz from (
      select ${dayOf(sql`p.consumed_at`)} as day, o.dealer_id, p.part_id, p.quantity::bigint as qty, 0::bigint as cost
      from work_order_parts p join work_orders o on o.id = p.work_order_id
      where ${between(sql`p.consumed_at`, r.start, r.end)} and p.status = 'consumed'
      union all
      select ${dayOf(sql`o.done_at`)}, o.dealer_id, p.part_id, 0, (l->>'amountFen')::bigint
      from work_orders o
      cross join lateral jsonb_array_elements(coalesce(o.charges->'lines', '[]'::jsonb)) l
      join work_order_parts p on p.id = (l->>'ref')::uuid
      where ${between(sql`o.done_at`, r.start, r.end)} and o.status in ('done', 'signed', 'closed')
        and l->>'kind' = 'part' and l->>'payer' = 'company'
    ) e group by grouping sets ((day, dealer_id, part_id), (day, part_id))`);
};

const WINDOW = sql.raw(`interval '${REPEAT_WINDOW_DAYS} days'`);

/**
 * Repeat failures of the days: each repair ticket whose asset had another repair ticket in the 90 days
 * before, and each (work order, part) fit whose asset had the same part fitted by another order in the
 * 90 days before. The previous one is found through an index, so only the days' rows are read.
 */
const refreshRepeats = async (tx: Executor, r: DayRange, now: Date) => {
  await tx.execute(sql`
    insert into daily_repeat_stats (day, dealer_id, asset_id, part_id, repeats, first_at, last_at, refreshed_at)
    select day, dealer_id, asset_id, part_id, count(*), min(prev), max(at), ${now}::timestamptz from (
      select ${dayOf(sql`t.reported_at`)} as day, t.dealer_id, t.asset_id, null::uuid as part_id, t.reported_at as at, p.prev
      from tickets t cross join lateral (
        select max(t2.reported_at) as prev from tickets t2
        where t2.type = 'repair' and t2.asset_id = t.asset_id and t2.reported_at < t.reported_at
          and t2.reported_at >= t.reported_at - ${WINDOW}) p
      where t.type = 'repair' and t.asset_id is not null and ${between(sql`t.reported_at`, r.start, r.end)}
        and p.prev is not null
      union all
      select ${dayOf(sql`f.at`)}, f.dealer_id, f.asset_id, f.part_id, f.at, p.prev
      from (
        select o.id, o.dealer_id, o.asset_id, l.part_id, min(l.consumed_at) as at
        from work_order_parts l join work_orders o on o.id = l.work_order_id
        where l.status = 'consumed' and o.asset_id is not null and ${between(sql`l.consumed_at`, r.start, r.end)}
        group by o.id, o.dealer_id, o.asset_id, l.part_id
      ) f cross join lateral (
        select max(l2.consumed_at) as prev from work_orders o2 join work_order_parts l2 on l2.work_order_id = o2.id
        where o2.asset_id = f.asset_id and o2.id <> f.id and l2.part_id = f.part_id and l2.status = 'consumed'
          and l2.consumed_at < f.at and l2.consumed_at >= f.at - ${WINDOW}) p
      where p.prev is not null
    ) e group by day, dealer_id, asset_id, part_id`);
};

const refreshSatisfaction = async (tx: Executor, r: DayRange, now: Date) => {
  await tx.execute(sql`
    insert into daily_satisfaction_stats (day, dealer_id, source, answered, scored, score_x100_sum, unhappy,
      nps_answered, promoters, detractors, refreshed_at)
    select day, dealer_id, source, count(*), sum(scored), sum(score), sum(unhappy), sum(nps_answered),
      sum(promoter), sum(detractor), ${now}::timestamptz from (
      select ${dayOf(sql`v.completed_at`)} as day, v.dealer_id, 'visit' as source,
        (v.score_x100 is not null)::int as scored, coalesce(v.score_x100, 0) as score, v.unhappy::int as unhappy,
        0 as nps_answered, 0 as promoter, 0 as detractor
      from follow_up_visits v where ${between(sql`v.completed_at`, r.start, r.end)} and v.status = 'done'
      union all
      select ${dayOf(sql`s.submitted_at`)}, s.dealer_id, 'survey',
        (s.score_x100 is not null)::int, coalesce(s.score_x100, 0), coalesce(s.score_x100 <= 200, false)::int,
        (s.nps is not null)::int, coalesce(s.nps >= 9, false)::int, coalesce(s.nps <= 6, false)::int
      from survey_responses s where ${between(sql`s.submitted_at`, r.start, r.end)}
    ) e group by day, dealer_id, source`);
};

const STATS_TABLES = [
  'daily_ticket_stats',
  'daily_cost_stats',
  'daily_part_stats',
  'daily_satisfaction_stats',
  'daily_repeat_stats',
];

/** Recomputes every summary row of the days in `r`, in the caller's transaction. */
export const recomputeDays = async (tx: Executor, r: DayRange, now: Date) => {
  // Two workers refreshing at once queue here instead of deleting each other's fresh rows.
  await tx.execute(sql`select pg_advisory_xact_lock(${STATS_LOCK_KEY})`);
  for (const table of STATS_TABLES)
    await tx.execute(
      sql`delete from ${sql.identifier(table)} where day >= ${r.fromDay} and day <= ${r.toDay}`,
    );
  await refreshTickets(tx, r, now);
  await refreshCosts(tx, r, now);
  await refreshSatisfaction(tx, r, now);
  await refreshRepeats(tx, r, now);
};

/** Replaces the backlog snapshot: open tickets now per dealer, status and ageing bucket. */
export const refreshBacklog = async (tx: Executor, now: Date) => {
  await tx.execute(sql`select pg_advisory_xact_lock(${STATS_LOCK_KEY})`);
  await tx.execute(sql`delete from backlog_stats`);
  await tx.execute(sql`
    insert into backlog_stats (dealer_id, status, bucket, tickets, refreshed_at)
    select dealer_id, status, ${bucketCase(sql`reported_at`, now)}, count(*), ${now}::timestamptz
    from tickets where status not in ('resolved', 'closed', 'cancelled')
    group by 1, 2, 3`);
};

/** The earliest instant any summarised source has, or null on an empty database. */
export const earliestEvent = async (db: Executor): Promise<Date | null> => {
  const r = (await db.execute(sql`select least(
      (select min(reported_at) from tickets),
      (select min(done_at) from work_orders where done_at is not null),
      (select min(check_out_at) from work_orders where check_out_at is not null),
      (select min(consumed_at) from work_order_parts where consumed_at is not null),
      (select min(completed_at) from follow_up_visits),
      (select min(submitted_at) from survey_responses)) as at`)) as unknown as {
    rows: { at: Date | string | null }[];
  };
  const at = r.rows[0]?.at;
  return at ? new Date(at) : null;
};

export type RefreshState = { computedThrough: string; refreshedAt: string };

export const readState = async (db: Executor): Promise<RefreshState | null> => {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, META_KEY));
  return (row?.value as RefreshState | undefined) ?? null;
};

export const writeState = async (db: Executor, state: RefreshState, now: Date) => {
  await db
    .insert(appMeta)
    .values({ key: META_KEY, value: state, updatedAt: now })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: state, updatedAt: now } });
};
