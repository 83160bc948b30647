import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import type { Charges } from '../../domain/field/charges.ts';
import { feedbackDueOn, feedbackStatus, reimbursementCheck } from '../../domain/field/field-feedback.ts';
import { checkEvidence } from '../../domain/files/evidence.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import { customerUsers } from '../tickets/tickets-dal.ts';
import { localToday } from './work-order-dto.ts';
import * as dal from './work-orders-dal.ts';
import type { FeedbackBody, QuoteDecisionBody, SignatureBody, UrgentApprovalBody } from './work-orders-schemas.ts';
import type { Ctx, WorkOrdersService } from './work-orders-service.ts';

// The paperwork around a field job: the quote and its acceptance, the manager's urgent approval
// ("先维保后补") until it is regularised, the customer's signature, the old parts and the field
// feedback form that finance needs before it writes off or reimburses anything.

const blocked = (reason: string, message: string, messageEn: string, extra: Record<string, unknown> = {}) =>
  new AppError('paperwork_blocked', { message: messageEn, userMessage: message, details: { reason, ...extra } });

export const workOrderPaperwork = ({ db, orders, storage }: { db: Db; orders: WorkOrdersService; storage: Storage }) => ({
  /** 报价: the current charges are frozen as the quote the customer accepts or rejects. */
  sendQuote: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.write'],
      version,
      apply: async (tx, o, now) => {
        if (['signed', 'closed', 'cancelled'].includes(o.status)) throw new AppError('invalid_state', { details: { status: o.status } });
        const charges = o.charges as Charges | null;
        if (!charges || charges.customerTotalFen <= 0)
          throw new AppError('invalid_state', { message: 'nothing to quote: the customer pays nothing', details: { reason: 'nothing_to_quote' } });
        if (charges.problems.length > 0)
          throw new AppError('invalid_state', { message: 'a price list is missing', details: { reason: 'price_list_missing', problems: charges.problems } });
        const customers = await customerUsers(tx, o.customerId);
        return {
          patch: { quoteStatus: 'sent', quote: { ...charges, sentAt: now.toISOString() }, quoteSentAt: now, quoteDecidedAt: null, quoteDecidedBy: null, quoteDecidedVia: null },
          events: [{ kind: 'quote_sent', data: { customerTotalFen: charges.customerTotalFen } }],
          audit: 'quote:send',
          notices: [
            {
              userIds: customers.map((u) => u.id),
              kind: 'quote',
              title: `维修报价待确认（${o.number}）`,
              body: `报价合计（含税）：¥${(charges.customerTotalFen / 100).toFixed(2)}`,
              ticketId: o.ticketId,
              link: `/portal/tickets/${o.ticketId}`,
              dedupeKey: `quote:${o.id}:${o.version}`,
            },
          ],
        };
      },
    }),

  /** The customer in the portal, or the desk recording a phone or paper answer. */
  decideQuote: (ctx: Ctx, id: string, input: Static<typeof QuoteDecisionBody>) =>
    orders.mutate(ctx, id, {
      permissions: ['quote.accept'],
      version: input.version,
      apply: async (_tx, o, now) => {
        if (o.quoteStatus !== 'sent')
          throw new AppError('invalid_state', { message: 'no quote waiting for a decision', details: { quoteStatus: o.quoteStatus } });
        const via = ctx.actor.scope === 'customer' ? 'portal' : 'desk';
        if (via === 'desk' && !input.decidedBy) throw fieldError('decidedBy', 'is required when the desk records the decision');
        return {
          patch: {
            quoteStatus: input.accepted ? 'accepted' : 'rejected',
            quoteDecidedAt: now,
            quoteDecidedBy: input.decidedBy ?? ctx.actor.displayName,
            quoteDecidedVia: via,
          },
          events: [{ kind: input.accepted ? 'quote_accepted' : 'quote_rejected', data: { via, by: input.decidedBy ?? ctx.actor.displayName, note: input.note ?? null } }],
          audit: input.accepted ? 'quote:accept' : 'quote:reject',
        };
      },
    }),

  urgentApproval: (ctx: Ctx, id: string, input: Static<typeof UrgentApprovalBody>) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.approve'],
      version: input.version,
      apply: async (_tx, o, now) => {
        if (!o.quoteRequired) throw new AppError('invalid_state', { message: 'no quote is needed', details: { reason: 'no_quote_needed' } });
        if (o.quoteStatus === 'accepted' || o.urgentApprovedAt)
          throw new AppError('invalid_state', { details: { reason: 'already_cleared' } });
        return {
          patch: { urgentApprovedAt: now, urgentApprovedBy: ctx.actor.userId, urgentReason: input.reason.trim() },
          events: [{ kind: 'urgent_approved', data: { reason: input.reason } }],
          audit: 'urgent:approve',
        };
      },
    }),

  /** The open paperwork of the urgent path is done once the quote is accepted after the fact. */
  regularise: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.write'],
      version,
      apply: async (_tx, o, now) => {
        if (!o.urgentApprovedAt || o.paperworkRegularisedAt) throw new AppError('invalid_state', { details: { reason: 'nothing_open' } });
        if (o.quoteStatus !== 'accepted')
          throw blocked('quote_not_accepted', '补办手续须先由客户确认报价', 'The customer has to accept the quote to regularise the paperwork');
        return { patch: { paperworkRegularisedAt: now }, events: [{ kind: 'paperwork_regularised' }], audit: 'urgent:regularise' };
      },
    }),

  /** 客户签字 on the repair record: the drawn signature is stored with the order. */
  sign: async (ctx: Ctx, id: string, input: Static<typeof SignatureBody>) => {
    const data = Buffer.from(input.image.slice('data:image/png;base64,'.length), 'base64');
    const check = checkEvidence({ fileName: 'signature.png', mimeType: 'image/png', data });
    if (!check.ok) throw fieldError('image', check.message);
    const key = `work-orders/${id}/signature-${crypto.randomUUID()}.png`;
    await storage.put(key, data);
    try {
      return await orders.mutate(ctx, id, {
        permissions: ['workorder.field', 'workorder.write'],
        version: input.version,
        apply: async (_tx, o, now) => {
          if (o.status !== 'done')
            throw new AppError('invalid_state', { message: 'the customer signs when the work is done', details: { from: o.status, to: 'signed' } });
          return {
            patch: { status: 'signed', signatureKey: key, signedBy: input.signedBy.trim(), signedAt: now, customerComment: input.comment ?? null },
            events: [{ kind: 'signed', data: { by: input.signedBy } }],
            audit: 'sign',
          };
        },
      });
    } catch (err) {
      await storage.remove(key).catch(() => {});
      throw err;
    }
  },

  /** 三包核销: only with the signed record and every old part handed in (seed 001). */
  writeOff: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.settle'],
      version,
      apply: async (tx, o, now) => {
        if (o.writtenOffAt) throw new AppError('invalid_state', { details: { reason: 'already_written_off' } });
        if (!o.signatureKey)
          throw blocked('not_signed', '没有客户签字的维修记录，不予核销', 'No repair record signed by the customer: no write-off');
        const owed = await dal.outstandingReturns(tx, o.id);
        if (owed > 0)
          throw blocked('old_parts_outstanding', `还有 ${owed} 件旧件未返回，不予核销`, `${owed} old part(s) not handed in: no write-off`, { outstanding: owed });
        return { patch: { writtenOffAt: now, writtenOffBy: ctx.actor.userId }, events: [{ kind: 'written_off', data: { companyCostFen: o.companyCostFen } }], audit: 'write_off' };
      },
    }),

  /** 差旅费报销: blocked without the signed external quality feedback form (GK-09). */
  reimburse: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.settle'],
      version,
      apply: async (tx, o, now) => {
        if (o.reimbursedAt) throw new AppError('invalid_state', { details: { reason: 'already_reimbursed' } });
        const fb = await dal.feedbackOf(tx, o.id);
        const c = reimbursementCheck({ state: (fb?.status ?? 'missing') as 'missing' });
        if (!c.ok) throw blocked(c.code, c.message, c.messageEn);
        return { patch: { reimbursedAt: now, reimbursedBy: ctx.actor.userId }, events: [{ kind: 'reimbursed' }], audit: 'reimburse' };
      },
    }),

  /** 外部质量信息反馈单: filled after the trip, handed in within 10 days, then signed by the head. */
  saveFeedback: (ctx: Ctx, id: string, input: Static<typeof FeedbackBody>) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.field', 'workorder.write'],
      apply: async (tx, o, now) => {
        if (!o.checkOutAt) throw new AppError('invalid_state', { message: 'the trip has not ended (no check-out)', details: { reason: 'not_returned' } });
        const current = await dal.feedbackOf(tx, o.id);
        if (current?.status === 'signed') throw new AppError('invalid_state', { details: { reason: 'already_signed' } });
        if (current && input.version !== undefined && current.version !== input.version)
          throw new AppError('version_conflict', { details: { entity: 'field_feedback', currentVersion: current.version } });
        if (input.returnedOn < localToday(o.checkOutAt)) throw fieldError('returnedOn', 'is before the check-out');
        if (input.returnedOn > localToday(now)) throw fieldError('returnedOn', 'is in the future');
        if (input.submit)
          for (const f of ['nature', 'cause', 'handling'] as const)
            if (!input[f]?.trim()) throw fieldError(f, 'is required to hand the form in');
        await dal.upsertFeedback(tx, {
          workOrderId: o.id,
          returnedOn: input.returnedOn,
          dueOn: feedbackDueOn(input.returnedOn),
          nature: input.nature ?? null,
          cause: input.cause ?? null,
          handling: input.handling ?? null,
          status: input.submit ? 'submitted' : 'draft',
          submittedAt: input.submit ? now : null,
          submittedBy: input.submit ? ctx.actor.userId : null,
          updatedAt: now,
        });
        return { events: [{ kind: input.submit ? 'feedback_submitted' : 'feedback_saved' }], audit: 'feedback:save' };
      },
    }),

  signFeedback: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.approve'],
      apply: async (tx, o, now) => {
        const fb = await dal.feedbackOf(tx, o.id);
        if (!fb) throw notFound('field_feedback', o.id);
        if (fb.version !== version) throw new AppError('version_conflict', { details: { entity: 'field_feedback', currentVersion: fb.version } });
        if (fb.status !== 'submitted') throw new AppError('invalid_state', { details: { status: fb.status } });
        await dal.updateFeedback(tx, fb.id, { status: 'signed', headSignedBy: ctx.actor.userId, headSignedName: ctx.actor.displayName, headSignedAt: now, updatedAt: now });
        return { events: [{ kind: 'feedback_signed' }], audit: 'feedback:sign' };
      },
    }),

  listFeedback: async (ctx: Ctx, q: { overdue?: boolean }) => {
    const now = ctx.clock.now();
    const today = localToday(now);
    const rows = await dal.listFeedback(db, {
      scope: await orders.orderScope(db, ctx.actor),
      overdueOn: q.overdue ? today : undefined,
      limit: 500,
    });
    const engineers = await dal.engineersOf(db, rows.map((r) => r.orderId));
    return {
      items: rows.map((r) => {
        const returnedOn = r.feedback?.returnedOn ?? localToday(r.checkOutAt!);
        const dueOn = r.feedback?.dueOn ?? feedbackDueOn(returnedOn);
        const st = feedbackStatus({ state: (r.feedback?.status ?? 'missing') as 'missing', dueOn, today });
        return {
          workOrderId: r.orderId,
          workOrderNumber: r.number,
          customerName: r.customerName,
          engineerNames: (engineers.get(r.orderId) ?? []).map((e) => e.name),
          returnedOn,
          dueOn,
          status: st.state,
          overdue: st.overdue,
          daysLeft: st.daysLeft,
          reimbursed: r.reimbursedAt !== null,
        };
      }),
    };
  },

  signature: async (ctx: Ctx, id: string) => {
    const o = await orders.get(ctx, id);
    const row = await dal.signatureKeyOf(db, o.id);
    const stream = row ? await storage.open(row) : null;
    if (!stream) throw notFound('signature', id);
    return stream;
  },
});
