import { describe, expect, it } from 'vitest';
import {
  chinaHolidayDates,
  DEFAULT_CALENDARS,
  defaultCalendarSpec,
  missingHolidayYears,
} from './china-holidays.ts';

describe('chinaHolidayDates', () => {
  const china = chinaHolidayDates();

  it('has official days off and make-up days, not ordinary weekends', () => {
    expect(china.holidays).toContain('2026-10-01');
    expect(china.holidays).toContain('2026-02-17');
    expect(china.holidays).not.toContain('2026-11-21'); // an ordinary Saturday
    expect(china.workdays).toContain('2026-10-10');
    expect(china.holidays.filter((d) => china.workdays.includes(d))).toEqual([]);
    expect(china.names['2026-02-17']).toBe('春节');
    expect(china.namesEn['2026-10-01']).toBe('National Day');
  });

  it('lists the years covered, in order', () => {
    expect(china.years).toContain(2026);
    expect(china.years).toEqual([...china.years].sort((a, b) => a - b));
  });
});

describe('DEFAULT_CALENDARS', () => {
  it('ships the five calendars with the hotline and 7×24 ignoring holidays', () => {
    expect(DEFAULT_CALENDARS.map((c) => c.code)).toEqual([
      'standard',
      'hotline',
      'email_remote',
      'onsite',
      'always',
    ]);
    const byCode = Object.fromEntries(DEFAULT_CALENDARS.map((c) => [c.code, c]));
    expect(byCode.standard?.weeklyHours.mon).toEqual([
      ['08:30', '12:00'],
      ['13:00', '17:30'],
    ]);
    expect(byCode.standard?.weeklyHours.sat).toEqual([]);
    expect(byCode.email_remote?.weeklyHours.sat).toEqual([['08:30', '17:30']]);
    expect(byCode.hotline?.weeklyHours.sun).toEqual([['07:30', '22:00']]);
    expect(defaultCalendarSpec(byCode.hotline!).holidays).toEqual([]);
    expect(defaultCalendarSpec(byCode.always!).workdays).toEqual([]);
    expect(defaultCalendarSpec(byCode.onsite!).holidays).toContain('2026-10-01');
  });
});

describe('missingHolidayYears', () => {
  it('names next year while its notice is missing, using the date in China', () => {
    expect(missingHolidayYears([2025, 2026], new Date('2026-11-23T08:00:00Z'))).toEqual([2027]);
    expect(missingHolidayYears([2026, 2027], new Date('2026-11-23T08:00:00Z'))).toEqual([]);
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Shanghai.
    expect(missingHolidayYears([2026, 2027], new Date('2026-12-31T17:00:00Z'))).toEqual([2028]);
    expect(missingHolidayYears([2024], new Date('2026-06-01T00:00:00Z'))).toEqual([2026, 2027]);
  });
});
