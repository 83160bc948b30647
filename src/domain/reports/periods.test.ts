import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  defaultPeriod,
  dueDate,
  endOfRange,
  isLocalDate,
  isoWeekOf,
  localDate,
  monthRange,
  monthsIn,
  periodRange,
  previousIsoWeek,
  previousMonth,
  startOfLocalDay,
  weekRange,
  yesterday,
} from './periods.ts';

describe('local dates in Asia/Shanghai', () => {
  it('takes the Shanghai date of an instant (UTC+8)', () => {
    expect(localDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
  it('starts a local day at 16:00 UTC of the day before', () => {
    expect(startOfLocalDay('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(endOfRange({ from: '2026-03-01', to: '2026-03-31' }).toISOString()).toBe(
      '2026-03-31T16:00:00.000Z',
    );
  });
  it('validates calendar dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
  });
  it('adds and counts days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });
  it('yesterday is the Shanghai yesterday, even just after local midnight', () => {
    // 00:30 on 2 March in Shanghai is still 1 March in UTC.
    expect(yesterday(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-01');
    expect(yesterday(new Date('2026-03-01T15:30:00Z'))).toBe('2026-02-28');
  });
});

describe('ISO weeks', () => {
  it('numbers weeks by their Thursday', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: 2026 has 53 weeks
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday in the next ISO year
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
  });
  it('gives Monday to Sunday of a week and rejects weeks that do not exist', () => {
    expect(weekRange('2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekRange('2025-W01')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(weekRange('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekRange('2025-W53')).toBeNull();
    expect(weekRange('2026-W00')).toBeNull();
    expect(weekRange('2026-48')).toBeNull();
  });
  it('a Monday 07:00 run covers the previous week', () => {
    // Monday 30 November 2026, 07:00 in Shanghai.
    expect(previousIsoWeek(new Date('2026-11-29T23:00:00Z'))).toBe('2026-W48');
    // Monday 4 January 2027 → the last week of 2026.
    expect(previousIsoWeek(new Date('2027-01-03T23:00:00Z'))).toBe('2026-W53');
  });
});

describe('months', () => {
  it('bounds months, leap years included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthRange('2026-13')).toBeNull();
  });
  it('the 1st of a month (Shanghai) reports on the month before, January on December', () => {
    expect(previousMonth(new Date('2026-11-30T23:00:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2026-12-31T23:00:00Z'))).toBe('2026-12');
    expect(previousMonth(new Date('2027-01-01T02:00:00Z'))).toBe('2026-12');
  });
  it('lists the months a range touches', () => {
    expect(monthsIn({ from: '2025-11-15', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsIn({ from: '2026-03-05', to: '2026-03-06' })).toEqual(['2026-03']);
  });
});

describe('report periods', () => {
  const monday7 = new Date('2026-11-29T23:00:00Z'); // Monday 30 Nov 07:00 Shanghai
  it('defaults to the period that just ended', () => {
    expect(defaultPeriod('daily_problems', monday7)).toBe('2026-11-29');
    expect(defaultPeriod('weekly_satisfaction', monday7)).toBe('2026-W48');
    expect(defaultPeriod('monthly', new Date('2026-11-30T23:00:00Z'))).toBe('2026-11');
  });
  it('parses a named period for its kind only', () => {
    expect(periodRange('daily_problems', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(periodRange('weekly_satisfaction', '2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('monthly', '2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('monthly', '2026-W48')).toBeNull();
    expect(periodRange('daily_problems', '2026-11')).toBeNull();
  });
  it('the monthly report is due by the 3rd, the others the next day', () => {
    expect(dueDate('monthly', '2026-11')).toBe('2026-12-03');
    expect(dueDate('weekly_satisfaction', '2026-W48')).toBe('2026-11-30');
    expect(dueDate('daily_problems', '2026-11-23')).toBe('2026-11-24');
  });
});
