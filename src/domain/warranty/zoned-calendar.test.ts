import { describe, expect, it } from 'vitest';
import {
  addMonthsExclusive,
  DAY_MS,
  dayToYmd,
  formatDay,
  localDay,
  offsetAt,
  startOfLocalDay,
  ymdToDay,
  zoneFor,
} from './zoned-calendar.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoneFor / offsetAt', () => {
  it('reads +08:00 for Asia/Shanghai today', () => {
    const z = zoneFor('Asia/Shanghai');
    expect(offsetAt(z, Date.parse('2024-07-01T00:00:00Z'))).toBe(8 * HOUR);
    expect(offsetAt(z, Date.parse('2024-01-01T00:00:00Z'))).toBe(8 * HOUR);
  });

  it('is zone-correct for Shanghai history: daylight saving in 1990 (+09:00)', () => {
    const z = zoneFor('Asia/Shanghai');
    expect(offsetAt(z, Date.parse('1990-07-01T00:00:00Z'))).toBe(9 * HOUR);
    expect(offsetAt(z, Date.parse('1990-12-01T00:00:00Z'))).toBe(8 * HOUR);
  });

  it('finds the switching second inside a DST day (Europe/Berlin, 2024-03-31 01:00Z)', () => {
    const z = zoneFor('Europe/Berlin');
    const sw = Date.parse('2024-03-31T01:00:00Z');
    expect(offsetAt(z, sw - 1)).toBe(1 * HOUR);
    expect(offsetAt(z, sw)).toBe(2 * HOUR);
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => zoneFor('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('localDay / startOfLocalDay', () => {
  it('puts 2024-03-14T16:00Z on 2024-03-15 in Shanghai but 2024-03-14 in UTC', () => {
    const t = Date.parse('2024-03-14T16:00:00Z');
    expect(formatDay(localDay(zoneFor('Asia/Shanghai'), t))).toBe('2024-03-15');
    expect(formatDay(localDay(zoneFor('UTC'), t))).toBe('2024-03-14');
    expect(formatDay(localDay(zoneFor('Asia/Shanghai'), t - 1))).toBe('2024-03-14');
  });

  it('starts a Shanghai day at 16:00Z of the previous UTC day', () => {
    const z = zoneFor('Asia/Shanghai');
    expect(iso(startOfLocalDay(z, ymdToDay(2025, 3, 15)))).toBe('2025-03-14T16:00:00.000Z');
  });

  it('starts a Berlin DST day at local midnight (+01:00 before the switch)', () => {
    const z = zoneFor('Europe/Berlin');
    expect(iso(startOfLocalDay(z, ymdToDay(2024, 3, 31)))).toBe('2024-03-30T23:00:00.000Z');
    expect(iso(startOfLocalDay(z, ymdToDay(2024, 4, 1)))).toBe('2024-03-31T22:00:00.000Z');
  });

  it('starts a day whose midnight is skipped at the jump (America/Santiago 2024-09-08 → 01:00)', () => {
    const z = zoneFor('America/Santiago');
    const start = startOfLocalDay(z, ymdToDay(2024, 9, 8));
    expect(iso(start)).toBe('2024-09-08T04:00:00.000Z');
    expect(formatDay(localDay(z, start - 1))).toBe('2024-09-07');
  });

  it('takes the first of two midnights when midnight repeats (America/Havana 2024-11-03)', () => {
    const z = zoneFor('America/Havana');
    const start = startOfLocalDay(z, ymdToDay(2024, 11, 3));
    expect(iso(start)).toBe('2024-11-03T04:00:00.000Z');
    expect(formatDay(localDay(z, start - 1))).toBe('2024-11-02');
  });
});

describe('day numbers', () => {
  it('round-trips with Date.UTC across leap years and centuries', () => {
    const wrong: number[] = [];
    for (let day = ymdToDay(1899, 12, 25); day < ymdToDay(2101, 1, 5); day += 1) {
      const d = new Date(day * DAY_MS);
      const expected = d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
      if (dayToYmd(day) !== expected) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it('formats YYYY-MM-DD with zero padding', () => {
    expect(formatDay(ymdToDay(2024, 2, 9))).toBe('2024-02-09');
  });
});

describe('addMonthsExclusive', () => {
  const add = (y: number, m: number, d: number, n: number) =>
    formatDay(addMonthsExclusive(ymdToDay(y, m, d), n));

  it('ends on the same date N months later', () => {
    expect(add(2024, 3, 15, 12)).toBe('2025-03-15');
    expect(add(2024, 3, 15, 24)).toBe('2026-03-15');
    expect(add(2024, 11, 28, 3)).toBe('2025-02-28');
  });

  it('runs to the end of a shorter month when the date does not exist', () => {
    expect(add(2024, 1, 31, 1)).toBe('2024-03-01'); // last day in: 2024-02-29
    expect(add(2023, 1, 31, 1)).toBe('2023-03-01'); // last day in: 2023-02-28
    expect(add(2024, 2, 29, 12)).toBe('2025-03-01'); // last day in: 2025-02-28
    expect(add(2024, 8, 31, 1)).toBe('2024-10-01'); // last day in: 2024-09-30
    expect(add(2024, 11, 30, 3)).toBe('2025-03-01'); // last day in: 2025-02-28
  });

  it('handles zero months and crossing years', () => {
    expect(add(2024, 5, 6, 0)).toBe('2024-05-06');
    expect(add(2024, 12, 31, 2)).toBe('2025-03-01');
  });
});
