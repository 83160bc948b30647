import type { Db } from '../../db/client.ts';
import { nextReturnAlert, type ReturnStatus } from '../../domain/returns/return-status.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import type { Clock } from '../../platform/clock.ts';
import * as dal from './returns-dal.ts';
import type { ReturnsDeps } from './returns-deps.ts';

// Every minute: requests whose open step is about to miss its promised time (two hours before) or
// has missed it. Rows are claimed with SKIP LOCKED and each alert key is stored once it fires, so
// several workers never send one twice. The desk is warned; a miss reaches the managers too.

const STATUS_ZH: Record<string, string> = {
  submitted: '审核',
  approved: '上门取件',
  received: '收货处理',
  passed: '退款/换货',
  failed: '原样退回',
};

export const returnAlerts = (
  deps: Pick<ReturnsDeps, 'db' | 'users' | 'notifications'> & { db: Db; clock: Clock },
) => {
  const { db, users, notifications, clock } = deps;

  const batch = async (limit: number) => {
    const now = clock.now();
    const deliveries: string[] = [];
    let claimed = 0;
    await db.transaction(async (tx) => {
      const due = await dal.claimAlerts(tx, now, limit);
      claimed = due.length;
      for (const r of due) {
        const status = r.status as ReturnStatus;
        // The schedule the last step stored is when this alert is due (its start is not needed again).
        const scheduled = r.nextAlertAt ?? now;
        const alert = nextReturnAlert({
          status,
          dueAt: r.nextDueAt,
          stepStartedAt: scheduled,
          fired: r.alertsFired,
        });
        if (!alert || alert.at > now) {
          await dal.setAlerts(tx, r.id, r.alertsFired, alert?.at ?? null);
          continue;
        }
        const fired = [...r.alertsFired, alert.key];
        const next = nextReturnAlert({ status, dueAt: r.nextDueAt, stepStartedAt: scheduled, fired });
        await dal.setAlerts(tx, r.id, fired, next?.at ?? null);
        const step = STATUS_ZH[status] ?? status;
        const dueText = r.nextDueAt ? formatLocal('Asia/Shanghai', r.nextDueAt.getTime()) : '';
        const breach = alert.kind === 'breach';
        const reason = {
          code: breach ? 'return_deadline_missed' : 'return_deadline_near',
          clause:
            ((r.deadlines as Record<string, { clause?: string }>)[deadlineKey(status, r.option)] ?? {})
              .clause ?? null,
          message: breach
            ? `${step}已超过承诺时限 ${dueText}`
            : `${step}将在 ${dueText} 到期（提前 2 小时提醒）`,
          messageEn: breach
            ? `The ${status} step missed its promised time ${dueText}`
            : `The ${status} step is due at ${dueText} (2-hour warning)`,
        };
        await dal.insertEvents(tx, [
          {
            returnId: r.id,
            at: now,
            kind: breach ? 'deadline_missed' : 'deadline_near',
            visibility: 'internal',
            actorName: null,
            data: { key: alert.key, dueAt: r.nextDueAt?.toISOString() ?? null, reasons: [reason] },
          },
        ]);
        const roles = breach ? ['desk', 'manager'] : ['desk'];
        const to = await users.activeUserIdsWithRoles(tx, roles, r.dealerId);
        if (to.length > 0)
          deliveries.push(
            ...(await notifications.notify(tx, {
              userIds: to,
              kind: 'escalation',
              title: `${breach ? '退换货超时' : '退换货即将超时'} ${r.number}：${r.customerName}`,
              body: reason.message,
              ticketId: r.ticketId,
              link: `/returns/${r.id}`,
              dedupeKey: `return-alert:${r.id}:${alert.key}`,
              robots: breach,
            })),
          );
      }
    });
    await notifications.deliverSoon(deliveries);
    return claimed;
  };

  return {
    /** Runs batches until none is left; returns how many requests were looked at. */
    run: async () => {
      let total = 0;
      for (;;) {
        const n = await batch(100);
        total += n;
        if (n < 100) return total;
      }
    },
  };
};

/** Which stored deadline the open step is measured against. */
const deadlineKey = (status: ReturnStatus, option: string | null) => {
  switch (status) {
    case 'submitted':
      return 'review';
    case 'approved':
      return 'pickup';
    case 'received':
      return 'process';
    case 'passed':
      return option === 'refund'
        ? 'refund'
        : option === 'exchange' || option === 'replacement'
          ? 'exchange'
          : 'process';
    default:
      return 'sendBack';
  }
};
