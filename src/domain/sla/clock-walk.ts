import { instantAtWorkingMs, type WorkingTime, workingMsBefore } from './working-time.ts';

// The two steps every clock question shares: tidy the pauses, then walk the business time.

export type Pause = { from: number; to: number | null };

/** Sentinel due instants of walkDue, so the hot path allocates nothing. */
export const BLOCKED_BY_OPEN_PAUSE = Number.POSITIVE_INFINITY;
export const BEYOND_HORIZON = Number.NaN;

/** The normalised form of no pauses at all, shared so a clock without pauses allocates none. */
export const NO_PAUSES: readonly number[] = Object.freeze([]);

/**
 * Pauses as a flat, sorted list of disjoint [from, to) pairs, clipped to the clock's start. Pauses
 * may arrive unsorted and overlapping (two agents waiting on the customer at once); overlaps are
 * merged so no business minute is taken off twice. A pause that begins after `limit` (stoppedAt ??
 * now) has not happened and is ignored. An open pause (to null) ends at stoppedAt when the clock is
 * stopped, and is otherwise open-ended (to = +∞).
 */
export const normalizePauses = (opts: {
  pauses: readonly Pause[];
  startedAt: number;
  limit: number;
  stoppedAt: number | null;
}): readonly number[] => {
  const { pauses, startedAt, limit, stoppedAt } = opts;
  if (pauses.length === 0) return NO_PAUSES;
  const list: [number, number][] = [];
  for (const p of pauses) {
    if (p.from > limit) continue;
    let to = p.to ?? stoppedAt ?? Number.POSITIVE_INFINITY;
    if (stoppedAt !== null && to > stoppedAt) to = stoppedAt;
    const from = p.from > startedAt ? p.from : startedAt;
    if (to > from) list.push([from, to]);
  }
  if (list.length > 1) list.sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [from, to] of list) {
    const n = flat.length;
    if (n > 0 && from <= flat[n - 1]!) flat[n - 1] = Math.max(flat[n - 1]!, to);
    else flat.push(from, to);
  }
  return flat;
};

/**
 * The instant `amount` business ms after startedAt with the merged pauses taken out: BEYOND_HORIZON
 * when the horizon cannot tell, BLOCKED_BY_OPEN_PAUSE when an open pause begins before the amount is
 * reached. Walk: for each pause, the business time available before it either suffices (stop) or is
 * used up, and the cursor jumps over the pause.
 */
export const walkDue = (opts: {
  wt: WorkingTime;
  startedAt: number;
  startPos: number;
  amount: number;
  pauses: readonly number[];
}): number => {
  const { wt, pauses } = opts;
  if (opts.amount <= 0) return opts.startedAt;
  if (opts.startedAt < wt.fromMs) return BEYOND_HORIZON;
  let cursor = opts.startedAt;
  let cursorPos = opts.startPos;
  let remaining = opts.amount;
  for (let k = 0; k < pauses.length; k += 2) {
    const from = pauses[k]!;
    const to = pauses[k + 1]!;
    if (from > cursor) {
      const available = workingMsBefore(wt, from) - cursorPos;
      if (available >= remaining) break;
      remaining -= available;
    }
    if (to === Number.POSITIVE_INFINITY) return BLOCKED_BY_OPEN_PAUSE;
    if (to > cursor) {
      cursor = to;
      cursorPos = workingMsBefore(wt, to);
    }
  }
  const pos = cursorPos + remaining;
  return pos > wt.before[wt.count]! ? BEYOND_HORIZON : instantAtWorkingMs(wt, pos);
};
