// Turns the summed rows the dashboard queries return into each figure's table rows. Pure: the SQL
// sums, these functions divide, pivot and fill the months without data.
import { OPEN_TICKET_STATUSES } from '../tickets/ticket-status.ts';
import {
  AGEING_BUCKETS,
  type AgeingBucket,
  attainment,
  mean,
  nps,
  pareto,
  ratio,
  SLA_METRICS,
  type SlaMetric,
} from './figures.ts';

type MetCounts = Record<`${SlaMetric}Met` | `${SlaMetric}Breached`, number>;

/** daily_ticket_stats summed per month × dealer × team. */
export type TicketStats = MetCounts & {
  month: string;
  dealerId: string | null;
  dealerName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  opened: number;
  resolved: number;
  resolveMinutesSum: number;
  ftfBase: number;
  ftfFirst: number;
  repairMinutesSum: number;
  repairCount: number;
};

export type SlaDimension = 'metric' | 'team' | 'dealer';
export type SlaRow = {
  key: string;
  dimension: SlaDimension;
  /** The team's or dealer's id; null for the whole company (dimension metric) or "none". */
  id: string | null;
  name: string | null;
  metric: SlaMetric | 'all';
  met: number;
  breached: number;
  attainment: number | null;
};

/** The drill-down key of an SLA row: `dimension:id:metric` (`-` for no id). */
export const slaKey = (dimension: SlaDimension, id: string | null, metric: string) =>
  `${dimension}:${id ?? '-'}:${metric}`;

const slaOf = (dimension: SlaDimension, id: string | null, name: string | null, rows: TicketStats[]) => {
  const out: SlaRow[] = [];
  let met = 0;
  let breached = 0;
  for (const m of SLA_METRICS) {
    const mm = rows.reduce((s, r) => s + r[`${m}Met`], 0);
    const mb = rows.reduce((s, r) => s + r[`${m}Breached`], 0);
    met += mm;
    breached += mb;
    if (mm + mb > 0 || dimension === 'metric')
      out.push({
        key: slaKey(dimension, id, m),
        dimension,
        id,
        name,
        metric: m,
        met: mm,
        breached: mb,
        attainment: attainment(mm, mb),
      });
  }
  if (dimension !== 'metric' && met + breached > 0)
    out.push({
      key: slaKey(dimension, id, 'all'),
      dimension,
      id,
      name,
      metric: 'all',
      met,
      breached,
      attainment: attainment(met, breached),
    });
  return out;
};

const groupBy = <T>(rows: T[], keyOf: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(keyOf(r), [...(m.get(keyOf(r)) ?? []), r]);
  return m;
};

/** Attainment per metric (company), then per team and per dealer (each metric and all together). */
export const slaRows = (stats: TicketStats[]): SlaRow[] => {
  const rows = slaOf('metric', null, null, stats);
  const byName = (a: SlaRow[], b: SlaRow[]) => (a[0]?.name ?? '').localeCompare(b[0]?.name ?? '');
  const teams = [...groupBy(stats, (r) => r.departmentId ?? '-').values()]
    .map((g) => slaOf('team', g[0]!.departmentId, g[0]!.departmentName, g))
    .sort(byName);
  const dealers = [...groupBy(stats, (r) => r.dealerId ?? '-').values()]
    .map((g) => slaOf('dealer', g[0]!.dealerId, g[0]!.dealerName, g))
    .sort(byName);
  return [...rows, ...teams.flat(), ...dealers.flat()];
};

const byMonth = (stats: TicketStats[], months: string[]) => {
  const g = groupBy(stats, (r) => r.month);
  return months.map((month) => ({ month, rows: g.get(month) ?? [] }));
};
const total = (rows: TicketStats[], f: keyof TicketStats) => rows.reduce((s, r) => s + (r[f] as number), 0);

export type FtfRow = { key: string; month: string; base: number; first: number; rate: number | null };
export const ftfRows = (stats: TicketStats[], months: string[]): FtfRow[] =>
  byMonth(stats, months).map(({ month, rows }) => {
    const base = total(rows, 'ftfBase');
    const first = total(rows, 'ftfFirst');
    return { key: month, month, base, first, rate: ratio(first, base) };
  });

export type MttrRow = {
  key: string;
  month: string;
  repairCount: number;
  /** Check-in → check-out of the work orders, mean minutes. */
  repairMeanMinutes: number | null;
  resolvedCount: number;
  /** Reported → resolved of the tickets, mean minutes. */
  resolveMeanMinutes: number | null;
};
export const mttrRows = (stats: TicketStats[], months: string[]): MttrRow[] =>
  byMonth(stats, months).map(({ month, rows }) => {
    const repairCount = total(rows, 'repairCount');
    const resolvedCount = total(rows, 'resolved');
    return {
      key: month,
      month,
      repairCount,
      repairMeanMinutes: mean(total(rows, 'repairMinutesSum'), repairCount),
      resolvedCount,
      resolveMeanMinutes: mean(total(rows, 'resolveMinutesSum'), resolvedCount),
    };
  });

export type BacklogRow = { key: string; status: string; total: number } & Record<AgeingBucket, number>;

/** Open tickets per status, split into ageing buckets; every open status gets a row. */
export const backlogRows = (counts: { status: string; bucket: AgeingBucket; n: number }[]): BacklogRow[] =>
  OPEN_TICKET_STATUSES.map((status) => {
    const row = { key: status, status, total: 0 } as BacklogRow;
    for (const b of AGEING_BUCKETS) {
      row[b] = counts.filter((c) => c.status === status && c.bucket === b).reduce((s, c) => s + c.n, 0);
      row.total += row[b];
    }
    return row;
  });

export type CostDimension = 'model' | 'part' | 'dealer';
export type CostRow = {
  key: string;
  dimension: CostDimension;
  month: string;
  id: string | null;
  name: string | null;
  costFen: number;
};
export const costKey = (dimension: CostDimension, id: string | null, month: string) =>
  `${dimension}:${id ?? '-'}:${month}`;

export const costRows = (
  groups: Record<CostDimension, { month: string; id: string | null; name: string | null; costFen: number }[]>,
): CostRow[] =>
  (['model', 'part', 'dealer'] as const).flatMap((dimension) =>
    groups[dimension]
      .filter((r) => r.costFen !== 0)
      .sort((a, b) => a.month.localeCompare(b.month) || b.costFen - a.costFen)
      .map((r) => ({ key: costKey(dimension, r.id, r.month), dimension, ...r })),
  );

export type SatisfactionStats = {
  month: string;
  source: 'visit' | 'survey';
  answered: number;
  scored: number;
  scoreX100Sum: number;
  unhappy: number;
  npsAnswered: number;
  promoters: number;
  detractors: number;
};
export type SatisfactionRow = {
  key: string;
  month: string;
  visits: number;
  /** Mean visit score, 1–5. */
  visitScore: number | null;
  unhappyVisits: number;
  surveys: number;
  surveyScore: number | null;
  npsAnswered: number;
  nps: number | null;
};
export const satisfactionRows = (stats: SatisfactionStats[], months: string[]): SatisfactionRow[] =>
  months.map((month) => {
    const v = stats.filter((s) => s.month === month && s.source === 'visit');
    const s = stats.filter((x) => x.month === month && x.source === 'survey');
    const sum = (rows: SatisfactionStats[], f: keyof Omit<SatisfactionStats, 'month' | 'source'>) =>
      rows.reduce((acc, r) => acc + r[f], 0);
    const score = (rows: SatisfactionStats[]) => {
      const m = mean(sum(rows, 'scoreX100Sum'), sum(rows, 'scored'));
      return m === null ? null : m / 100;
    };
    const npsAnswered = sum(v, 'npsAnswered') + sum(s, 'npsAnswered');
    return {
      key: month,
      month,
      visits: sum(v, 'answered'),
      visitScore: score(v),
      unhappyVisits: sum(v, 'unhappy'),
      surveys: sum(s, 'answered'),
      surveyScore: score(s),
      npsAnswered,
      nps: nps(
        sum(v, 'promoters') + sum(s, 'promoters'),
        sum(v, 'detractors') + sum(s, 'detractors'),
        npsAnswered,
      ),
    };
  });

/** Complaints with no cause class yet are counted as "unclassified". */
export const UNCLASSIFIED = 'unclassified';
export type ComplaintRow = {
  key: string;
  cause: string;
  count: number;
  share: number;
  cumulative: number;
  vital: boolean;
};
export const complaintRows = (counts: { cause: string | null; count: number }[]): ComplaintRow[] =>
  pareto(counts.map((c) => ({ key: c.cause ?? UNCLASSIFIED, count: c.count }))).map((r) => ({
    ...r,
    cause: r.key,
  }));
