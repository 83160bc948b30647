import type { Executor } from '../../db/client.ts';
import type { StepCheck } from '../../domain/complaints/complaint-status.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/warranty/entitlement.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import * as dal from './complaints-dal.ts';
import type { TicketSide } from './complaints-service.ts';

// Small helpers every complaint step shares: refusing with the right status, the ticket's timeline
// event, and the customer's notice.

export const local = (d: Date | null) => (d ? formatLocal(DEFAULT_TIME_ZONE, d.getTime()).slice(0, 16) : '—');
export const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toFixed(2)}`);
export const text = (s: string | undefined) => s?.trim() || null;

/** A failed rule: missing or wrong fields are 400 naming the field, the rest 409 with the reason. */
export const refuse = (r: Exclude<StepCheck, { ok: true }>, from: string) => {
  if (r.code === 'missing_field') return fieldError(r.field ?? 'body', 'is required');
  if (r.code === 'invalid_value') return fieldError(r.field ?? 'body', r.messageEn);
  return new AppError('invalid_state', {
    message: r.messageEn,
    userMessage: { zh: r.message, en: r.messageEn },
    details: { reason: r.code, field: r.field ?? null, from },
  });
};

/** The step as it shows on the ticket's timeline (and, when the customer may see it, in the portal). */
export const ticketEvent = (o: {
  step: string;
  from: string;
  to: string;
  body?: string | null;
  customer: boolean;
  data?: Record<string, unknown>;
  /** What the step does to the ticket besides the timeline entry. */
  move?: TicketSide['move'];
}): TicketSide => ({
  event: {
    kind: 'complaint',
    visibility: o.customer ? 'customer' : 'internal',
    body: o.body ?? null,
    data: { step: o.step, from: o.from, to: o.to, ...o.data },
  },
  audit: `complaint:${o.step}`,
  move: o.move,
});

/** A notice to the customer's portal users. */
export const customerNotice = async (tx: Executor, c: dal.ComplaintRow, title: string, body: string) => ({
  userIds: await dal.customerUsers(tx, c.customerId),
  kind: 'complaint',
  title,
  body,
  ticketId: c.ticketId,
  link: '/portal',
  dedupeKey: `complaint-customer:${c.id}:${c.version}`,
});
