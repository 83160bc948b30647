import type { CalendarSpec, HoursRange, Weekday } from './calendar-types.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';
export type CalendarDayView = {
  date: string;
  weekday: Weekday;
  kind: DayKind;
  hours: HoursRange[];
  name: string | null;
};

const WEEKDAY_OF: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The days of one month as the calendar sees them (the admin page's month view). Uses the same day
 * rule as the deadline maths: a holiday has no hours, a make-up day works Monday's (or its own) hours.
 */
export const monthDays = (opts: {
  spec: CalendarSpec;
  month: string;
  dayNames?: Record<string, string>;
}): CalendarDayView[] => {
  const [y, m] = opts.month.split('-').map(Number) as [number, number];
  const holidays = new Set(opts.spec.holidays);
  const workdays = new Set(opts.spec.workdays);
  const days: CalendarDayView[] = [];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  for (let d = 1; d <= count; d++) {
    const date = `${opts.month}-${String(d).padStart(2, '0')}`;
    const weekday = WEEKDAY_OF[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
    const name = opts.dayNames?.[date] ?? null;
    if (holidays.has(date)) days.push({ date, weekday, kind: 'holiday', hours: [], name });
    else if (workdays.has(date))
      days.push({
        date,
        weekday,
        kind: 'makeup',
        hours: opts.spec.workdayHours ?? opts.spec.weeklyHours.mon,
        name,
      });
    else {
      const hours = opts.spec.weeklyHours[weekday];
      days.push({ date, weekday, kind: hours.length > 0 ? 'workday' : 'weekend', hours, name });
    }
  }
  return days;
};
