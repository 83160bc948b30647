// Query-key roots of the follow-up pages; a change invalidates its root so every list built on it refreshes.
export const VISITS = 'follow-up-visits';
export const SURVEYS = 'surveys';

/** Mean ×100 as the 1–5 figure people read ("3.80"). */
export const scoreText = (x100: number | null | undefined) => (x100 == null ? '' : (x100 / 100).toFixed(2));

/** The current quarter and the seven before it (2026-Q4, 2026-Q3 …), in Beijing time. */
export function recentQuarters(now = new Date(), count = 8): string[] {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  let y = local.getUTCFullYear();
  let q = Math.floor(local.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}
