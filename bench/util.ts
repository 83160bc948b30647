export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Runs `fn` n times with the given concurrency; returns rate and latency percentiles in ms. */
export const timed = async (n: number, concurrency: number, fn: (i: number) => Promise<unknown>) => {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        await fn(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return {
    perSecond: Math.round(n / secs),
    p50: percentile(lat, 50).toFixed(2),
    p95: percentile(lat, 95).toFixed(2),
  };
};
