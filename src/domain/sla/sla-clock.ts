import { explainClock } from './clock-reasons.ts';
import { BLOCKED_BY_OPEN_PAUSE, NO_PAUSES, normalizePauses, type Pause, walkDue } from './clock-walk.ts';
import { type WorkingTime, workingMsBefore } from './working-time.ts';

// One SLA clock of a ticket (arrange, reply, feedback ...): business time counted from the start on
// the policy's calendar, pauses (waiting on the customer, 挂起) taken out, compared with the target.

export type { Pause } from './clock-walk.ts';

export type ClockInput = {
  wt: WorkingTime;
  startedAt: number;
  targetMinutes: number;
  /** Epoch ms; unsorted and overlapping pauses are fine, every one counts. */
  pauses: Pause[];
  stoppedAt: number | null;
  now: number;
  /** Build the reasons (default true). Off in bulk recomputation, where only the figures matter. */
  explain?: boolean;
};

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';

export type ClockReason = { code: string; message: string; messageEn: string; at?: number };

export type ClockState = {
  status: ClockStatus;
  /** Null while an open pause holds the clock (unknown until resumed) or beyond the horizon. */
  dueAt: number | null;
  /** Business ms counted up to stoppedAt ?? now, pauses excluded; remaining may be negative. */
  elapsedMs: number;
  remainingMs: number;
  /** Business ms spent paused, all pauses together. */
  pausedMs: number;
  /** The instant the due time passed, when it did. */
  breachedAt: number | null;
  /**
   * The compiled horizon could not answer (the due time or stoppedAt ?? now lies beyond it, or the
   * start before it): figures are provisional; compile a wider calendar and compute again.
   */
  horizonExceeded: boolean;
  reasons: ClockReason[];
};

const MINUTE_MS = 60_000;

const targetMs = (minutes: number) => Math.round(minutes * MINUTE_MS);

/**
 * The state of one clock. Status: a stopped clock is 'met' when it stopped at or before the due
 * time, else 'breached'; a running one is 'breached' once now is past the due time, 'paused' while
 * now lies in a pause, else 'running'. A pause whose end is already known (resume scheduled) keeps
 * its due time; only an open pause makes it null.
 */
export const computeClock = (input: ClockInput): ClockState => {
  const { wt, startedAt, stoppedAt, now } = input;
  const end = stoppedAt ?? now;
  const pauses =
    input.pauses.length === 0
      ? NO_PAUSES
      : normalizePauses({ pauses: input.pauses, startedAt, limit: end, stoppedAt });
  const target = targetMs(input.targetMinutes);
  const startPos = workingMsBefore(wt, startedAt);
  const raw = walkDue({ wt, startedAt, startPos, amount: target, pauses });
  const dueAt = Number.isFinite(raw) ? raw : null;

  let pausedMs = 0;
  let pausedNow = false;
  for (let k = 0; k < pauses.length; k += 2) {
    const from = pauses[k]!;
    const to = pauses[k + 1]!;
    if (from <= now && now < to) pausedNow = true;
    if (from < end) pausedMs += workingMsBefore(wt, to < end ? to : end) - workingMsBefore(wt, from);
  }
  const elapsedMs = end > startedAt ? workingMsBefore(wt, end) - startPos - pausedMs : 0;

  let status: ClockStatus;
  if (stoppedAt !== null) status = dueAt !== null && stoppedAt > dueAt ? 'breached' : 'met';
  else if (dueAt !== null && now > dueAt) status = 'breached';
  else if (pausedNow) status = 'paused';
  else status = 'running';

  const state: ClockState = {
    status,
    dueAt,
    elapsedMs,
    remainingMs: target - elapsedMs,
    pausedMs,
    breachedAt: dueAt !== null && end > dueAt ? dueAt : null,
    horizonExceeded:
      (dueAt === null && raw !== BLOCKED_BY_OPEN_PAUSE) || startedAt < wt.fromMs || end > wt.toMs,
    reasons: [],
  };
  if (input.explain !== false) state.reasons = explainClock({ input, state, pauses });
  return state;
};

/**
 * The instant percent % of the target business time has elapsed, pauses excluded; null when an
 * open pause begins before that or the horizon cannot tell.
 */
export const thresholdAt = (
  input: Omit<ClockInput, 'now' | 'stoppedAt' | 'explain'> & { percent: number },
): number | null => {
  const { wt, startedAt } = input;
  const pauses = normalizePauses({
    pauses: input.pauses,
    startedAt,
    limit: Number.POSITIVE_INFINITY,
    stoppedAt: null,
  });
  const amount = Math.round((targetMs(input.targetMinutes) * input.percent) / 100);
  const raw = walkDue({ wt, startedAt, startPos: workingMsBefore(wt, startedAt), amount, pauses });
  return Number.isFinite(raw) ? raw : null;
};

/**
 * Escalation steps (e.g. 100 % and 200 % of the target) due now: threshold instant ≤ now, not fired
 * yet, and reached while the clock still ran: a clock met at 90 % never escalates its 100 % step,
 * nor one met exactly at its due time. `now` wins over clock.now.
 */
export const dueEscalations = (opts: {
  clock: Omit<ClockInput, 'now'> & { now?: number };
  steps: { percent: number }[];
  firedIndexes: ReadonlySet<number>;
  now: number;
}): { index: number; at: number }[] => {
  const { clock, now } = opts;
  const { wt, startedAt, stoppedAt } = clock;
  const pauses = normalizePauses({ pauses: clock.pauses, startedAt, limit: stoppedAt ?? now, stoppedAt });
  const startPos = workingMsBefore(wt, startedAt);
  const target = targetMs(clock.targetMinutes);
  const out: { index: number; at: number }[] = [];
  opts.steps.forEach((step, index) => {
    if (opts.firedIndexes.has(index)) return;
    const amount = Math.round((target * step.percent) / 100);
    const at = walkDue({ wt, startedAt, startPos, amount, pauses });
    if (!Number.isFinite(at) || at > now) return;
    if (stoppedAt !== null && at >= stoppedAt) return;
    out.push({ index, at });
  });
  return out;
};
