import { describe, expect, it } from 'vitest';
import { parseDate, parseHm, validateCalendarSpec } from './calendar-spec.ts';
import type { CalendarSpec } from './calendar-types.ts';
import { defaultSpec, week } from './sla.fixtures.ts';

const base: CalendarSpec = {
  timeZone: 'Asia/Shanghai',
  weeklyHours: week(
    [
      ['08:30', '12:00'],
      ['13:00', '17:30'],
    ],
    ['mon', 'tue', 'wed', 'thu', 'fri'],
  ),
  holidays: ['2026-10-01', '2026-10-02'],
  workdays: ['2026-10-10'],
};
const fields = (spec: CalendarSpec) => validateCalendarSpec(spec).map((i) => i.field);

describe('parseHm / parseDate', () => {
  it('reads HH:MM, with 24:00 only as an end', () => {
    expect(parseHm('08:30', false)).toBe(510);
    expect(parseHm('24:00', true)).toBe(1440);
    expect(parseHm('24:00', false)).toBeNull();
    for (const bad of ['8:30', '08:60', '25:00', '24:01', '0830', '', 830])
      expect(parseHm(bad, true)).toBeNull();
  });

  it('accepts real dates only', () => {
    expect(parseDate('2026-10-01')).toBe(Date.UTC(2026, 9, 1) / 86_400_000);
    expect(parseDate('2028-02-29')).not.toBeNull();
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '2026/10/01', null])
      expect(parseDate(bad)).toBeNull();
  });
});

describe('validateCalendarSpec', () => {
  it('accepts every shipped calendar', () => {
    for (const code of ['standard', 'hotline', 'email_remote', 'onsite', 'always'])
      expect(validateCalendarSpec(defaultSpec(code))).toEqual([]);
    expect(validateCalendarSpec(base)).toEqual([]);
  });

  it('reports bad times and empty or reversed ranges', () => {
    const spec = {
      ...base,
      weeklyHours: {
        ...base.weeklyHours,
        mon: [
          ['8:30', '12:00'],
          ['13:00', '13:00'],
        ],
      },
    };
    expect(validateCalendarSpec(spec as CalendarSpec)).toEqual([
      { field: 'weeklyHours.mon[0]', message: 'bad start time "8:30" (HH:MM)' },
      { field: 'weeklyHours.mon[1]', message: 'end 13:00 is not after start 13:00' },
    ]);
  });

  it('reports overlapping and unordered ranges', () => {
    const overlap = {
      ...base,
      weeklyHours: {
        ...base.weeklyHours,
        tue: [
          ['08:30', '12:30'],
          ['12:00', '17:30'],
        ],
      },
    } as CalendarSpec;
    expect(validateCalendarSpec(overlap)).toEqual([
      { field: 'weeklyHours.tue[1]', message: 'overlaps weeklyHours.tue[0] (08:30–12:30)' },
    ]);
    const unordered = {
      ...base,
      weeklyHours: {
        ...base.weeklyHours,
        wed: [
          ['13:00', '17:30'],
          ['08:30', '12:00'],
        ],
      },
    } as CalendarSpec;
    expect(validateCalendarSpec(unordered)).toEqual([
      { field: 'weeklyHours.wed[1]', message: 'ranges must be in time order' },
    ]);
  });

  it('reports an unknown time zone and a missing weekday', () => {
    const { sun: _, ...sixDays } = base.weeklyHours;
    expect(
      validateCalendarSpec({
        ...base,
        timeZone: 'Asia/Atlantis',
        weeklyHours: sixDays as CalendarSpec['weeklyHours'],
      }),
    ).toEqual([
      { field: 'timeZone', message: 'unknown time zone "Asia/Atlantis"' },
      { field: 'weeklyHours.sun', message: 'is missing' },
    ]);
  });

  it('reports bad and duplicate dates, and a date that is both holiday and workday', () => {
    expect(
      validateCalendarSpec({
        ...base,
        holidays: ['2026-10-01', '2026-02-30', '2026-10-01', '2026-10-10'],
        workdays: ['2026-10-10'],
      }),
    ).toEqual([
      { field: 'holidays[1]', message: 'bad date "2026-02-30" (YYYY-MM-DD)' },
      { field: 'holidays[2]', message: 'duplicate of holidays[0]' },
      { field: 'workdays[0]', message: '2026-10-10 is also holidays[3]' },
    ]);
  });

  it('checks the make-up day hours too', () => {
    expect(fields({ ...base, workdayHours: [['09:00', '25:00']] })).toEqual(['workdayHours[0]']);
  });
});
