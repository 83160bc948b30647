// The arithmetic of the dashboard figures (SPEC §2.14), on plain numbers: what the SQL counts, these
// turn into rates, buckets and shares. Ratios are 0–1 (null when there is nothing to divide by).

export const SLA_METRICS = ['firstResponse', 'arrange', 'onsite', 'resolve'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** Share of ended clocks that met their deadline: met / (met + breached). */
export const attainment = (met: number, breached: number): number | null =>
  met + breached > 0 ? met / (met + breached) : null;

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const mean = (sum: number, count: number): number | null => (count > 0 ? sum / count : null);

// 账龄: how long an open ticket has been open. Upper bounds in days, exclusive: < 1 d, 1–3 d, 3–7 d,
// 7–30 d, then everything older.
export const AGEING_BUCKETS = ['lt1d', 'd1to3', 'd3to7', 'd7to30', 'gt30d'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export const AGEING_BOUNDS_DAYS = [1, 3, 7, 30] as const;

const DAY_MS = 86_400_000;

/** The bucket of an age in milliseconds; exactly 1 day old is in 1–3 d. */
export const ageingBucket = (ageMs: number): AgeingBucket => {
  const i = AGEING_BOUNDS_DAYS.findIndex((d) => ageMs < d * DAY_MS);
  return AGEING_BUCKETS[i === -1 ? AGEING_BUCKETS.length - 1 : i]!;
};

/**
 * First-time fix (一次修复率): of the resolved tickets that needed work orders, the share fixed by
 * exactly one order that reached done, signed or closed.
 */
export const FINISHED_ORDER_STATUSES = ['done', 'signed', 'closed'] as const;

export const isFirstTimeFix = (orders: { status: string }[]): boolean => {
  const live = orders.filter((o) => o.status !== 'cancelled');
  return live.length === 1 && (FINISHED_ORDER_STATUSES as readonly string[]).includes(live[0]!.status);
};

export const needsOrders = (orders: { status: string }[]): boolean =>
  orders.some((o) => o.status !== 'cancelled');

/** Net promoter score from 0–10 answers: % promoters (9–10) − % detractors (0–6), −100…100. */
export const npsClass = (answer: number): 'promoter' | 'passive' | 'detractor' =>
  answer >= 9 ? 'promoter' : answer >= 7 ? 'passive' : 'detractor';

export const nps = (promoters: number, detractors: number, answered: number): number | null =>
  answered > 0 ? ((promoters - detractors) * 100) / answered : null;

export type ParetoRow<K extends string = string> = {
  key: K;
  count: number;
  share: number;
  cumulative: number;
  /** Among the causes that together make up the first 80 % (the vital few). */
  vital: boolean;
};

/**
 * Pareto of causes: equal keys merged, largest first (ties by key, so the order is stable), each with
 * its share and the running share. A cause is "vital" while the running share before it is still under 80 %.
 */
export const pareto = <K extends string>(counts: { key: K; count: number }[]): ParetoRow<K>[] => {
  const merged = new Map<K, number>();
  for (const c of counts) merged.set(c.key, (merged.get(c.key) ?? 0) + c.count);
  const rows = [...merged.entries()]
    .map(([key, count]) => ({ key, count }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const total = rows.reduce((s, r) => s + r.count, 0);
  let running = 0;
  return rows.map((r) => {
    const before = running;
    running += r.count;
    return {
      key: r.key,
      count: r.count,
      share: r.count / total,
      // The last row is exactly 1, whatever floating point would say.
      cumulative: running === total ? 1 : running / total,
      vital: before / total < 0.8,
    };
  });
};

/** Repeat failure: two repairs of one asset (or two fits of one part on it) within this many days. */
export const REPEAT_WINDOW_DAYS = 90;

/** The repeats in a series of repair instants of one asset: each repair within the window of the one before. */
export const repeatsOf = (instants: Date[], windowDays = REPEAT_WINDOW_DAYS): Date[] => {
  const sorted = [...instants].sort((a, b) => a.getTime() - b.getTime());
  return sorted.filter((d, i) => i > 0 && d.getTime() - sorted[i - 1]!.getTime() <= windowDays * DAY_MS);
};

/** Fen to yuan for display and spreadsheets (two decimals); sums stay integer fen. */
export const yuan = (fen: number): number => Math.round(fen) / 100;
