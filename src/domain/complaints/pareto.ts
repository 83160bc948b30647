// Pareto of complaint causes (排列图): the classes by count, largest first, with each one's share and
// the running share, so the "vital few" causes stand out [SPEC §2.12, §2.14].

export type ParetoRow<K extends string = string> = {
  causeClass: K;
  count: number;
  /** count / total, 0–1 */
  share: number;
  /** Share of this row and all larger ones; the last row is exactly 1. */
  cumulativeShare: number;
};

/**
 * Sorted by count descending; ties keep the order of `order` (the cause list), then by key, so the
 * chart is stable. Zero counts are left out. Shares are rounded to 4 decimals; the cumulative share is
 * computed from the running count (not by adding rounded shares), so it never drifts past 1.
 */
export const pareto = <K extends string>(
  counts: ReadonlyArray<{ causeClass: K; count: number }>,
  order: readonly string[] = [],
): ParetoRow<K>[] => {
  const merged = new Map<K, number>();
  for (const c of counts) {
    if (!Number.isInteger(c.count) || c.count < 0) throw new RangeError(`bad count for ${c.causeClass}`);
    merged.set(c.causeClass, (merged.get(c.causeClass) ?? 0) + c.count);
  }
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const rows = [...merged.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || rank(a) - rank(b) || a.localeCompare(b));
  const total = rows.reduce((s, [, n]) => s + n, 0);
  let running = 0;
  return rows.map(([causeClass, count]) => {
    running += count;
    return {
      causeClass,
      count,
      share: round4(count / total),
      cumulativeShare: running === total ? 1 : round4(running / total),
    };
  });
};

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
