// Report periods in the business zone, Asia/Shanghai (UTC+8 all year: no DST since 1991, so a fixed
// offset is exact). Local dates are `YYYY-MM-DD` strings; periods are `2026-11-23` (a day),
// `2026-W48` (an ISO week: Monday to Sunday, the week with the year's first Thursday is week 1) and
// `2026-11` (a month).

export const ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export type ReportKind = 'daily_problems' | 'weekly_satisfaction' | 'monthly';
export const REPORT_KINDS: readonly ReportKind[] = ['daily_problems', 'weekly_satisfaction', 'monthly'];

/** A local date range, both ends inclusive. */
export type DateRange = { from: string; to: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fmt = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** A local date as a UTC-midnight Date, for calendar arithmetic only. */
const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export const isLocalDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = asUtc(s);
  return !Number.isNaN(d.getTime()) && fmt(d) === s;
};

/** The local date of an instant. */
export const localDate = (at: Date): string => fmt(new Date(at.getTime() + OFFSET_MS));

/** The instant a local date starts (its 00:00 in Shanghai). */
export const startOfLocalDay = (date: string): Date => new Date(asUtc(date).getTime() - OFFSET_MS);

/** The instant just after a local range ends: the start of the day after `to`. */
export const endOfRange = (r: DateRange): Date => startOfLocalDay(addDays(r.to, 1));

export const addDays = (date: string, days: number): string =>
  fmt(new Date(asUtc(date).getTime() + days * DAY_MS));

/** Whole days from a to b (b − a); negative when b is earlier. */
export const daysBetween = (a: string, b: string): number =>
  Math.round((asUtc(b).getTime() - asUtc(a).getTime()) / DAY_MS);

export const yesterday = (now: Date): string => addDays(localDate(now), -1);

/** ISO week of a local date: the Thursday of its week decides the year. */
export const isoWeekOf = (date: string): string => {
  const d = asUtc(date);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(d.getTime() + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / (7 * DAY_MS));
  return `${year}-W${pad(week)}`;
};

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Monday to Sunday of an ISO week, or null when there is no such week (2026-W54). */
export const weekRange = (week: string): DateRange | null => {
  const m = WEEK_RE.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const from = fmt(new Date(monday1 + (n - 1) * 7 * DAY_MS));
  if (n < 1 || isoWeekOf(from) !== week) return null;
  return { from, to: addDays(from, 6) };
};

/** The ISO week before the one `now` falls in (run on a Monday: last week). */
export const previousIsoWeek = (now: Date): string => isoWeekOf(addDays(localDate(now), -7));

export const monthOf = (date: string): string => date.slice(0, 7);

export const monthRange = (month: string): DateRange | null => {
  const m = MONTH_RE.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(last)}` };
};

export const previousMonth = (now: Date): string => {
  const today = localDate(now);
  return monthOf(addDays(`${monthOf(today)}-01`, -1));
};

/** Every month a range touches, in order (`2026-01`, `2026-02` …). */
export const monthsIn = (r: DateRange): string[] => {
  const out: string[] = [];
  let m = monthOf(r.from);
  const last = monthOf(r.to);
  while (m <= last) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${pad(mo + 1)}`;
  }
  return out;
};

/** The period a scheduled run covers when none is named: the one that just ended. */
export const defaultPeriod = (kind: ReportKind, now: Date): string => {
  switch (kind) {
    case 'daily_problems':
      return yesterday(now);
    case 'weekly_satisfaction':
      return previousIsoWeek(now);
    case 'monthly':
      return previousMonth(now);
  }
};

/** The dates a named period covers, or null when the period is malformed for the kind. */
export const periodRange = (kind: ReportKind, period: string): DateRange | null => {
  switch (kind) {
    case 'daily_problems':
      return isLocalDate(period) ? { from: period, to: period } : null;
    case 'weekly_satisfaction':
      return weekRange(period);
    case 'monthly':
      return monthRange(period);
  }
};

/** When a period's report is due: the daily list and weekly report the morning after, the monthly by the 3rd. */
export const dueDate = (kind: ReportKind, period: string): string | null => {
  const r = periodRange(kind, period);
  if (!r) return null;
  return kind === 'monthly' ? addDays(r.to, 3) : addDays(r.to, 1);
};
