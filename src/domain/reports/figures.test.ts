import { describe, expect, it } from 'vitest';
import {
  ageingBucket,
  attainment,
  isFirstTimeFix,
  mean,
  needsOrders,
  nps,
  npsClass,
  pareto,
  repeatsOf,
  yuan,
} from './figures.ts';

const H = 3_600_000;
const D = 24 * H;

describe('SLA attainment', () => {
  it('is met over ended clocks, null with none', () => {
    expect(attainment(3, 1)).toBe(0.75);
    expect(attainment(0, 4)).toBe(0);
    expect(attainment(5, 0)).toBe(1);
    expect(attainment(0, 0)).toBeNull();
  });
});

describe('ageing buckets', () => {
  it('puts each boundary in the older bucket', () => {
    expect(ageingBucket(0)).toBe('lt1d');
    expect(ageingBucket(D - 1)).toBe('lt1d');
    expect(ageingBucket(D)).toBe('d1to3');
    expect(ageingBucket(3 * D - 1)).toBe('d1to3');
    expect(ageingBucket(3 * D)).toBe('d3to7');
    expect(ageingBucket(7 * D)).toBe('d7to30');
    expect(ageingBucket(30 * D - 1)).toBe('d7to30');
    expect(ageingBucket(30 * D)).toBe('gt30d');
    expect(ageingBucket(400 * D)).toBe('gt30d');
  });
});

describe('first-time fix', () => {
  it('is exactly one live order that reached done, signed or closed', () => {
    expect(isFirstTimeFix([{ status: 'done' }])).toBe(true);
    expect(isFirstTimeFix([{ status: 'signed' }])).toBe(true);
    expect(isFirstTimeFix([{ status: 'closed' }, { status: 'cancelled' }])).toBe(true);
    expect(isFirstTimeFix([{ status: 'closed' }, { status: 'closed' }])).toBe(false);
    expect(isFirstTimeFix([{ status: 'on_site' }])).toBe(false);
    expect(isFirstTimeFix([])).toBe(false);
  });
  it('counts in the base only tickets that needed a live order', () => {
    expect(needsOrders([{ status: 'cancelled' }])).toBe(false);
    expect(needsOrders([{ status: 'planned' }])).toBe(true);
    expect(needsOrders([])).toBe(false);
  });
});

describe('Pareto of causes', () => {
  it('sorts largest first with shares, a running share ending at exactly 1, and the vital few', () => {
    const rows = pareto([
      { key: 'price', count: 1 },
      { key: 'service', count: 5 },
      { key: 'product', count: 10 },
      { key: 'parts', count: 3 },
      { key: 'other', count: 0 },
      { key: 'delivery', count: 1 },
    ]);
    expect(rows.map((r) => r.key)).toEqual(['product', 'service', 'parts', 'delivery', 'price']);
    expect(rows.map((r) => r.count)).toEqual([10, 5, 3, 1, 1]);
    expect(rows[0]!.share).toBe(0.5);
    expect(rows[1]!.cumulative).toBe(0.75);
    expect(rows.at(-1)!.cumulative).toBe(1);
    // product (0 → 50 %) and service (50 → 75 %) start under 80 %; parts starts at 75 % too.
    expect(rows.map((r) => r.vital)).toEqual([true, true, true, false, false]);
  });
  it('merges equal keys and is empty without complaints', () => {
    expect(
      pareto([
        { key: 'a', count: 1 },
        { key: 'a', count: 2 },
      ]).map((r) => [r.key, r.count]),
    ).toEqual([['a', 3]]);
    expect(pareto([])).toEqual([]);
  });
  it('keeps a stable order on ties', () => {
    expect(
      pareto([
        { key: 'b', count: 2 },
        { key: 'a', count: 2 },
      ]).map((r) => r.key),
    ).toEqual(['a', 'b']);
  });
});

describe('satisfaction', () => {
  it('classes NPS answers and scores −100…100', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(nps(6, 2, 10)).toBe(40);
    expect(nps(0, 5, 5)).toBe(-100);
    expect(nps(0, 0, 0)).toBeNull();
    expect(mean(450, 2)).toBe(225);
    expect(mean(1, 0)).toBeNull();
  });
});

describe('repeat failures', () => {
  it('counts a repair within 90 days of the one before, not the first', () => {
    const d = (s: string) => new Date(`${s}T02:00:00Z`);
    const repeats = repeatsOf([d('2026-01-01'), d('2026-06-01'), d('2026-03-31'), d('2026-04-02')]);
    // 31 Mar is 89 days after 1 Jan; 2 Apr 2 days after; 1 Jun 60 days after 2 Apr.
    expect(repeats.map((x) => x.toISOString().slice(0, 10))).toEqual([
      '2026-03-31',
      '2026-04-02',
      '2026-06-01',
    ]);
    expect(repeatsOf([d('2026-01-01'), d('2026-04-02')])).toEqual([]);
    expect(repeatsOf([d('2026-01-01')])).toEqual([]);
  });
  it('converts fen to yuan without float noise', () => {
    expect(yuan(123456)).toBe(1234.56);
    expect(yuan(5)).toBe(0.05);
  });
});
