import type { Db } from '../../db/client.ts';
import type { SlaRecomputePayload } from '../../jobs/jobs.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { policyTerms } from '../sla/index.ts';
import { METRIC_ZH, stepsDue } from './ticket-clocks.ts';
import { eventRows } from './ticket-dto.ts';
import { clocksFor, loadClockContext, storeClocks } from './ticket-sla.ts';
import * as dal from './tickets-dal.ts';

// Background SLA work: escalations when a step's share of the target is reached, and recomputing open
// clocks after a calendar or policy edit. Both are safe with several workers: rows are claimed with
// SKIP LOCKED and each escalation step has a unique row, so a step fires and notifies exactly once.

// Timeline entries written by the jobs carry no actor: they are the system's.
const event = (ticketId: string, at: Date, kind: string, body: string, data: unknown) =>
  eventRows({ actor: null, ticketId, at, events: [{ kind, body, data }] })[0]!;

export const slaJobs = ({
  db,
  clock,
  notifications,
}: {
  db: Db;
  clock: Clock;
  notifications: NotificationsApi;
}) => {
  /** One batch of reached escalation steps; returns how many steps fired. */
  const escalateBatch = async (limit: number) => {
    const now = clock.now();
    const deliveries: string[] = [];
    let fired = 0;
    let claimed = 0;
    await db.transaction(async (tx) => {
      const due = await dal.claimEscalationClocks(tx, now, limit);
      claimed = due.length;
      const ticketIds = [...new Set(due.map((d) => d.ticketId))];
      for (const ticketId of ticketIds) {
        const ticket = await dal.ticketRow(tx, ticketId);
        if (!ticket) continue;
        const cc = await loadClockContext(tx, ticket);
        const existing = await dal.clocksOf(tx, [ticketId]);
        if (!cc) {
          await dal.clearEscalationSchedule(tx, ticketId);
          continue;
        }
        const terms = policyTerms(cc.policy);
        let level = ticket.escalationLevel;
        const firedNow = new Map<string, number[]>();
        for (const c of existing) {
          const steps = stepsDue({
            calendar: cc.calendar,
            escalations: terms.escalations,
            seed: { ...c, cancelled: c.status === 'cancelled' },
            pauses: cc.pauses,
            now,
          });
          for (const s of steps) {
            const reasons = [
              {
                code: 'escalation_step',
                message: `${METRIC_ZH[c.metric] ?? c.metric}时限已用 ${s.step.percent}%（目标 ${c.targetMinutes} 个工作分钟），升级到第 ${s.step.level} 级，通知 ${s.step.notifyRoles.join('、') || '负责人'}${s.step.clause ? `（依据 ${s.step.clause}）` : ''}`,
                messageEn: `${c.metric} reached ${s.step.percent}% of its ${c.targetMinutes} business-minute target; escalated to level ${s.step.level}, notifying ${s.step.notifyRoles.join(', ') || 'the assignee'}`,
                clause: s.step.clause,
                reachedAt: s.reachedAt.toISOString(),
              },
            ];
            const recipients = [
              ...(await dal.usersWithRoles(
                tx,
                s.step.notifyRoles,
                ticket.assigneeDealerId ?? ticket.dealerId,
              )),
              ...(ticket.assigneeUserId ? [{ id: ticket.assigneeUserId }] : []),
            ].map((u) => u.id);
            const row = await dal.insertEscalation(tx, {
              ticketId,
              clockId: c.id,
              metric: c.metric,
              stepIndex: s.index,
              percent: s.step.percent,
              level: s.step.level,
              reachedAt: s.reachedAt,
              firedAt: now,
              notifiedUserIds: [...new Set(recipients)],
              reasons,
            });
            firedNow.set(c.metric, [...(firedNow.get(c.metric) ?? []), s.index]);
            if (!row) continue;
            fired++;
            level = Math.max(level, s.step.level);
            await dal.insertEvents(tx, [
              event(ticketId, now, 'escalated', reasons[0]!.message, { ...s.step, reasons }),
            ]);
            deliveries.push(
              ...(await notifications.notify(tx, {
                userIds: recipients,
                kind: 'escalation',
                title: `【升级 L${s.step.level}】服务请求 ${ticket.number} ${METRIC_ZH[c.metric] ?? c.metric}超时预警`,
                body: reasons[0]!.message,
                ticketId,
                link: `/tickets/${ticketId}`,
                dedupeKey: `escalation:${c.id}:${s.index}`,
                robots: true,
              })),
            );
          }
        }
        const withFired = existing.map((c) => ({
          ...c,
          firedSteps: [...new Set([...c.firedSteps, ...(firedNow.get(c.metric) ?? [])])],
        }));
        const clocks = clocksFor({ ctx: cc, ticket, existing: withFired, now });
        const summary = await storeClocks(tx, ticketId, cc.calendar.id, clocks, now);
        await dal.setSlaSummary(tx, ticketId, { ...summary, escalationLevel: level });
      }
    });
    await notifications.deliverSoon(deliveries);
    return { claimed, fired };
  };

  return {
    /** Fires every reached step, a batch at a time, until none is left. */
    escalate: async () => {
      let total = 0;
      for (let i = 0; i < 100; i++) {
        const r = await escalateBatch(100);
        total += r.fired;
        if (r.claimed < 100) break;
      }
      return total;
    },

    /** Recomputes the open tickets on a calendar or policy; each changed ticket records why. */
    recompute: async (p: SlaRecomputePayload) => {
      let afterId: string | null = null;
      let changed = 0;
      for (;;) {
        const batch = await dal.openTicketsFor(db, {
          calendarId: p.calendarId,
          policyId: p.policyId,
          afterId,
          limit: 200,
        });
        if (batch.length === 0) break;
        afterId = batch.at(-1)!.id;
        for (const { id } of batch) {
          await db.transaction(async (tx) => {
            const ticket = await dal.ticketRow(tx, id, { lock: true });
            if (!ticket) return;
            const cc = await loadClockContext(tx, ticket);
            if (!cc) return;
            const now = clock.now();
            const existing = await dal.clocksOf(tx, [id]);
            const clocks = clocksFor({ ctx: cc, ticket, existing, now });
            const summary = await storeClocks(tx, id, cc.calendar.id, clocks, now);
            await dal.setSlaSummary(tx, id, summary);
            const before = new Map(existing.map((c) => [c.metric, c.dueAt?.toISOString() ?? null]));
            const diff = clocks
              .map((c) => ({
                metric: c.metric,
                from: before.get(c.metric) ?? null,
                to: c.dueAt?.toISOString() ?? null,
              }))
              .filter((d) => d.from !== d.to);
            if (diff.length === 0) return;
            changed++;
            await dal.insertEvents(tx, [
              event(id, now, 'sla_recomputed', p.reason, { reason: p.reason, changes: diff }),
            ]);
          });
        }
      }
      return changed;
    },
  };
};

export type SlaJobs = ReturnType<typeof slaJobs>;
