// Shapes of a business-hours calendar (服务时间日历) as stored and edited. The deadline maths
// compiles a spec into working intervals once (working-time.ts) and then answers many questions.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local "HH:MM" start and end of one working interval; the end may be "24:00". */
export type HoursRange = [string, string];

export type CalendarSpec = {
  /** IANA zone, e.g. 'Asia/Shanghai', 'America/New_York'. */
  timeZone: string;
  /** Several intervals a day allow a lunch break; an empty list is a closed day. */
  weeklyHours: Record<Weekday, HoursRange[]>;
  /** 'YYYY-MM-DD' local dates with no working time, even when they fall on a working weekday. */
  holidays: string[];
  /** Make-up working days (调休): they work workdayHours, or Monday's hours when that is null. */
  workdays: string[];
  workdayHours?: HoursRange[] | null;
};

/** One problem in a spec; field like 'weeklyHours.mon[1]', 'holidays[3]', 'timeZone'. */
export type SpecIssue = { field: string; message: string };
