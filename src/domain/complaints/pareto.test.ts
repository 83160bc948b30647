import { describe, expect, it } from 'vitest';
import { CAUSE_CLASSES } from './complaint-status.ts';
import { pareto } from './pareto.ts';

describe('cause Pareto', () => {
  it('sorts by count with shares and the running share', () => {
    const rows = pareto(
      [
        { causeClass: 'service', count: 2 },
        { causeClass: 'product', count: 5 },
        { causeClass: 'parts', count: 3 },
      ],
      CAUSE_CLASSES,
    );
    expect(rows).toEqual([
      { causeClass: 'product', count: 5, share: 0.5, cumulativeShare: 0.5 },
      { causeClass: 'parts', count: 3, share: 0.3, cumulativeShare: 0.8 },
      { causeClass: 'service', count: 2, share: 0.2, cumulativeShare: 1 },
    ]);
  });

  it('is empty without complaints and leaves out zero counts', () => {
    expect(pareto([])).toEqual([]);
    expect(pareto([{ causeClass: 'price', count: 0 }])).toEqual([]);
    expect(
      pareto([
        { causeClass: 'price', count: 0 },
        { causeClass: 'other', count: 1 },
      ]),
    ).toEqual([{ causeClass: 'other', count: 1, share: 1, cumulativeShare: 1 }]);
  });

  it('breaks ties by the cause list order, then by name, so the chart is stable', () => {
    const rows = pareto(
      [
        { causeClass: 'other', count: 1 },
        { causeClass: 'attitude', count: 1 },
        { causeClass: 'product', count: 1 },
        { causeClass: 'zzz', count: 1 },
        { causeClass: 'aaa', count: 1 },
      ],
      CAUSE_CLASSES,
    );
    expect(rows.map((r) => r.causeClass)).toEqual(['product', 'attitude', 'other', 'aaa', 'zzz']);
  });

  it('rounds shares to 4 decimals and ends the running share at exactly 1', () => {
    const rows = pareto([
      { causeClass: 'a', count: 1 },
      { causeClass: 'b', count: 1 },
      { causeClass: 'c', count: 1 },
    ]);
    expect(rows.map((r) => r.share)).toEqual([0.3333, 0.3333, 0.3333]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.3333, 0.6667, 1]);
  });

  it('adds up repeated classes and refuses negative or fractional counts', () => {
    expect(
      pareto([
        { causeClass: 'a', count: 2 },
        { causeClass: 'a', count: 3 },
      ])[0],
    ).toMatchObject({ count: 5 });
    expect(() => pareto([{ causeClass: 'a', count: -1 }])).toThrow(RangeError);
    expect(() => pareto([{ causeClass: 'a', count: 1.5 }])).toThrow(RangeError);
  });

  it('keeps the running share monotonic on many classes', () => {
    const counts = Array.from({ length: 7 }, (_, i) => ({ causeClass: `c${i}`, count: (i * 37) % 11 }));
    const rows = pareto(counts);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.count).toBeLessThanOrEqual(rows[i - 1]!.count);
      expect(rows[i]!.cumulativeShare).toBeGreaterThanOrEqual(rows[i - 1]!.cumulativeShare);
    }
    expect(rows.at(-1)!.cumulativeShare).toBe(1);
  });
});
