import { ymdToDay, zoneFor } from '../warranty/zoned-calendar.ts';
import { type CalendarSpec, type HoursRange, type SpecIssue, WEEKDAYS } from './calendar-types.ts';

const HM = /^(\d{2}):(\d{2})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Minutes after local midnight of "HH:MM" (00:00–23:59), or 1440 for "24:00" when `end` is set;
 * null when malformed. "24:00" is only an end, so a day can run to midnight without a gap.
 */
export const parseHm = (text: unknown, end: boolean): number | null => {
  if (typeof text !== 'string') return null;
  const m = HM.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h === 24 && mi === 0) return end ? 1440 : null;
  if (h > 23 || mi > 59) return null;
  return h * 60 + mi;
};

/** Local day number of 'YYYY-MM-DD', or null when it is not a real date. */
export const parseDate = (text: unknown): number | null => {
  if (typeof text !== 'string') return null;
  const m = YMD.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const day = ymdToDay(y, mo, d);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  const back = new Date(day * 86_400_000);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 ? day : null;
};

const label = (r: HoursRange) => `${r[0]}–${r[1]}`;

const checkRanges = (field: string, ranges: unknown, issues: SpecIssue[]) => {
  if (!Array.isArray(ranges)) {
    issues.push({ field, message: 'must be a list of [start, end] ranges' });
    return;
  }
  const parsed: ([number, number] | null)[] = [];
  ranges.forEach((r: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!Array.isArray(r) || r.length !== 2) {
      issues.push({ field: f, message: 'must be a [start, end] pair' });
      parsed.push(null);
      return;
    }
    const s = parseHm(r[0], false);
    const e = parseHm(r[1], true);
    if (s === null) issues.push({ field: f, message: `bad start time "${String(r[0])}" (HH:MM)` });
    if (e === null) issues.push({ field: f, message: `bad end time "${String(r[1])}" (HH:MM or 24:00)` });
    if (s === null || e === null) {
      parsed.push(null);
      return;
    }
    if (e <= s) {
      issues.push({ field: f, message: `end ${r[1]} is not after start ${r[0]}` });
      parsed.push(null);
      return;
    }
    parsed.push([s, e]);
  });
  // Ranges are few per day, so a pairwise check is simplest and names the exact culprit.
  for (let i = 1; i < parsed.length; i++) {
    const cur = parsed[i];
    if (!cur) continue;
    let reported = false;
    for (let j = 0; j < i && !reported; j++) {
      const prev = parsed[j];
      if (prev && cur[0] < prev[1] && prev[0] < cur[1]) {
        issues.push({
          field: `${field}[${i}]`,
          message: `overlaps ${field}[${j}] (${label(ranges[j] as HoursRange)})`,
        });
        reported = true;
      }
    }
    const prev = parsed[i - 1];
    if (!reported && prev && cur[0] < prev[0])
      issues.push({ field: `${field}[${i}]`, message: 'ranges must be in time order' });
  }
};

const checkDates = (field: string, dates: unknown, issues: SpecIssue[]): Map<string, number> => {
  const seen = new Map<string, number>();
  if (!Array.isArray(dates)) {
    issues.push({ field, message: 'must be a list of YYYY-MM-DD dates' });
    return seen;
  }
  dates.forEach((d: unknown, i) => {
    const f = `${field}[${i}]`;
    if (parseDate(d) === null) {
      issues.push({ field: f, message: `bad date "${String(d)}" (YYYY-MM-DD)` });
      return;
    }
    const first = seen.get(d as string);
    if (first !== undefined) issues.push({ field: f, message: `duplicate of ${field}[${first}]` });
    else seen.set(d as string, i);
  });
  return seen;
};

/** Every problem of a calendar spec, empty when it can be compiled. Messages are short English. */
export const validateCalendarSpec = (spec: CalendarSpec): SpecIssue[] => {
  const issues: SpecIssue[] = [];
  if (typeof spec.timeZone !== 'string' || spec.timeZone === '') {
    issues.push({ field: 'timeZone', message: 'is required' });
  } else {
    try {
      zoneFor(spec.timeZone);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      issues.push({ field: 'timeZone', message: `unknown time zone "${spec.timeZone}"` });
    }
  }
  const weekly = spec.weeklyHours as Partial<CalendarSpec['weeklyHours']> | undefined;
  if (!weekly || typeof weekly !== 'object') {
    issues.push({ field: 'weeklyHours', message: 'is required' });
  } else {
    for (const wd of WEEKDAYS) {
      if (weekly[wd] === undefined) issues.push({ field: `weeklyHours.${wd}`, message: 'is missing' });
      else checkRanges(`weeklyHours.${wd}`, weekly[wd], issues);
    }
  }
  if (spec.workdayHours != null) checkRanges('workdayHours', spec.workdayHours, issues);
  const holidays = checkDates('holidays', spec.holidays, issues);
  const workdays = checkDates('workdays', spec.workdays, issues);
  for (const [date, i] of workdays) {
    const h = holidays.get(date);
    if (h !== undefined) issues.push({ field: `workdays[${i}]`, message: `${date} is also holidays[${h}]` });
  }
  return issues;
};
