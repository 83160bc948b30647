import type { Db, Executor } from '../../db/client.ts';
import {
  backlogRows,
  complaintRows,
  costRows,
  ftfRows,
  mttrRows,
  type SatisfactionStats,
  satisfactionRows,
  slaRows,
  type TicketStats,
} from '../../domain/reports/build.ts';
import { narrowToMonth, parseDrillKey } from '../../domain/reports/drill-keys.ts';
import { headline } from '../../domain/reports/headline.ts';
import {
  addDays,
  type DateRange,
  daysBetween,
  localDate,
  monthOf,
  monthRange,
  monthsIn,
  startOfLocalDay,
} from '../../domain/reports/periods.ts';
import type { Ctx } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import * as dal from './dashboard-dal.ts';
import { drillRecords } from './drill.ts';
import type { Figure } from './reports-schemas.ts';
import { readState } from './stats-dal.ts';

export type DashboardQuery = { from?: string; to?: string; dealerId?: string };

/** A report reads one consistent snapshot: all its queries in one repeatable-read, read-only transaction. */
export const snapshot = <T>(db: Db, fn: (tx: Executor) => Promise<T>) =>
  db.transaction(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' });

const MAX_DAYS = 3 * 366;

/** The default period is the last six months up to today; from after to, or over 3 years, is a 400. */
export const rangeOf = (q: { from?: string; to?: string }, now: Date): DateRange => {
  const to = q.to ?? localDate(now);
  const sixMonthsBack = monthRange(monthsBack(monthOf(to), 5))!.from;
  const from = q.from ?? sixMonthsBack;
  if (from > to) throw fieldError('querystring.from', 'must not be after to');
  if (daysBetween(from, to) > MAX_DAYS)
    throw fieldError('querystring.from', 'the period may span at most 3 years');
  return { from, to };
};

const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/**
 * Whose figures: staff with the all scope see the company or the dealer they pick; a dealer user
 * always its own dealer (naming another is a 404, like any record outside its scope); anyone else
 * (a custom customer-scoped role) an impossible filter.
 */
export const dealerFilterOf = (actor: Actor, dealerId: string | undefined): dal.DealerFilter => {
  switch (actor.scope) {
    case 'all':
      return dealerId ? { kind: 'dealer', dealerId } : { kind: 'all' };
    case 'dealer':
      if (dealerId && dealerId !== actor.dealerId) throw notFound('dealer', dealerId);
      return { kind: 'dealer', dealerId: actor.dealerId };
    case 'customer':
      return { kind: 'dealer', dealerId: null };
  }
};

export const filterOf = (range: DateRange, dealer: dal.DealerFilter, now: Date): dal.Filter => ({
  ...range,
  start: startOfLocalDay(range.from),
  end: startOfLocalDay(addDays(range.to, 1)),
  dealer,
  now,
});

/** Loads each input once per request, whichever figures need it. */
const inputs = (tx: Executor, f: dal.Filter) => {
  const once = <T>(load: () => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= load());
  };
  return {
    stats: once<TicketStats[]>(() => dal.ticketStats(tx, f)),
    parts: once(() => dal.partsByMonth(tx, f)),
    satisfaction: once<SatisfactionStats[]>(() => dal.satisfactionByMonth(tx, f)),
  };
};
type Inputs = ReturnType<typeof inputs>;

const iso = (d: Date) => d.toISOString();

/** Each figure's rows, computed from the inputs. */
const FIGURE_ROWS = {
  sla: async (_tx, _f, i) => slaRows(await i.stats()),
  backlog: async (tx, f) => backlogRows(await dal.backlogCounts(tx, f)),
  ftf: async (_tx, f, i) => ftfRows(await i.stats(), monthsIn(f)),
  mttr: async (_tx, f, i) => mttrRows(await i.stats(), monthsIn(f)),
  repeats: async (tx, f) =>
    (await dal.repeatFailures(tx, f)).map((r) => ({
      key: r.kind === 'tickets' ? `asset:${r.assetId}` : `part:${r.assetId}:${r.partId}`,
      ...r,
      firstAt: iso(r.firstAt),
      lastAt: iso(r.lastAt),
    })),
  cost: async (tx, f, i) =>
    costRows({
      model: await dal.costByModel(tx, f),
      dealer: await dal.costByDealer(tx, f),
      part: (await i.parts()).map((p) => ({
        month: p.month,
        id: p.partId,
        name: `${p.code} ${p.name}`,
        costFen: p.costFen,
      })),
    }),
  parts: async (_tx, _f, i) =>
    (await i.parts())
      .filter((p) => p.quantity > 0)
      .sort((a, b) => a.month.localeCompare(b.month) || b.quantity - a.quantity)
      .map(({ costFen: _, ...p }) => ({ key: `${p.partId}:${p.month}`, ...p })),
  satisfaction: async (_tx, f, i) => satisfactionRows(await i.satisfaction(), monthsIn(f)),
  complaints: async (tx, f) => complaintRows(await dal.complaintCauses(tx, f)),
} satisfies Record<Figure, (tx: Executor, f: dal.Filter, i: Inputs) => Promise<object[]>>;

export const dashboardService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const prepare = (ctx: Ctx, q: DashboardQuery) => {
    assertCan(ctx.actor, 'report.read');
    const now = clock.now();
    return filterOf(rangeOf(q, now), dealerFilterOf(ctx.actor, q.dealerId), now);
  };

  /** Every figure for one filter, with the headline numbers, from one snapshot. */
  const compute = (f: dal.Filter) =>
    snapshot(db, async (tx) => {
      const i = inputs(tx, f);
      // One after the other: a transaction's queries share one connection.
      const figures = {
        sla: { rows: await FIGURE_ROWS.sla(tx, f, i) },
        backlog: { rows: await FIGURE_ROWS.backlog(tx, f) },
        ftf: { rows: await FIGURE_ROWS.ftf(tx, f, i) },
        mttr: { rows: await FIGURE_ROWS.mttr(tx, f, i) },
        repeats: { rows: await FIGURE_ROWS.repeats(tx, f) },
        cost: { rows: await FIGURE_ROWS.cost(tx, f, i) },
        parts: { rows: await FIGURE_ROWS.parts(tx, f, i) },
        satisfaction: { rows: await FIGURE_ROWS.satisfaction(tx, f, i) },
        complaints: { rows: await FIGURE_ROWS.complaints(tx, f) },
      } satisfies Record<Figure, { rows: object[] }>;
      const state = await readState(tx);
      const h = headline({
        stats: await i.stats(),
        backlog: figures.backlog.rows,
        cost: figures.cost.rows,
        partsConsumed: (await i.parts()).reduce((s, p) => s + p.quantity, 0),
        satisfaction: await i.satisfaction(),
        complaints: figures.complaints.rows,
      });
      return {
        from: f.from,
        to: f.to,
        dealerId: f.dealer.kind === 'dealer' ? f.dealer.dealerId : null,
        refreshedAt: state?.refreshedAt ?? null,
        generatedAt: iso(f.now),
        headline: h,
        figures,
      };
    });

  return {
    compute,
    get: (ctx: Ctx, q: DashboardQuery) => compute(prepare(ctx, q)),
    /** One figure's rows (the export). */
    figure: (ctx: Ctx, figure: Figure, q: DashboardQuery) => {
      const f = prepare(ctx, q);
      return snapshot(db, (tx): Promise<object[]> => FIGURE_ROWS[figure](tx, f, inputs(tx, f)));
    },
    filter: prepare,
    /** The records behind one row of a figure. */
    records: async (
      ctx: Ctx,
      figure: Figure,
      q: DashboardQuery & { key: string; limit: number; offset: number },
    ) => {
      const f = prepare(ctx, q);
      const target = parseDrillKey(figure, q.key);
      if (!target) throw fieldError('querystring.key', `is not a row key of the ${figure} figure`);
      const month = 'month' in target ? target.month : null;
      const range = narrowToMonth(f, month);
      if (!range) return { items: [], total: 0, totalCapped: false };
      // Backlog cells count ages at the last refresh; the records are aged at the same instant.
      const state = target.figure === 'backlog' ? await readState(db) : null;
      const narrowed = filterOf(range, f.dealer, state ? new Date(state.refreshedAt) : f.now);
      return snapshot(db, (tx) => drillRecords(tx, narrowed, target, { limit: q.limit, offset: q.offset }));
    },
  };
};

export type DashboardService = ReturnType<typeof dashboardService>;
