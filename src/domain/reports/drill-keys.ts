import { OPEN_TICKET_STATUSES } from '../tickets/ticket-status.ts';
// The key of a figure's table row names the records behind it (drill-down). Each figure's rows carry
// their key; parsing it back here is the one place that knows the formats.
import { AGEING_BUCKETS, SLA_METRICS } from './figures.ts';
import { type DateRange, monthRange } from './periods.ts';

export type DrillTarget =
  | { figure: 'sla'; dimension: 'metric' | 'team' | 'dealer'; id: string | null; metric: string | null }
  | { figure: 'backlog'; status: string | null; bucket: string | null }
  | { figure: 'ftf'; month: string | null }
  | { figure: 'mttr'; what: 'repair' | 'resolve'; month: string | null }
  | { figure: 'repeats'; assetId: string; partId: string | null }
  | { figure: 'cost'; dimension: 'model' | 'dealer' | 'part'; id: string | null; month: string | null }
  | { figure: 'parts'; partId: string; month: string | null }
  | { figure: 'satisfaction'; source: 'visit' | 'survey'; month: string | null }
  | { figure: 'complaints'; cause: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CAUSE = /^[a-z_]{1,40}$/;

const idOrNone = (s: string | undefined): string | null | undefined =>
  s === '-' ? null : s && UUID.test(s) ? s : undefined;
const monthOrAll = (s: string | undefined): string | null | undefined =>
  s === undefined || s === '' ? null : MONTH.test(s) ? s : undefined;
const oneOf = <T extends string>(s: string | undefined, list: readonly T[]) =>
  list.includes(s as T) ? (s as T) : undefined;

/** The records a key names, or null when the key is not one of the figure's formats. */
export const parseDrillKey = (figure: DrillTarget['figure'], key: string): DrillTarget | null => {
  const p = key.split(':');
  switch (figure) {
    case 'sla': {
      // dimension:id:metric, e.g. metric:-:arrange, dealer:<uuid>:all
      const dimension = oneOf(p[0], ['metric', 'team', 'dealer'] as const);
      const id = idOrNone(p[1]);
      const metric = p[2] === 'all' ? null : oneOf(p[2], SLA_METRICS);
      if (!dimension || id === undefined || metric === undefined || p.length !== 3) return null;
      if (dimension === 'metric' && id !== null) return null;
      return { figure, dimension, id, metric };
    }
    case 'backlog': {
      // status, status:bucket or all:bucket
      const status = p[0] === 'all' ? null : oneOf(p[0], OPEN_TICKET_STATUSES);
      const bucket = p[1] === undefined ? null : oneOf(p[1], AGEING_BUCKETS);
      if (status === undefined || bucket === undefined || p.length > 2) return null;
      return { figure, status, bucket };
    }
    case 'ftf': {
      const month = monthOrAll(p[0]);
      return month === undefined || p.length > 1 ? null : { figure, month };
    }
    case 'mttr': {
      // month (repairs), repair:month or resolve:month
      const what = p.length === 2 ? oneOf(p[0], ['repair', 'resolve'] as const) : 'repair';
      const month = monthOrAll(p.length === 2 ? p[1] : p[0]);
      return what === undefined || month === undefined || p.length > 2 ? null : { figure, what, month };
    }
    case 'repeats': {
      // asset:<uuid> or part:<asset uuid>:<part uuid>
      if (p[0] === 'asset' && p.length === 2 && UUID.test(p[1]!))
        return { figure, assetId: p[1]!, partId: null };
      if (p[0] === 'part' && p.length === 3 && UUID.test(p[1]!) && UUID.test(p[2]!))
        return { figure, assetId: p[1]!, partId: p[2]! };
      return null;
    }
    case 'cost': {
      // dimension:id:month, e.g. model:<uuid>:2026-03, dealer:-:2026-03
      const dimension = oneOf(p[0], ['model', 'dealer', 'part'] as const);
      const id = idOrNone(p[1]);
      const month = monthOrAll(p[2]);
      if (!dimension || id === undefined || month === undefined || p.length > 3) return null;
      if (dimension === 'part' && id === null) return null;
      return { figure, dimension, id, month };
    }
    case 'parts': {
      // partId:month
      const month = monthOrAll(p[1]);
      if (!p[0] || !UUID.test(p[0]) || month === undefined || p.length > 2) return null;
      return { figure, partId: p[0], month };
    }
    case 'satisfaction': {
      // visit:month or survey:month
      const source = oneOf(p[0], ['visit', 'survey'] as const);
      const month = monthOrAll(p[1]);
      return !source || month === undefined || p.length > 2 ? null : { figure, source, month };
    }
    case 'complaints': {
      if (p.length !== 1 || !CAUSE.test(p[0]!)) return null;
      return { figure, cause: p[0] === 'unclassified' ? null : p[0]! };
    }
  }
};

/** A month narrows the period to the days the two share; null when they do not overlap. */
export const narrowToMonth = (range: DateRange, month: string | null): DateRange | null => {
  if (month === null) return range;
  const m = monthRange(month);
  if (!m) return null;
  const from = m.from > range.from ? m.from : range.from;
  const to = m.to < range.to ? m.to : range.to;
  return from <= to ? { from, to } : null;
};
