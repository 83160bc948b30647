import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { feedbackDueOn, feedbackStatus, reimbursementCheck } from '../../domain/field/field-feedback.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { localToday } from './work-order-dto.ts';
import { blocked } from './work-order-paperwork.ts';
import * as dal from './work-orders-dal.ts';
import type { FeedbackBody } from './work-orders-schemas.ts';
import type { Ctx, WorkOrdersService } from './work-orders-service.ts';

// What finance needs before it settles a field job: the signed record and every old part for the
// warranty write-off, the head-signed field feedback form for travel reimbursement.

export const workOrderSettlement = ({ db, orders }: { db: Db; orders: WorkOrdersService }) => ({
  /** 三包核销: only with the signed record and every old part handed in (seed 001). */
  writeOff: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.settle'],
      version,
      apply: async (tx, o, now) => {
        if (o.writtenOffAt)
          throw new AppError('invalid_state', { details: { reason: 'already_written_off' } });
        if (!o.signatureKey)
          throw blocked(
            'not_signed',
            '没有客户签字的维修记录，不予核销',
            'No repair record signed by the customer: no write-off',
          );
        const owed = await dal.outstandingReturns(tx, o.id);
        if (owed > 0)
          throw blocked(
            'old_parts_outstanding',
            `还有 ${owed} 件旧件未返回，不予核销`,
            `${owed} old part(s) not handed in: no write-off`,
            { outstanding: owed },
          );
        return {
          patch: { writtenOffAt: now, writtenOffBy: ctx.actor.userId },
          events: [{ kind: 'written_off', data: { companyCostFen: o.companyCostFen } }],
          audit: 'write_off',
        };
      },
    }),

  /** 差旅费报销: blocked without the signed external quality feedback form (GK-09). */
  reimburse: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.settle'],
      version,
      apply: async (tx, o, now) => {
        if (o.reimbursedAt)
          throw new AppError('invalid_state', { details: { reason: 'already_reimbursed' } });
        const fb = await dal.feedbackOf(tx, o.id);
        const c = reimbursementCheck({ state: (fb?.status ?? 'missing') as 'missing' });
        if (!c.ok) throw blocked(c.code, c.message, c.messageEn);
        return {
          patch: { reimbursedAt: now, reimbursedBy: ctx.actor.userId },
          events: [{ kind: 'reimbursed' }],
          audit: 'reimburse',
        };
      },
    }),

  /** 外部质量信息反馈单: filled after the trip, handed in within 10 days, then signed by the head. */
  saveFeedback: (ctx: Ctx, id: string, input: Static<typeof FeedbackBody>) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.field', 'workorder.write'],
      apply: async (tx, o, now) => {
        if (!o.checkOutAt)
          throw new AppError('invalid_state', {
            message: 'the trip has not ended (no check-out)',
            details: { reason: 'not_returned' },
          });
        const current = await dal.feedbackOf(tx, o.id);
        if (current?.status === 'signed')
          throw new AppError('invalid_state', { details: { reason: 'already_signed' } });
        if (current && current.version !== input.version)
          throw new AppError('version_conflict', {
            details: { entity: 'field_feedback', currentVersion: current.version },
          });
        if (input.returnedOn < localToday(o.checkOutAt))
          throw fieldError('returnedOn', 'is before the check-out');
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
        return {
          events: [{ kind: input.submit ? 'feedback_submitted' : 'feedback_saved' }],
          audit: 'feedback:save',
        };
      },
    }),

  signFeedback: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.approve'],
      apply: async (tx, o, now) => {
        const fb = await dal.feedbackOf(tx, o.id);
        if (!fb) throw notFound('field_feedback', o.id);
        if (fb.version !== version)
          throw new AppError('version_conflict', {
            details: { entity: 'field_feedback', currentVersion: fb.version },
          });
        if (fb.status !== 'submitted')
          throw new AppError('invalid_state', { details: { status: fb.status } });
        await dal.updateFeedback(tx, fb.id, {
          status: 'signed',
          headSignedBy: ctx.actor.userId,
          headSignedName: ctx.actor.displayName,
          headSignedAt: now,
          updatedAt: now,
        });
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
    const engineers = await dal.engineersOf(
      db,
      rows.map((r) => r.orderId),
    );
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
});
