import type { Executor } from '../../db/client.ts';
import { matchPolicy } from '../../domain/sla/policy-match.ts';
import type { ClockReason } from '../../domain/sla/sla-clock.ts';
import { calendarKey, findCalendar, specOf } from '../calendars/index.ts';
import { findPolicy, listPolicies, policyTerms, type SlaPolicyRow } from '../sla/index.ts';
import { type ClockSeed, type ComputedClock, computeClocks, summarise } from './ticket-clocks.ts';
import * as dal from './tickets-dal.ts';

// Loads what a ticket's clocks depend on (policy, calendar, pauses, existing clocks), computes them
// with the pure rule and stores the result with the ticket's queue summary.

export type SlaMatch = { policyId: string | null; policyName: string | null; reasons: ClockReason[] };

/** Which active policy governs a ticket, and why. */
export const choosePolicy = async (
  db: Executor,
  t: { type: string; channel: string; grade: string | null; urgent: boolean },
): Promise<{ policy: SlaPolicyRow | null; match: SlaMatch }> => {
  const rows = await listPolicies(db, { activeOnly: true });
  const hit = matchPolicy(
    rows.map(({ policy }) => ({
      id: policy.id,
      priority: policy.priority,
      appliesTo: policyTerms(policy).appliesTo,
    })),
    t,
  );
  if (!hit)
    return {
      policy: null,
      match: {
        policyId: null,
        policyName: null,
        reasons: [
          {
            code: 'no_policy',
            message: '没有适用于此类请求的时限政策，不计时限',
            messageEn: 'No SLA policy applies to this kind of request; no deadlines',
          },
        ],
      },
    };
  const policy = rows.find((r) => r.policy.id === hit.policy.id)!.policy;
  return { policy, match: { policyId: policy.id, policyName: policy.name, reasons: hit.reasons } };
};

export type ClockContext = {
  policy: SlaPolicyRow;
  calendar: {
    key: string;
    name: string;
    spec: ReturnType<typeof specOf>;
    id: string;
    dayNames: Record<string, string>;
  };
  pauses: dal.PauseRow[];
};

export const loadClockContext = async (db: Executor, ticket: dal.TicketRow): Promise<ClockContext | null> => {
  if (!ticket.slaPolicyId) return null;
  const found = await findPolicy(db, ticket.slaPolicyId);
  if (!found) return null;
  const cc = await contextFor(db, found.policy);
  return cc && { ...cc, pauses: await dal.pausesOf(db, [ticket.id]) };
};

/** The clock context of a policy for a ticket without pauses (a new one). */
export const contextFor = async (db: Executor, policy: SlaPolicyRow): Promise<ClockContext | null> => {
  const cal = await findCalendar(db, policy.calendarId);
  if (!cal) return null;
  return {
    policy,
    calendar: {
      id: cal.id,
      key: calendarKey(cal),
      name: cal.name,
      spec: specOf(cal),
      dayNames: cal.dayNames as Record<string, string>,
    },
    pauses: [],
  };
};

const seedOf = (c: dal.ClockRow): ClockSeed => ({
  metric: c.metric,
  targetMinutes: c.targetMinutes,
  startedAt: c.startedAt,
  stoppedAt: c.stoppedAt,
  cancelled: c.status === 'cancelled',
  firedSteps: c.firedSteps,
  clause: c.clause,
});

/**
 * The ticket's clocks as of `now`. Clocks the policy targets but the ticket lacks start at the
 * report time; `changes` adjusts seeds (stop a metric, restart arrange on transfer, cancel all).
 */
export const clocksFor = (opts: {
  ctx: ClockContext;
  ticket: dal.TicketRow;
  existing: dal.ClockRow[];
  now: Date;
  change?: (seeds: ClockSeed[]) => ClockSeed[];
}): ComputedClock[] => {
  const terms = policyTerms(opts.ctx.policy);
  const byMetric = new Map(opts.existing.map((c) => [c.metric, seedOf(c)]));
  let seeds: ClockSeed[] = terms.targets.map((t) => {
    const old = byMetric.get(t.metric);
    return {
      metric: t.metric,
      targetMinutes: t.minutes,
      startedAt: old?.startedAt ?? opts.ticket.reportedAt,
      stoppedAt: old?.stoppedAt ?? null,
      cancelled: old?.cancelled ?? false,
      firedSteps: old?.firedSteps ?? [],
      clause: t.clause,
    };
  });
  if (opts.change) seeds = opts.change(seeds);
  return computeClocks({
    calendar: opts.ctx.calendar,
    policyName: opts.ctx.policy.name,
    policyClause: opts.ctx.policy.clause,
    escalations: terms.escalations,
    seeds,
    pauses: opts.ctx.pauses,
    now: opts.now,
  });
};

/** Stores computed clocks and the ticket's summary (next due time, clock state). */
export const storeClocks = async (
  tx: Executor,
  ticketId: string,
  calendarId: string,
  clocks: ComputedClock[],
  now: Date,
) => {
  await dal.deleteClocksExcept(
    tx,
    ticketId,
    clocks.map((c) => c.metric),
  );
  await dal.upsertClocks(
    tx,
    clocks.map((c) => ({
      ticketId,
      metric: c.metric,
      targetMinutes: c.targetMinutes,
      calendarId,
      startedAt: c.startedAt,
      stoppedAt: c.stoppedAt,
      dueAt: c.dueAt,
      status: c.status,
      breachedAt: c.breachedAt,
      pausedMs: Math.round(c.pausedMs),
      firedSteps: c.firedSteps,
      nextEscalationAt: c.nextEscalationAt,
      reasons: c.reasons,
      clause: c.clause,
      computedAt: now,
    })),
  );
  return summarise(clocks);
};

/** Clock rows as the API shows them: minutes, ISO times, and the reasons. */
export const clockDto = (c: ComputedClock | dal.ClockRow, now: Date) => {
  const live = 'elapsedMs' in c;
  const dueAt = c.dueAt;
  // Stored rows were computed earlier: a running clock whose due time has passed is breached now.
  const status =
    !live && c.status === 'running' && dueAt && dueAt.getTime() < now.getTime() ? 'breached' : c.status;
  return {
    metric: c.metric,
    dueAt: dueAt?.toISOString() ?? null,
    status,
    targetMinutes: c.targetMinutes,
    startedAt: c.startedAt.toISOString(),
    stoppedAt: c.stoppedAt?.toISOString() ?? null,
    breachedAt: c.breachedAt?.toISOString() ?? null,
    pausedMinutes: Math.round(Number(c.pausedMs) / 60_000),
    elapsedMinutes: live ? Math.round((c as ComputedClock).elapsedMs / 60_000) : null,
    remainingMinutes: live ? Math.round((c as ComputedClock).remainingMs / 60_000) : null,
    nextEscalationAt: c.nextEscalationAt?.toISOString() ?? null,
    firedSteps: c.firedSteps,
    clause: c.clause,
    reasons: c.reasons as ClockReason[],
  };
};
