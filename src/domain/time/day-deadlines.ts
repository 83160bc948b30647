import { parseDate } from '../sla/calendar-spec.ts';
import type { CalendarSpec } from '../sla/calendar-types.ts';
import { chinaHolidayDates, DEFAULT_CALENDARS, defaultCalendarSpec } from '../sla/china-holidays.ts';
import {
  dayToYmd,
  formatDay,
  localDay,
  startOfLocalDay,
  ymdToDay,
  zoneFor,
} from '../warranty/zoned-calendar.ts';

// Deadlines counted in whole days (SPEC §4 "Deadlines counted in days"): the starting day is not
// counted (民法典 §201), the period ends at 24:00 of its last day in the calendar's zone, and that
// end is returned as the instant the next day begins (00:00). Working days use the same day rule
// as the business-hours maths (working-time.ts, calendar-days.ts): a holiday never works, a make-up
// day (调休) always works, any other day works when its weekday has hours.

export const SHANGHAI = 'Asia/Shanghai';

/** A calendar reduced to which local days are working days. Treat as read-only. */
export type WorkingDays = {
  timeZone: string;
  /** Local day numbers (days since 1970-01-01). */
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
  /** Indexed like Date#getUTCDay: 0 = Sunday … 6 = Saturday. */
  openWeekdays: readonly boolean[];
  /** Years the holiday data covers; null when the spec does not say (an admin's own calendar). */
  years: readonly number[] | null;
  /** Names of the special days ('2026-10-01' → '国庆节'), for explanations. */
  dayNames: Readonly<Record<string, string>>;
};

const OPEN_ORDER = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const daySet = (dates: string[]): Set<number> => {
  const out = new Set<number>();
  for (const d of dates) {
    const n = parseDate(d);
    if (n !== null) out.add(n);
  }
  return out;
};

/** The working days of a calendar spec (only the days matter here, not the hours). */
export const workingDaysOf = (
  spec: CalendarSpec,
  opts: { years?: readonly number[] | null; dayNames?: Readonly<Record<string, string>> } = {},
): WorkingDays => {
  zoneFor(spec.timeZone); // throws RangeError for an unknown zone, as compileWorkingTime does
  return {
    timeZone: spec.timeZone,
    holidays: daySet(spec.holidays),
    workdays: daySet(spec.workdays),
    openWeekdays: OPEN_ORDER.map((wd) => spec.weeklyHours[wd].length > 0),
    years: opts.years ?? null,
    dayNames: opts.dayNames ?? {},
  };
};

let defaultMemo: WorkingDays | null = null;

/**
 * The default mainland-China business calendar: Monday to Friday, the State Council's public
 * holidays off and its make-up working days on (the shipped `standard` calendar).
 */
export const defaultWorkingDays = (): WorkingDays => {
  if (defaultMemo) return defaultMemo;
  const standard = DEFAULT_CALENDARS.find((c) => c.code === 'standard')!;
  const china = chinaHolidayDates();
  defaultMemo = workingDaysOf(defaultCalendarSpec(standard), { years: china.years, dayNames: china.names });
  return defaultMemo;
};

/** Day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export type DayKindOff = 'weekend' | 'holiday';

export const isWorkingDay = (cal: WorkingDays, day: number): boolean => {
  if (cal.holidays.has(day)) return false;
  if (cal.workdays.has(day)) return true;
  return cal.openWeekdays[weekdayOf(day)] === true;
};

export type DayDeadline = {
  /** 24:00 of the last day, i.e. 00:00 of the day after it, in `timeZone`. */
  dueAt: Date;
  unit: 'days' | 'working_days';
  days: number;
  timeZone: string;
  /** Local day of the start: not counted. */
  startDay: string;
  /** The last counted day. */
  lastDay: string;
  /** Days between startDay and lastDay that were not counted (working days only). */
  skipped: { date: string; kind: DayKindOff; name: string | null }[];
  /** Years in [startDay, lastDay] the calendar has no holiday data for (empty when known or all covered). */
  holidayDataMissing: number[];
};

// A calendar with no working day at all would loop for ever; ten years without one is a broken spec.
const MAX_SCAN_DAYS = 3660;

const checkDays = (days: number) => {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
};

const startDayOf = (start: Date, timeZone: string): number => {
  const ms = start.getTime();
  if (Number.isNaN(ms)) throw new RangeError('start is not a valid date');
  return localDay(zoneFor(timeZone), ms);
};

const endOf = (timeZone: string, lastDay: number): Date =>
  new Date(startOfLocalDay(zoneFor(timeZone), lastDay + 1));

/** "N days" from the instant `start`: the last day is the N-th calendar day after start's local day. */
export const dayDeadline = (start: Date, days: number, timeZone: string = SHANGHAI): DayDeadline => {
  checkDays(days);
  const first = startDayOf(start, timeZone);
  const last = first + days;
  return {
    dueAt: endOf(timeZone, last),
    unit: 'days',
    days,
    timeZone,
    startDay: formatDay(first),
    lastDay: formatDay(last),
    skipped: [],
    holidayDataMissing: [],
  };
};

const yearOf = (day: number) => Math.floor(dayToYmd(day) / 10_000);

/**
 * "N working days" from the instant `start`: the last day is the N-th working day after start's
 * local day (whatever kind of day that is). 0 ends with the starting day itself.
 */
export const workingDayDeadline = (
  start: Date,
  days: number,
  calendar: WorkingDays = defaultWorkingDays(),
): DayDeadline => {
  checkDays(days);
  const first = startDayOf(start, calendar.timeZone);
  const skipped: DayDeadline['skipped'] = [];
  let day = first;
  let counted = 0;
  while (counted < days) {
    day++;
    if (day - first > MAX_SCAN_DAYS) throw new RangeError('the calendar has no working days');
    if (isWorkingDay(calendar, day)) counted++;
    else {
      const date = formatDay(day);
      skipped.push({
        date,
        kind: calendar.holidays.has(day) ? 'holiday' : 'weekend',
        name: calendar.dayNames[date] ?? null,
      });
    }
  }
  const missing: number[] = [];
  if (calendar.years)
    for (let y = yearOf(first); y <= yearOf(day); y++) if (!calendar.years.includes(y)) missing.push(y);
  return {
    dueAt: endOf(calendar.timeZone, day),
    unit: 'working_days',
    days,
    timeZone: calendar.timeZone,
    startDay: formatDay(first),
    lastDay: formatDay(day),
    skipped,
    holidayDataMissing: missing,
  };
};

/**
 * The last day of a period of `years` years from `day`, the starting day not counted: the same
 * date that many years later, or the end of February when that date does not exist (29 Feb →
 * 28 Feb; 民法典 §202: no corresponding day → the last day of the month).
 */
export const sameDateYearsLater = (day: number, years: number): number => {
  const ymd = dayToYmd(day);
  const y = Math.floor(ymd / 10_000) + years;
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  const candidate = ymdToDay(y, m, d);
  // Date.UTC rolls 29 Feb of a common year into 1 Mar: step back to the month's last day.
  return dayToYmd(candidate) % 100 === d ? candidate : ymdToDay(y, m + 1, 0);
};
