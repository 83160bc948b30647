import type { CalendarSpec } from '../../domain/sla/calendar-types.ts';
import {
  type ClockReason,
  computeClock,
  dueEscalations,
  type Pause,
  thresholdAt,
} from '../../domain/sla/sla-clock.ts';
import { cachedWorkingTime, type WorkingTime } from '../../domain/sla/working-time.ts';
import type { EscalationStep } from '../sla/index.ts';

// Glue between stored rows and the pure clock rule: the one place that turns a ticket's clocks,
// pauses, policy and calendar into due times, states, reasons and the next escalation instant.

const DAY_MS = 86_400_000;

export const METRIC_ZH: Record<string, string> = {
  firstResponse: '首次响应',
  arrange: '安排',
  onsite: '到场',
  resolve: '解决',
};

export type CalendarForClocks = {
  key: string;
  name: string;
  spec: CalendarSpec;
  dayNames?: Record<string, string>;
};

export type ClockSeed = {
  metric: string;
  targetMinutes: number;
  startedAt: Date;
  stoppedAt: Date | null;
  /** Cancelled clocks (ticket cancelled) keep their last state and are not recomputed. */
  cancelled: boolean;
  firedSteps: number[];
  clause: string | null;
};

export type ComputedClock = ClockSeed & {
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  dueAt: Date | null;
  breachedAt: Date | null;
  pausedMs: number;
  elapsedMs: number;
  remainingMs: number;
  nextEscalationAt: Date | null;
  reasons: ClockReason[];
};

/** A compiled calendar wide enough for the question; long closures make us look further ahead. */
const workingTime = (cal: CalendarForClocks, startMs: number, days: number): WorkingTime =>
  cachedWorkingTime({
    key: cal.key,
    spec: cal.spec,
    startMs: startMs - DAY_MS,
    endMs: startMs + days * DAY_MS,
    dayNames: cal.dayNames,
  });

export const computeClocks = (opts: {
  calendar: CalendarForClocks;
  policyName: string;
  policyClause: string | null;
  escalations: EscalationStep[];
  seeds: ClockSeed[];
  pauses: { fromAt: Date; toAt: Date | null }[];
  now: Date;
}): ComputedClock[] => {
  const now = opts.now.getTime();
  const pauses: Pause[] = opts.pauses.map((p) => ({
    from: p.fromAt.getTime(),
    to: p.toAt?.getTime() ?? null,
  }));
  return opts.seeds.map((seed) => {
    const startedAt = seed.startedAt.getTime();
    const run = (days: number) => {
      const wt = workingTime(opts.calendar, startedAt, days);
      const input = {
        wt,
        startedAt,
        targetMinutes: seed.targetMinutes,
        pauses,
        stoppedAt: seed.stoppedAt?.getTime() ?? null,
        now,
      };
      return { wt, input, state: computeClock(input) };
    };
    // Ask for a short horizon first: the cache compiles a year ahead, so this hits it for months of
    // new tickets; a longer closure or target widens the question.
    let r = run(60);
    const beyond = () => r.state.horizonExceeded;
    if (beyond()) r = run(400);
    if (beyond()) r = run(3 * 366);
    const { state, input } = r;
    const policyReason: ClockReason = {
      code: 'policy',
      message: `时限政策「${opts.policyName}」：${METRIC_ZH[seed.metric] ?? seed.metric} ${seed.targetMinutes} 个工作分钟，按日历「${opts.calendar.name}」计算${seed.clause || opts.policyClause ? `（依据 ${seed.clause ?? opts.policyClause}）` : ''}`,
      messageEn: `SLA policy "${opts.policyName}": ${seed.metric} within ${seed.targetMinutes} business minutes on calendar "${opts.calendar.name}"${seed.clause || opts.policyClause ? ` (per ${seed.clause ?? opts.policyClause})` : ''}`,
    };
    const reasons = [policyReason, ...state.reasons];
    if (beyond())
      reasons.push({
        code: 'no_working_time',
        message: '日历在三年内没有足够的工作时间，无法计算到期时间',
        messageEn: 'The calendar has too little working time in the next three years to reach the target',
      });
    // Steps of this metric, by their index in the policy's list (the index is what "fired" records).
    const steps = opts.escalations
      .map((s, index) => ({ ...s, index }))
      .filter((s) => s.metric === seed.metric && !seed.firedSteps.includes(s.index));
    let nextEscalationAt: number | null = null;
    if (!seed.cancelled && seed.stoppedAt === null && state.status !== 'paused') {
      for (const s of steps) {
        const ask = (wt: WorkingTime) =>
          thresholdAt({ wt, startedAt, targetMinutes: seed.targetMinutes, pauses, percent: s.percent });
        // A 200 % step of a long target can lie past the horizon the due time needed.
        const at = ask(input.wt) ?? ask(workingTime(opts.calendar, startedAt, 3 * 366));
        if (at !== null && (nextEscalationAt === null || at < nextEscalationAt)) nextEscalationAt = at;
      }
    }
    return {
      ...seed,
      status: seed.cancelled ? 'cancelled' : state.status,
      dueAt: state.dueAt === null ? null : new Date(state.dueAt),
      breachedAt: state.breachedAt === null ? null : new Date(state.breachedAt),
      pausedMs: state.pausedMs,
      elapsedMs: state.elapsedMs,
      remainingMs: state.remainingMs,
      nextEscalationAt: nextEscalationAt === null ? null : new Date(nextEscalationAt),
      reasons,
    };
  });
};

/** The escalation steps of one clock that are due now (not fired yet), with the instant each was reached. */
export const stepsDue = (opts: {
  calendar: CalendarForClocks;
  escalations: EscalationStep[];
  seed: ClockSeed;
  pauses: { fromAt: Date; toAt: Date | null }[];
  now: Date;
}) => {
  const startedAt = opts.seed.startedAt.getTime();
  // The horizon must reach "now", however long the clock has run.
  const days = Math.min(3 * 366, Math.max(60, Math.ceil((opts.now.getTime() - startedAt) / DAY_MS) + 2));
  const wt = workingTime(opts.calendar, startedAt, days);
  const pauses: Pause[] = opts.pauses.map((p) => ({
    from: p.fromAt.getTime(),
    to: p.toAt?.getTime() ?? null,
  }));
  const mine = opts.escalations
    .map((s, index) => ({ s, index }))
    .filter((x) => x.s.metric === opts.seed.metric);
  const fired = new Set(opts.seed.firedSteps);
  const due = dueEscalations({
    clock: {
      wt,
      startedAt,
      targetMinutes: opts.seed.targetMinutes,
      pauses,
      stoppedAt: opts.seed.stoppedAt?.getTime() ?? null,
      now: opts.now.getTime(),
    },
    steps: mine.map((x) => ({ percent: x.s.percent })),
    firedIndexes: new Set(mine.map((x, i) => (fired.has(x.index) ? i : -1)).filter((i) => i >= 0)),
    now: opts.now.getTime(),
  });
  return due.map((d) => ({ step: mine[d.index]!.s, index: mine[d.index]!.index, reachedAt: new Date(d.at) }));
};

/** Ticket-level summary the queue sorts and filters on. */
export const summarise = (clocks: ComputedClock[]) => {
  const open = clocks.filter((c) => c.stoppedAt === null && c.status !== 'cancelled');
  const dues = open.map((c) => c.dueAt?.getTime()).filter((d): d is number => d !== undefined);
  const slaState =
    clocks.length === 0
      ? 'none'
      : open.length === 0
        ? 'done'
        : open.some((c) => c.status === 'paused')
          ? 'paused'
          : 'running';
  return { nextDueAt: dues.length > 0 ? new Date(Math.min(...dues)) : null, slaState };
};
