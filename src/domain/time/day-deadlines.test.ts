import { describe, expect, it } from 'vitest';
import { week } from '../sla/sla.fixtures.ts';
import { formatDay, ymdToDay } from '../warranty/zoned-calendar.ts';
import {
  dayDeadline,
  defaultWorkingDays,
  isWorkingDay,
  sameDateYearsLater,
  workingDayDeadline,
  workingDaysOf,
} from './day-deadlines.ts';

/** Instant of a Shanghai wall time, '2026-09-30T16:30'. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const iso = (d: Date) => d.toISOString();

describe('dayDeadline (N days, starting day not counted, ends 24:00 Shanghai)', () => {
  it('3 days from Monday afternoon end at Thursday 24:00 = Friday 00:00+08:00', () => {
    const d = dayDeadline(sh('2026-11-23T15:00'), 3);
    expect(iso(d.dueAt)).toBe(iso(sh('2026-11-27T00:00')));
    expect(d.dueAt.toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(d).toMatchObject({ startDay: '2026-11-23', lastDay: '2026-11-26', unit: 'days', days: 3 });
  });

  it('counts the Shanghai day of the start, not the UTC day', () => {
    // 2026-11-23 23:30 UTC is already the 24th in Shanghai.
    const d = dayDeadline(new Date('2026-11-23T23:30:00Z'), 1);
    expect(d.startDay).toBe('2026-11-24');
    expect(iso(d.dueAt)).toBe(iso(sh('2026-11-26T00:00')));
    // 15:59:59 UTC is still the 23rd in Shanghai.
    expect(dayDeadline(new Date('2026-11-23T15:59:59Z'), 1).startDay).toBe('2026-11-23');
  });

  it('counts weekends and holidays (calendar days)', () => {
    const d = dayDeadline(sh('2026-09-30T10:00'), 3);
    expect(d.lastDay).toBe('2026-10-03');
    expect(d.skipped).toEqual([]);
  });

  it('0 days ends with the starting day; a start at 00:00 does not count that day', () => {
    expect(iso(dayDeadline(sh('2026-11-23T00:00'), 0).dueAt)).toBe(iso(sh('2026-11-24T00:00')));
    expect(iso(dayDeadline(sh('2026-11-23T00:00'), 1).dueAt)).toBe(iso(sh('2026-11-25T00:00')));
  });

  it('rejects a negative or fractional count and an invalid start', () => {
    expect(() => dayDeadline(sh('2026-11-23T00:00'), -1)).toThrow(RangeError);
    expect(() => dayDeadline(sh('2026-11-23T00:00'), 1.5)).toThrow(RangeError);
    expect(() => dayDeadline(new Date('nope'), 1)).toThrow(RangeError);
  });

  it('works in another zone when asked', () => {
    const d = dayDeadline(new Date('2026-11-23T03:00:00Z'), 1, 'America/New_York');
    expect(d.startDay).toBe('2026-11-22');
    expect(iso(d.dueAt)).toBe('2026-11-24T05:00:00.000Z');
  });
});

describe('workingDayDeadline on the default mainland-China calendar', () => {
  const cal = defaultWorkingDays();

  it('a Friday receipt: 5 working days skip the weekend and end Friday 24:00', () => {
    const d = workingDayDeadline(sh('2026-11-20T16:00'), 5, cal);
    expect(d.lastDay).toBe('2026-11-27');
    expect(iso(d.dueAt)).toBe(iso(sh('2026-11-28T00:00')));
    expect(d.skipped.map((s) => `${s.date}:${s.kind}`)).toEqual(['2026-11-21:weekend', '2026-11-22:weekend']);
    expect(d.unit).toBe('working_days');
  });

  it('a Friday receipt: 3 working days end Wednesday 24:00', () => {
    expect(workingDayDeadline(sh('2026-11-20T09:00'), 3, cal).lastDay).toBe('2026-11-25');
  });

  it('National Day 2026: holidays 1–7 Oct skipped, make-up Saturday 10 Oct counted', () => {
    const d = workingDayDeadline(sh('2026-09-30T11:00'), 5, cal);
    // 8 Thu, 9 Fri, 10 Sat (调休), 12 Mon, 13 Tue
    expect(d.lastDay).toBe('2026-10-13');
    expect(iso(d.dueAt)).toBe(iso(sh('2026-10-14T00:00')));
    const holidays = d.skipped.filter((s) => s.kind === 'holiday').map((s) => s.date);
    expect(holidays).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(d.skipped.find((s) => s.date === '2026-10-01')?.name).toBe('国庆节');
    expect(d.skipped.map((s) => s.date)).toContain('2026-10-11'); // the Sunday after is off
    expect(d.skipped.map((s) => s.date)).not.toContain('2026-10-10');
    expect(d.holidayDataMissing).toEqual([]);
  });

  it('make-up Sunday 20 Sep 2026 counts, the Saturday before does not', () => {
    // Friday 18 Sep: 19 Sat off, 20 Sun 调休 = working day 1.
    const d = workingDayDeadline(sh('2026-09-18T10:00'), 1, cal);
    expect(d.lastDay).toBe('2026-09-20');
    expect(isWorkingDay(cal, ymdToDay(2026, 9, 19))).toBe(false);
    expect(isWorkingDay(cal, ymdToDay(2026, 9, 20))).toBe(true);
  });

  it('a start on a holiday: the starting day is not counted anyway', () => {
    const d = workingDayDeadline(sh('2026-10-03T10:00'), 1, cal);
    expect(d.lastDay).toBe('2026-10-08');
  });

  it('end of day is exactly 00:00+08:00 of the next day', () => {
    const d = workingDayDeadline(sh('2026-11-23T23:59'), 1, cal);
    expect(d.dueAt.toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('reports the years the holiday data does not cover', () => {
    const d = workingDayDeadline(sh('2026-12-30T10:00'), 5, cal);
    expect(d.holidayDataMissing).toEqual([2027]);
  });

  it('takes an admin calendar (e.g. Monday–Saturday, own holidays)', () => {
    const own = workingDaysOf({
      timeZone: 'Asia/Shanghai',
      weeklyHours: week([['08:30', '17:30']], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
      holidays: ['2026-11-23'],
      workdays: [],
    });
    const d = workingDayDeadline(sh('2026-11-20T10:00'), 2, own);
    // 21 Sat works, 22 Sun off, 23 Mon holiday, 24 Tue works
    expect(d.lastDay).toBe('2026-11-24');
    expect(d.holidayDataMissing).toEqual([]);
  });

  it('throws for a calendar without any working day', () => {
    const none = workingDaysOf({
      timeZone: 'Asia/Shanghai',
      weeklyHours: week([], []),
      holidays: [],
      workdays: [],
    });
    expect(() => workingDayDeadline(sh('2026-11-20T10:00'), 1, none)).toThrow(RangeError);
  });
});

describe('sameDateYearsLater (one year, starting day not counted)', () => {
  const later = (y: number, m: number, d: number) => formatDay(sameDateYearsLater(ymdToDay(y, m, d), 1));
  it('is the same date a year later', () => {
    expect(later(2026, 3, 1)).toBe('2027-03-01');
    expect(later(2023, 3, 1)).toBe('2024-03-01'); // spans 29 Feb 2024: 366 days
    expect(later(2024, 2, 28)).toBe('2025-02-28');
  });
  it('29 February ends on 28 February (no corresponding day → month end)', () => {
    expect(later(2024, 2, 29)).toBe('2025-02-28');
    expect(formatDay(sameDateYearsLater(ymdToDay(2024, 2, 29), 4))).toBe('2028-02-29');
  });
});
