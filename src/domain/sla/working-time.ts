import {
  DAY_MS,
  localDay,
  offsetAt,
  startOfLocalDay,
  type Zone,
  zoneFor,
} from '../warranty/zoned-calendar.ts';
import { parseDate, parseHm, validateCalendarSpec } from './calendar-spec.ts';
import { type CalendarSpec, type HoursRange, WEEKDAYS } from './calendar-types.ts';

// Business-time arithmetic as interval arithmetic: a calendar is compiled once into the sorted,
// disjoint working intervals (UTC epoch ms) of a horizon, with prefix sums of their lengths. Then
// "working time between a and b" and "a plus x working ms" are one or two binary searches each, so a
// deadline costs well under a microsecond however long the target or the closure (a 40-day shutdown
// is just a longer gap between two intervals).

/** A compiled calendar. Treat as read-only; the typed arrays are shared by every caller. */
export type WorkingTime = {
  timeZone: string;
  /** Horizon [fromMs, toMs): whole local days; outside it nothing is known. */
  fromMs: number;
  toMs: number;
  count: number;
  starts: Float64Array;
  ends: Float64Array;
  /** before[i] = working ms before interval i; before[count] = total working ms of the horizon. */
  before: Float64Array;
  /** Local day numbers (days since 1970-01-01) of the holidays and make-up days inside the horizon. */
  holidayDays: Int32Array;
  workdayDays: Int32Array;
  /** Names of special days ('2026-10-01' → '国庆节'), for reasons; empty when unknown. */
  dayNames: Readonly<Record<string, string>>;
};

const NO_NAMES: Readonly<Record<string, string>> = Object.freeze({});

const minutesOf = (ranges: HoursRange[]): number[] => {
  const out: number[] = [];
  for (const [s, e] of ranges) out.push(parseHm(s, false)!, parseHm(e, true)!);
  return out;
};

/**
 * The instant a local wall time (as ms since the local epoch) happens. When the wall time repeats
 * (clocks go back) the earlier instant wins; when it does not exist (clocks jump forward) the first
 * instant after the gap is used, so an opening in the gap opens as soon as the day goes on.
 * Assumes offsets change at most once within two days, true for every real zone.
 */
export const wallToInstant = (zone: Zone, wall: number): number => {
  const early = offsetAt(zone, wall - DAY_MS);
  const late = offsetAt(zone, wall + DAY_MS);
  const t1 = wall - early;
  if (early === late) return t1;
  const t2 = wall - late;
  const ok1 = offsetAt(zone, t1) === early;
  const ok2 = offsetAt(zone, t2) === late;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  // In the gap: t2 still runs on the old offset, t1 on the new one; find the switch between them.
  let lo = Math.min(t1, t2);
  let hi = Math.max(t1, t2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === early) lo = mid;
    else hi = mid;
  }
  return hi;
};

const daysOf = (dates: string[], first: number, last: number): Int32Array => {
  const days: number[] = [];
  for (const d of dates) {
    const n = parseDate(d);
    if (n !== null && n >= first && n <= last) days.push(n);
  }
  return Int32Array.from(days.sort((a, b) => a - b));
};

/**
 * Compiles the working intervals of every local day whose span meets [fromMs, toMs]. Day rule: a
 * holiday has no hours (even on a weekday); a make-up workday works workdayHours ?? Monday's hours;
 * any other day its weekday's hours. Intervals that touch (00:00–24:00 days) are merged.
 * Throws a RangeError for an invalid spec (validate with validateCalendarSpec first).
 */
export const compileWorkingTime = (opts: {
  spec: CalendarSpec;
  fromMs: number;
  toMs: number;
  dayNames?: Readonly<Record<string, string>>;
}): WorkingTime => {
  const { spec } = opts;
  const issues = validateCalendarSpec(spec);
  if (issues.length > 0)
    throw new RangeError(`invalid calendar spec: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`);
  const zone = zoneFor(spec.timeZone);
  const firstDay = localDay(zone, opts.fromMs);
  const lastDay = localDay(zone, Math.max(opts.fromMs, opts.toMs));
  const fromMs = startOfLocalDay(zone, firstDay);
  const toMs = startOfLocalDay(zone, lastDay + 1);
  const weekly = WEEKDAYS.map((wd) => minutesOf(spec.weeklyHours[wd]));
  const makeUp = minutesOf(spec.workdayHours ?? spec.weeklyHours.mon);
  const holidayDays = daysOf(spec.holidays, firstDay, lastDay);
  const workdayDays = daysOf(spec.workdays, firstDay, lastDay);
  const holidays = new Set(holidayDays);
  const workdays = new Set(workdayDays);

  const starts: number[] = [];
  const ends: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (holidays.has(day)) continue;
    // Day 0 (1970-01-01) was a Thursday; WEEKDAYS starts on Monday.
    const minutes = workdays.has(day) ? makeUp : weekly[(((day + 3) % 7) + 7) % 7]!;
    for (let k = 0; k < minutes.length; k += 2) {
      const a = Math.max(fromMs, wallToInstant(zone, day * DAY_MS + minutes[k]! * 60_000));
      const b = Math.min(toMs, wallToInstant(zone, day * DAY_MS + minutes[k + 1]! * 60_000));
      if (b <= a) continue; // wholly inside a DST gap
      const n = ends.length;
      if (n > 0 && a <= ends[n - 1]!) ends[n - 1] = Math.max(ends[n - 1]!, b);
      else {
        starts.push(a);
        ends.push(b);
      }
    }
  }
  const before = new Float64Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) before[i + 1] = before[i]! + (ends[i]! - starts[i]!);
  return {
    timeZone: spec.timeZone,
    fromMs,
    toMs,
    count: starts.length,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    before,
    holidayDays,
    workdayDays,
    dayNames: opts.dayNames ?? NO_NAMES,
  };
};

// Index of the first interval that ends after t (count when none does).
const firstEndingAfter = (wt: WorkingTime, t: number): number => {
  const ends = wt.ends;
  let lo = 0;
  let hi = wt.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Working ms of the horizon before instant t (the prefix sum at t). */
export const workingMsBefore = (wt: WorkingTime, t: number): number => {
  const i = firstEndingAfter(wt, t);
  if (i === wt.count) return wt.before[i]!;
  const s = wt.starts[i]!;
  return t > s ? wt.before[i]! + (t - s) : wt.before[i]!;
};

/**
 * The earliest instant at which the prefix sum reaches pos (0 < pos ≤ total). Taking the earliest
 * is what makes a due time that lands on an interval's end that end, not the next opening.
 */
export const instantAtWorkingMs = (wt: WorkingTime, pos: number): number => {
  const before = wt.before;
  let lo = 0;
  let hi = wt.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before[mid + 1]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return wt.starts[lo]! + (pos - before[lo]!);
};

/** Working ms in [a, b); 0 when b ≤ a. Time outside the horizon counts as none. */
export const workingMsBetween = (wt: WorkingTime, a: number, b: number): number =>
  b <= a ? 0 : workingMsBefore(wt, b) - workingMsBefore(wt, a);

/**
 * The earliest t ≥ start with ms working ms in [start, t); start itself when ms ≤ 0. Null when the
 * answer lies beyond the horizon or start precedes it: compile a wider calendar and ask again.
 */
export const addWorkingMs = (wt: WorkingTime, start: number, ms: number): number | null => {
  if (ms <= 0) return start;
  if (start < wt.fromMs) return null;
  const pos = workingMsBefore(wt, start) + ms;
  return pos > wt.before[wt.count]! ? null : instantAtWorkingMs(wt, pos);
};

/** t itself inside working time, else the next opening; null when none is known within the horizon. */
export const nextOpening = (wt: WorkingTime, t: number): number | null => {
  if (t < wt.fromMs) return null;
  const i = firstEndingAfter(wt, t);
  if (i === wt.count) return null;
  const s = wt.starts[i]!;
  return t > s ? t : s;
};

/** Whether t falls inside a working interval [start, end). */
export const isWorking = (wt: WorkingTime, t: number): boolean => {
  const i = firstEndingAfter(wt, t);
  return i < wt.count && wt.starts[i]! <= t;
};

/** Whether the horizon holds [a, b]. */
export const covers = (wt: WorkingTime, a: number, b: number): boolean => wt.fromMs <= a && b <= wt.toMs;

const DEFAULT_DAYS = 400;

/**
 * A calendar compiled from a day before startMs to `days` (default 400) days after it: enough for
 * every ordinary SLA target. A due time further out than that comes back null from addWorkingMs
 * (and as horizonExceeded from computeClock); the caller then compiles a wider horizon.
 */
export const workingTimeAround = (opts: {
  spec: CalendarSpec;
  startMs: number;
  days?: number;
  dayNames?: Readonly<Record<string, string>>;
}): WorkingTime =>
  compileWorkingTime({
    spec: opts.spec,
    fromMs: opts.startMs - DAY_MS,
    toMs: opts.startMs + (opts.days ?? DEFAULT_DAYS) * DAY_MS,
    dayNames: opts.dayNames,
  });

// Compiling costs about a millisecond, computing a deadline well under a microsecond, so a service
// recomputing many tickets keeps a few compiled calendars. Memoises a pure function: the key must
// change whenever the spec does (e.g. `${calendarId}:${version}`).
const CACHE_SIZE = 64;
// Widening keeps one entry per calendar as time moves on, but not to the point of compiling decades.
const MAX_SPAN_MS = 3660 * DAY_MS;
const cache = new Map<string, WorkingTime>();

/**
 * A compiled calendar holding [startMs, endMs], reused while the cached one for `key` covers the
 * range; otherwise compiled from a month before startMs to at least 400 days after it (joined with
 * the cached range when that stays under ten years), evicting the least recently used of 64.
 */
export const cachedWorkingTime = (opts: {
  key: string;
  spec: CalendarSpec;
  startMs: number;
  endMs: number;
  dayNames?: Readonly<Record<string, string>>;
}): WorkingTime => {
  const { key, startMs } = opts;
  const endMs = Math.max(startMs, opts.endMs);
  const hit = cache.get(key);
  if (hit && covers(hit, startMs, endMs)) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let fromMs = startMs - 31 * DAY_MS;
  let toMs = Math.max(endMs, startMs + DEFAULT_DAYS * DAY_MS);
  if (hit && Math.max(toMs, hit.toMs) - Math.min(fromMs, hit.fromMs) <= MAX_SPAN_MS) {
    fromMs = Math.min(fromMs, hit.fromMs);
    toMs = Math.max(toMs, hit.toMs);
  }
  const wt = compileWorkingTime({ spec: opts.spec, fromMs, toMs, dayNames: opts.dayNames });
  cache.delete(key);
  cache.set(key, wt);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return wt;
};
