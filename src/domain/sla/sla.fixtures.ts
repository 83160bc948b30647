import { DAY_MS } from '../warranty/zoned-calendar.ts';
import type { CalendarSpec, HoursRange, Weekday } from './calendar-types.ts';
import { chinaHolidayDates, DEFAULT_CALENDARS, defaultCalendarSpec } from './china-holidays.ts';
import { compileWorkingTime } from './working-time.ts';

// Shared by the SLA unit tests and the benchmark: real calendars over real dates.

export const MIN = 60_000;
export const HOUR = 3_600_000;

/** Instant of a Shanghai wall time, '2026-09-30T16:30'. */
export const sh = (local: string): number => Date.parse(`${local}:00+08:00`);

export const week = (hours: HoursRange[], open: Weekday[]): Record<Weekday, HoursRange[]> => {
  const all: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return Object.fromEntries(all.map((d) => [d, open.includes(d) ? hours : []])) as Record<
    Weekday,
    HoursRange[]
  >;
};

export const defaultSpec = (code: string): CalendarSpec => {
  const c = DEFAULT_CALENDARS.find((x) => x.code === code);
  if (!c) throw new Error(`no default calendar ${code}`);
  return defaultCalendarSpec(c);
};

/** The standard calendar (lunch break, China's holidays) compiled over 2025-07 … 2027-06. */
export const standardWorkingTime = () =>
  compileWorkingTime({
    spec: defaultSpec('standard'),
    fromMs: sh('2025-07-01T00:00'),
    toMs: sh('2025-07-01T00:00') + 730 * DAY_MS,
    dayNames: chinaHolidayDates().names,
  });

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), for property tests and the bench. */
export const random = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};
