import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Summary tables for the dashboards (看板), refreshed by the `stats-refresh` job: a dashboard reads a
// few thousand summed rows instead of a million tickets. Each row holds what happened on one local
// (Asia/Shanghai) day, `YYYY-MM-DD` as text so it sorts and compares as a date and `left(day, 7)` is
// the month. The job recomputes whole days (delete + insert under an advisory lock, one transaction
// per chunk of days), so a rerun gives the same rows: today and yesterday on every run, older days
// when they were never computed or when a `from` day is named (after a recompute of old deadlines).
// Nullable dimensions (no dealer, no department, no model) are part of the unique key through coalesce.

const ZERO_UUID = sql`'00000000-0000-0000-0000-000000000000'::uuid`;
const counter = (name: string) => integer(name).notNull().default(0);
const sum = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * Tickets per day × dealer (the ticket's) × assignee department (the team). No ticket type: no figure
 * cuts by it, and it would multiply the rows a company-wide dashboard sums by seven.
 */
export const dailyTicketStats = pgTable(
  'daily_ticket_stats',
  {
    day: text('day').notNull(),
    dealerId: uuid('dealer_id'),
    departmentId: uuid('department_id'),
    // Registered that day (reported_at) and resolved that day (resolved_at).
    opened: counter('opened'),
    resolved: counter('resolved'),
    // Reported → resolved of the tickets resolved that day, in minutes (MTTR of tickets).
    resolveMinutesSum: sum('resolve_minutes_sum'),
    // SLA clocks that ended (stopped) that day, met or breached, per metric.
    firstResponseMet: counter('first_response_met'),
    firstResponseBreached: counter('first_response_breached'),
    arrangeMet: counter('arrange_met'),
    arrangeBreached: counter('arrange_breached'),
    onsiteMet: counter('onsite_met'),
    onsiteBreached: counter('onsite_breached'),
    resolveMet: counter('resolve_met'),
    resolveBreached: counter('resolve_breached'),
    // First-time fix of the tickets resolved that day: with work orders / fixed by exactly one that
    // reached done, signed or closed.
    ftfBase: counter('ftf_base'),
    ftfFirst: counter('ftf_first'),
    // Work orders checked out that day: check-in → check-out minutes (MTTR on site).
    repairMinutesSum: sum('repair_minutes_sum'),
    repairCount: counter('repair_count'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('daily_ticket_stats_uq').on(
      t.day,
      sql`coalesce(${t.dealerId}, ${ZERO_UUID})`,
      sql`coalesce(${t.departmentId}, ${ZERO_UUID})`,
    ),
    index('daily_ticket_stats_dealer_idx').on(t.dealerId, t.day),
  ],
);

/** Company-paid (warranty) cost of work orders finished (done_at) that day, per dealer and model. */
export const dailyCostStats = pgTable(
  'daily_cost_stats',
  {
    day: text('day').notNull(),
    dealerId: uuid('dealer_id'),
    // The model of the order's asset; null for orders without an asset.
    modelId: uuid('model_id'),
    orders: counter('orders'),
    companyCostFen: sum('company_cost_fen'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('daily_cost_stats_uq').on(
      t.day,
      sql`coalesce(${t.dealerId}, ${ZERO_UUID})`,
      sql`coalesce(${t.modelId}, ${ZERO_UUID})`,
    ),
    index('daily_cost_stats_dealer_idx').on(t.dealerId, t.day),
  ],
);

/**
 * Parts per day × dealer × part: pieces consumed that day (consumed_at), and the company-paid part
 * lines (payer company in work_orders.charges) of the orders finished that day. Each day also has a
 * row per part for every dealer together (`all_dealers`, dealer_id null): hundreds of parts times
 * dozens of dealers would otherwise make the company-wide dashboard sum hundreds of thousands of rows.
 */
export const dailyPartStats = pgTable(
  'daily_part_stats',
  {
    day: text('day').notNull(),
    allDealers: boolean('all_dealers').notNull().default(false),
    dealerId: uuid('dealer_id'),
    partId: uuid('part_id').notNull(),
    consumedQty: counter('consumed_qty'),
    companyCostFen: sum('company_cost_fen'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('daily_part_stats_uq').on(
      t.day,
      t.partId,
      t.allDealers,
      sql`coalesce(${t.dealerId}, ${ZERO_UUID})`,
    ),
    index('daily_part_stats_dealer_idx').on(t.dealerId, t.day),
    index('daily_part_stats_all_idx').on(t.day).where(sql`all_dealers`),
  ],
);

/**
 * Satisfaction per day × dealer × source (visit: return visits completed that day; survey: survey
 * responses submitted that day). Scores are means ×100, summed so averages stay exact.
 */
export const dailySatisfactionStats = pgTable(
  'daily_satisfaction_stats',
  {
    day: text('day').notNull(),
    dealerId: uuid('dealer_id'),
    // visit | survey
    source: text('source').notNull(),
    answered: counter('answered'),
    scored: counter('scored'),
    scoreX100Sum: sum('score_x100_sum'),
    unhappy: counter('unhappy'),
    // NPS answers (0–10): promoters 9–10, detractors 0–6.
    npsAnswered: counter('nps_answered'),
    promoters: counter('promoters'),
    detractors: counter('detractors'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('daily_satisfaction_stats_uq').on(
      t.day,
      t.source,
      sql`coalesce(${t.dealerId}, ${ZERO_UUID})`,
    ),
    index('daily_satisfaction_stats_dealer_idx').on(t.dealerId, t.day),
  ],
);

/**
 * Repeat failures by the day of the repeat: a repair ticket of an asset reported within 90 days of its
 * previous repair ticket (part_id null), or a part fitted on an asset within 90 days of the same part
 * on another work order (part_id set). first_at is the earliest previous repair or fit, last_at the
 * latest repeat of the day.
 */
export const dailyRepeatStats = pgTable(
  'daily_repeat_stats',
  {
    day: text('day').notNull(),
    dealerId: uuid('dealer_id'),
    assetId: uuid('asset_id').notNull(),
    partId: uuid('part_id'),
    repeats: counter('repeats'),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('daily_repeat_stats_uq').on(
      t.day,
      t.assetId,
      sql`coalesce(${t.partId}, ${ZERO_UUID})`,
      sql`coalesce(${t.dealerId}, ${ZERO_UUID})`,
    ),
    index('daily_repeat_stats_day_idx').on(t.day),
    index('daily_repeat_stats_dealer_idx').on(t.dealerId, t.day),
  ],
);

/**
 * The open tickets per dealer, status and ageing bucket when the stats job last ran (every 5 minutes).
 * Counting every open ticket on each dashboard load costs ~150 ms at 400 thousand open tickets even
 * from an index alone; this table makes it a few hundred rows. The bucket is the age at `refreshed_at`.
 */
export const backlogStats = pgTable(
  'backlog_stats',
  {
    dealerId: uuid('dealer_id'),
    status: text('status').notNull(),
    // lt1d | d1to3 | d3to7 | d7to30 | gt30d
    bucket: text('bucket').notNull(),
    tickets: counter('tickets'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('backlog_stats_uq').on(sql`coalesce(${t.dealerId}, ${ZERO_UUID})`, t.status, t.bucket)],
);
