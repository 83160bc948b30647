import { describe, expect, it } from 'vitest';
import { DAY_MS, startOfLocalDay, ymdToDay, zoneFor } from '../warranty/zoned-calendar.ts';
import type { CalendarSpec } from './calendar-types.ts';
import { chinaHolidayDates } from './china-holidays.ts';
import { formatLocal } from './clock-reasons.ts';
import { defaultSpec, HOUR, MIN, random, sh, standardWorkingTime, week } from './sla.fixtures.ts';
import {
  addWorkingMs,
  cachedWorkingTime,
  compileWorkingTime,
  isWorking,
  nextOpening,
  workingMsBetween,
  workingTimeAround,
} from './working-time.ts';

const wt = standardWorkingTime();
const at = (t: number | null) => (t === null ? null : formatLocal('Asia/Shanghai', t));
const add = (start: string, ms: number) => at(addWorkingMs(wt, sh(start), ms));

describe('addWorkingMs on the standard calendar (08:30–12:00, 13:00–17:30, Mon–Fri)', () => {
  it('starts the count at the opening when the start is before it', () => {
    expect(add('2026-11-23T07:00', 2 * HOUR)).toBe('2026-11-23 10:30');
  });

  it('starts after the lunch break when the start is during it', () => {
    expect(add('2026-11-23T12:30', 2 * HOUR)).toBe('2026-11-23 15:00');
  });

  it('starts at the next opening when the start is exactly at closing', () => {
    expect(add('2026-11-24T17:30', HOUR)).toBe('2026-11-25 09:30');
    expect(isWorking(wt, sh('2026-11-24T17:30'))).toBe(false);
    expect(at(nextOpening(wt, sh('2026-11-24T17:30')))).toBe('2026-11-25 08:30');
  });

  it('a due time exactly at the end of an interval is that end, not the next opening', () => {
    expect(add('2026-11-23T11:00', HOUR)).toBe('2026-11-23 12:00');
    expect(add('2026-11-23T16:30', HOUR)).toBe('2026-11-23 17:30');
    expect(add('2026-11-23T08:30', 8 * HOUR)).toBe('2026-11-23 17:30');
    expect(add('2026-11-20T16:30', HOUR)).toBe('2026-11-20 17:30'); // a Friday, not Monday 08:30
  });

  it('skips the weekend', () => {
    expect(add('2026-11-20T16:30', 2 * HOUR)).toBe('2026-11-23 09:30');
    expect(add('2026-11-21T10:00', 30 * MIN)).toBe('2026-11-23 09:00');
  });

  it('returns the start itself for zero', () => {
    expect(addWorkingMs(wt, sh('2026-11-21T10:00'), 0)).toBe(sh('2026-11-21T10:00'));
  });

  it('counts multi-day targets: 24 working hours are three full days', () => {
    expect(add('2026-11-23T08:30', 24 * HOUR)).toBe('2026-11-25 17:30');
    expect(add('2026-11-23T10:00', 24 * HOUR)).toBe('2026-11-26 10:00');
  });
});

describe('the 2026 National Day holiday and its make-up working days (from chinese-days)', () => {
  const china = chinaHolidayDates();
  const makeUp = china.workdays.filter((d) => d >= '2026-09-15' && d <= '2026-10-15');
  const off = china.holidays.filter((d) => d >= '2026-10-01' && d <= '2026-10-15');

  it('reads the days from the data', () => {
    expect(off).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(makeUp).toEqual(['2026-09-20', '2026-10-10']);
    expect(china.names['2026-10-01']).toBe('国庆节');
  });

  it('jumps the whole week off', () => {
    expect(add('2026-09-30T16:30', 2 * HOUR)).toBe('2026-10-08 09:30');
    expect(workingMsBetween(wt, sh('2026-10-01T00:00'), sh('2026-10-08T00:00'))).toBe(0);
  });

  it('works the make-up days with Monday hours, although they fall on a weekend', () => {
    const [sunday, saturday] = makeUp as [string, string];
    expect(new Date(`${sunday}T12:00:00Z`).getUTCDay()).toBe(0);
    expect(add('2026-09-19T10:00', HOUR)).toBe(`${sunday} 09:30`);
    expect(add('2026-10-09T17:00', HOUR)).toBe(`${saturday} 09:00`);
    expect(workingMsBetween(wt, sh(`${saturday}T00:00`), sh(`${saturday}T23:59`))).toBe(8 * HOUR);
  });

  it('keeps a holiday closed even on a weekday, and uses workdayHours on make-up days', () => {
    const spec: CalendarSpec = {
      timeZone: 'Asia/Shanghai',
      weeklyHours: week([['09:00', '17:00']], ['mon', 'tue', 'wed', 'thu', 'fri']),
      holidays: ['2026-11-25'],
      workdays: ['2026-11-28'],
      workdayHours: [['10:00', '12:00']],
    };
    const c = workingTimeAround({ spec, startMs: sh('2026-11-23T00:00'), days: 10 });
    expect(workingMsBetween(c, sh('2026-11-25T00:00'), sh('2026-11-26T00:00'))).toBe(0);
    expect(workingMsBetween(c, sh('2026-11-28T00:00'), sh('2026-11-29T00:00'))).toBe(2 * HOUR);
  });
});

describe('long closures and long targets', () => {
  it('finds the due time after a 40-day closure', () => {
    const holidays = Array.from({ length: 40 }, (_, i) =>
      new Date((ymdToDay(2026, 7, 1) + i) * DAY_MS).toISOString().slice(0, 10),
    );
    const spec: CalendarSpec = { ...defaultSpec('onsite'), holidays, workdays: [] };
    const c = workingTimeAround({ spec, startMs: sh('2026-06-30T12:00') });
    expect(holidays.at(-1)).toBe('2026-08-09');
    expect(at(addWorkingMs(c, sh('2026-06-30T17:00'), HOUR))).toBe('2026-08-10 09:00');
  });

  it('counts 72 hours on the 7×24 calendar straight through holidays', () => {
    const c = workingTimeAround({ spec: defaultSpec('always'), startMs: sh('2026-09-30T10:15') });
    expect(c.count).toBe(1); // back-to-back days merge into one interval
    expect(at(addWorkingMs(c, sh('2026-09-30T10:15'), 72 * HOUR))).toBe('2026-10-03 10:15');
  });
});

describe('time zones', () => {
  const ny = zoneFor('America/New_York');
  const nyDay = (y: number, m: number, d: number) => startOfLocalDay(ny, ymdToDay(y, m, d));
  const always: CalendarSpec = { ...defaultSpec('always'), timeZone: 'America/New_York' };
  const c = compileWorkingTime({ spec: always, fromMs: nyDay(2026, 1, 1), toMs: nyDay(2026, 12, 31) });

  it('a 7×24 calendar has a 23-hour day in spring and a 25-hour day in autumn', () => {
    expect(workingMsBetween(c, nyDay(2026, 3, 8), nyDay(2026, 3, 9))).toBe(23 * HOUR);
    expect(workingMsBetween(c, nyDay(2026, 3, 7), nyDay(2026, 3, 8))).toBe(24 * HOUR);
    expect(workingMsBetween(c, nyDay(2026, 11, 1), nyDay(2026, 11, 2))).toBe(25 * HOUR);
    // 24 elapsed hours from Saturday noon end at 13:00 on Sunday, wall clock.
    expect(addWorkingMs(c, Date.parse('2026-03-07T12:00:00-05:00'), 24 * HOUR)).toBe(
      Date.parse('2026-03-08T13:00:00-04:00'),
    );
  });

  it('keeps office hours on the wall clock across the switch', () => {
    const office = compileWorkingTime({
      spec: { ...always, weeklyHours: week([['09:00', '17:00']], ['mon', 'tue', 'wed', 'thu', 'fri']) },
      fromMs: nyDay(2026, 3, 1),
      toMs: nyDay(2026, 3, 20),
    });
    expect(addWorkingMs(office, Date.parse('2026-03-06T16:00:00-05:00'), 2 * HOUR)).toBe(
      Date.parse('2026-03-09T10:00:00-04:00'),
    );
  });

  it('opens at the end of a DST gap and takes the earlier of a repeated wall time', () => {
    const odd = compileWorkingTime({
      spec: { ...always, weeklyHours: week([['02:30', '04:00']], ['sun']) },
      fromMs: nyDay(2026, 3, 8),
      toMs: nyDay(2026, 3, 8),
    });
    expect(odd.starts[0]).toBe(Date.parse('2026-03-08T07:00:00Z')); // 03:00 EDT
    expect(odd.ends[0]).toBe(Date.parse('2026-03-08T08:00:00Z'));
    const repeated = compileWorkingTime({
      spec: { ...always, weeklyHours: week([['01:30', '03:00']], ['sun']) },
      fromMs: nyDay(2026, 11, 1),
      toMs: nyDay(2026, 11, 1),
    });
    expect(repeated.starts[0]).toBe(Date.parse('2026-11-01T05:30:00Z')); // 01:30 EDT
    expect(workingMsBetween(repeated, repeated.fromMs, repeated.toMs)).toBe(2.5 * HOUR);
  });

  it('has 24-hour days all year in a zone without DST', () => {
    const sh7 = compileWorkingTime({
      spec: defaultSpec('always'),
      fromMs: sh('2026-01-01T00:00'),
      toMs: sh('2026-12-31T12:00'),
    });
    expect(workingMsBetween(sh7, sh('2026-01-01T00:00'), sh('2027-01-01T00:00'))).toBe(365 * 24 * HOUR);
    expect(sh7.toMs).toBe(sh('2027-01-01T00:00'));
  });
});

describe('the horizon', () => {
  const short = workingTimeAround({
    spec: defaultSpec('standard'),
    startMs: sh('2026-11-23T09:00'),
    days: 10,
  });

  it('returns null beyond it, and for a start before it', () => {
    expect(addWorkingMs(short, sh('2026-11-23T09:00'), 200 * HOUR)).toBeNull();
    expect(addWorkingMs(short, sh('2026-11-01T09:00'), HOUR)).toBeNull();
    expect(nextOpening(short, sh('2027-01-01T09:00'))).toBeNull();
  });

  it('covers 400 days by default: a year of working hours is found, five years are not', () => {
    const c = workingTimeAround({ spec: defaultSpec('standard'), startMs: sh('2026-01-05T09:00') });
    expect(addWorkingMs(c, sh('2026-01-05T09:00'), 200 * 8 * HOUR)).not.toBeNull();
    expect(addWorkingMs(c, sh('2026-01-05T09:00'), 5 * 250 * 8 * HOUR)).toBeNull();
  });

  it('reuses a cached calendar while it covers the range and recompiles when not', () => {
    const spec = defaultSpec('standard');
    const a = cachedWorkingTime({
      key: 'test:1',
      spec,
      startMs: sh('2026-11-23T09:00'),
      endMs: sh('2026-12-01T09:00'),
    });
    const b = cachedWorkingTime({
      key: 'test:1',
      spec,
      startMs: sh('2026-11-25T09:00'),
      endMs: sh('2027-01-01T09:00'),
    });
    expect(b).toBe(a);
    const c = cachedWorkingTime({
      key: 'test:1',
      spec,
      startMs: sh('2026-11-25T09:00'),
      endMs: sh('2029-01-01T09:00'),
    });
    expect(c).not.toBe(a);
    expect(c.fromMs).toBeLessThanOrEqual(a.fromMs);
    expect(c.toMs).toBeGreaterThanOrEqual(sh('2029-01-01T09:00'));
  });

  it('refuses an invalid spec', () => {
    expect(() =>
      compileWorkingTime({
        spec: { ...defaultSpec('always'), timeZone: 'Mars/Base' },
        fromMs: 0,
        toMs: DAY_MS,
      }),
    ).toThrow(/timeZone/);
  });
});

describe('property: addWorkingMs inverts workingMsBetween', () => {
  it('holds for random starts and targets, and the answer is the earliest such instant', () => {
    const rnd = random(42);
    const base = sh('2025-08-01T00:00');
    for (let i = 0; i < 5000; i++) {
      const start = base + Math.floor(rnd() * 500 * DAY_MS);
      const x = 1 + Math.floor(rnd() * 40 * HOUR);
      const due = addWorkingMs(wt, start, x);
      expect(due).not.toBeNull();
      expect(workingMsBetween(wt, start, due!)).toBe(x);
      expect(workingMsBetween(wt, start, due! - 1)).toBe(x - 1);
    }
  });
});
