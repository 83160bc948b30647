import type { Static } from '@sinclair/typebox';
import type { Executor } from '../../db/client.ts';
import {
  exchangeDueAt,
  pickupDueAt,
  processDueAt,
  type ReturnDeadline,
  refundDueAt,
  sendBackDueAt,
} from '../../domain/returns/return-deadlines.ts';
import {
  nextReturnAlert,
  type ReturnStatus,
  type ReturnStep,
  stepRefusal,
} from '../../domain/returns/return-status.ts';
import type { Remedy } from '../../domain/returns/return-types.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { assertCan, type Permission, scopeFilter } from '../../platform/permissions.ts';
import * as dal from './returns-dal.ts';
import type { ReturnsDeps } from './returns-deps.ts';
import type {
  DecisionBody,
  ExchangeBody,
  InspectionBody,
  ReceiptBody,
  RefundApproveBody,
  RefundDraftBody,
  SendBackBody,
} from './returns-schemas.ts';
import type { ReturnsService } from './returns-service.ts';

// The steps after a request: review, receipt of the goods, inspection, then refund (drafted by the
// desk, approved by finance), exchange, repair, or sending back goods that fail. Each step locks the
// row, checks the status (a step out of order is a 409, never a silent overwrite), stores what it
// decided with the promised deadline and its clause, and moves the alert schedule on.

const SHANGHAI = 'Asia/Shanghai';
const FUTURE_SLACK_MS = 5 * 60_000;

type Row = dal.ReturnRow;
type Outcome = {
  patch: Partial<Row>;
  /** The deadline the next step is measured against, with what set it. */
  deadlines?: Record<string, ReturnDeadline>;
  nextDueAt: Date | null;
  event: { kind: string; note?: string | null; data?: Record<string, unknown> };
  notifyCustomer?: string;
};

const STEP_ZH: Record<ReturnStep, string> = {
  decision: '审核',
  receipt: '收货',
  inspection: '质检',
  refund_draft: '退款申请',
  refund_approve: '退款审批',
  exchange: '换货发出',
  repair: '返修完成',
  send_back: '退回',
};

export const returnSteps = (deps: ReturnsDeps & { returns: ReturnsService }) => {
  const { db, notifications, users, assets, returns } = deps;

  const run = async (
    ctx: Ctx,
    id: string,
    step: ReturnStep,
    permission: Permission,
    input: { at?: string; version?: number },
    apply: (tx: Executor, r: Row, at: Date) => Promise<Outcome>,
  ) => {
    assertCan(ctx.actor, permission);
    const now = ctx.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw fieldError('at', 'is in the future');
    const deliveries: string[] = [];
    await db.transaction(async (tx) => {
      const r = await dal.lockReturn(tx, id, scopeFilter(ctx.actor));
      if (!r) throw notFound('return', id);
      if (input.version !== undefined && input.version !== r.version)
        throw versionConflict('return', id, r.version);
      const refusal = stepRefusal(step, {
        status: r.status as ReturnStatus,
        option: r.option as Remedy | null,
      });
      if (refusal)
        throw new AppError('invalid_state', {
          message: `return ${r.number} is ${r.status}; ${step} needs ${refusal.expected.join('|')}`,
          userMessage:
            refusal.code === 'wrong_status'
              ? {
                  zh: `退换货申请当前不能${STEP_ZH[step]}`,
                  en: `This return request cannot take the step "${step}" now`,
                }
              : {
                  zh: `审核确定的处理方式不允许${STEP_ZH[step]}`,
                  en: `The approved remedy does not allow "${step}"`,
                },
          details: {
            step,
            status: r.status,
            option: r.option,
            reason: refusal.code,
            expected: refusal.expected,
          },
        });
      const out = await apply(tx, r, at);
      const status = (out.patch.status ?? r.status) as ReturnStatus;
      const alert = nextReturnAlert({
        status,
        dueAt: out.nextDueAt,
        stepStartedAt: at,
        fired: r.alertsFired,
      });
      const updated = await dal.updateReturn(tx, id, {
        ...out.patch,
        deadlines: { ...(r.deadlines as Record<string, ReturnDeadline>), ...(out.deadlines ?? {}) },
        nextDueAt: out.nextDueAt,
        nextAlertAt: alert?.at ?? null,
        updatedAt: now,
      });
      await dal.insertEvents(tx, [
        {
          returnId: id,
          at,
          kind: out.event.kind,
          actorId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          note: out.event.note ?? null,
          data: out.event.data ?? {},
        },
      ]);
      await writeAudit(tx, ctx, {
        action: `return_${step}`,
        entity: 'return',
        entityId: id,
        before: r,
        after: updated,
      });
      if (out.notifyCustomer) {
        const to = await users.activeUserIdsOfCustomer(tx, r.customerId);
        if (to.length > 0)
          deliveries.push(
            ...(await notifications.notify(tx, {
              userIds: to,
              kind: 'return',
              title: `退换货申请 ${r.number}：${out.notifyCustomer}`,
              body: out.event.note ?? out.notifyCustomer,
              ticketId: r.ticketId,
              link: `/portal/returns/${id}`,
              dedupeKey: `return-${step}:${id}:${updated.version}`,
            })),
          );
      }
    });
    await notifications.deliverSoon(deliveries);
    return returns.get(ctx, id);
  };

  /** A step may not be dated before the step it follows. */
  const before = (at: Date, earlier: Date | null) => earlier !== null && at.getTime() < earlier.getTime();

  const decide = (ctx: Ctx, id: string, input: Static<typeof DecisionBody>) =>
    run(ctx, id, 'decision', 'return.review', input, async (tx, r, at) => {
      if (before(at, r.submittedAt)) throw fieldError('at', 'is before the request');
      if (!input.approved) {
        if (!input.note?.trim()) throw fieldError('note', 'is required when the request is rejected');
        return {
          patch: {
            status: 'rejected',
            approved: false,
            decidedAt: at,
            decidedBy: ctx.actor.userId,
            decisionNote: input.note,
            closedAt: at,
          },
          nextDueAt: null,
          event: {
            kind: 'rejected',
            note: input.note,
            data: { reviewDueAt: r.reviewDueAt.toISOString(), onTime: at <= r.reviewDueAt },
          },
          notifyCustomer: '未通过审核',
        };
      }
      const option = input.option ?? null;
      if (!option) throw fieldError('option', 'is required when the request is approved');
      const allowed = (r.eligibility as { options: Remedy[] }).options;
      if (!allowed.includes(option))
        throw fieldError('option', 'is not one of the remedies the 三包 rules allow');
      const deadlines: Record<string, ReturnDeadline> = {};
      let pickup: Date | null = null;
      let exchange: Date | null = null;
      if (input.via === 'pickup') {
        const listedCity = r.city ? await dal.isPickupCity(tx, r.city) : false;
        const d = pickupDueAt({ approvedAt: at, listedCity });
        deadlines.pickup = d;
        pickup = d.dueAt;
        if (option === 'exchange' || option === 'replacement') {
          const e = exchangeDueAt({ via: 'door', approvedAt: at });
          deadlines.exchange = e;
          exchange = e.dueAt;
        }
      }
      return {
        patch: {
          status: 'approved',
          approved: true,
          option,
          decidedAt: at,
          decidedBy: ctx.actor.userId,
          decisionNote: input.note ?? null,
          pickupDueAt: pickup,
          exchangeDueAt: exchange,
          receiptVia: input.via ?? null,
        },
        deadlines,
        nextDueAt: pickup,
        event: {
          kind: 'approved',
          note: input.note ?? null,
          data: {
            option,
            via: input.via ?? null,
            pickupDueAt: pickup?.toISOString() ?? null,
            onTime: at <= r.reviewDueAt,
          },
        },
        notifyCustomer: '已通过审核',
      };
    });

  const receive = (ctx: Ctx, id: string, input: Static<typeof ReceiptBody>) =>
    run(ctx, id, 'receipt', 'return.handle', input, async (_tx, r, at) => {
      if (before(at, r.decidedAt)) throw fieldError('at', 'is before the decision');
      const process = processDueAt({ receivedAt: at, via: input.via });
      const deadlines: Record<string, ReturnDeadline> = { process };
      let exchange = r.exchangeDueAt;
      if (input.via === 'mail' && (r.option === 'exchange' || r.option === 'replacement')) {
        const e = exchangeDueAt({ via: 'mail', receivedAt: at });
        deadlines.exchange = e;
        exchange = e.dueAt;
      }
      return {
        patch: {
          status: 'received',
          goodsReceivedAt: at,
          receiptVia: input.via,
          processDueAt: process.dueAt,
          exchangeDueAt: exchange,
        },
        deadlines,
        nextDueAt: process.dueAt,
        event: { kind: 'received', data: { via: input.via, processDueAt: process.dueAt.toISOString() } },
        notifyCustomer: '退回商品已收到',
      };
    });

  const inspect = (ctx: Ctx, id: string, input: Static<typeof InspectionBody>) =>
    run(ctx, id, 'inspection', 'return.handle', input, async (_tx, r, at) => {
      if (before(at, r.goodsReceivedAt)) throw fieldError('at', 'is before the receipt of the goods');
      const list = input.checklist ?? null;
      const incomplete = list
        ? Object.entries(list)
            .filter(([, ok]) => !ok)
            .map(([k]) => k)
        : [];
      // Goods come back complete or not at all (SPEC 2.8): a retail return with a gap cannot pass.
      if (
        input.passed &&
        incomplete.length > 0 &&
        (r.productCategory === 'goods' || r.productCategory === 'jewellery')
      )
        throw fieldError('passed', 'cannot be true when the completeness checklist has gaps');
      if (!input.passed) {
        if (!input.note?.trim()) throw fieldError('note', 'is required when the inspection fails');
        const back = sendBackDueAt({ inspectedAt: at });
        return {
          patch: {
            status: 'failed',
            inspectedAt: at,
            inspectionPassed: false,
            inspectionNote: input.note,
            checklist: list,
            sendBackDueAt: back.dueAt,
          },
          deadlines: { sendBack: back },
          nextDueAt: back.dueAt,
          event: {
            kind: 'inspection_failed',
            note: input.note,
            data: { missing: incomplete, sendBackDueAt: back.dueAt.toISOString() },
          },
          notifyCustomer: '质检未通过，商品将原样退回，您仍享有国家三包服务',
        };
      }
      const deadlines: Record<string, ReturnDeadline> = {};
      let refund: Date | null = null;
      if (r.option === 'refund') {
        const d = refundDueAt({ inspectedAt: at });
        deadlines.refund = d;
        refund = d.dueAt;
      }
      return {
        patch: {
          status: 'passed',
          inspectedAt: at,
          inspectionPassed: true,
          inspectionNote: input.note ?? null,
          checklist: list,
          refundDueAt: refund,
        },
        deadlines,
        nextDueAt: refund ?? r.exchangeDueAt ?? r.processDueAt,
        event: {
          kind: 'inspection_passed',
          note: input.note ?? null,
          data: { refundDueAt: refund?.toISOString() ?? null },
        },
        notifyCustomer: '质检通过',
      };
    });

  const draftRefund = (ctx: Ctx, id: string, input: Static<typeof RefundDraftBody>) =>
    run(ctx, id, 'refund_draft', 'return.handle', input, async (_tx, r) => {
      if (r.refundStatus === 'approved')
        throw new AppError('invalid_state', {
          message: 'refund already approved',
          details: { refundStatus: r.refundStatus },
        });
      const invoice = input.invoiceFen ?? r.invoiceFen;
      if (invoice === null || invoice === undefined)
        throw fieldError('invoiceFen', 'is required for a refund');
      if (input.amountFen > invoice) throw fieldError('amountFen', 'is more than the invoice amount');
      return {
        patch: {
          invoiceFen: invoice,
          refundFen: input.amountFen,
          refundStatus: 'drafted',
          refundDraftedBy: ctx.actor.userId,
          refundDraftedAt: ctx.clock.now(),
        },
        nextDueAt: r.refundDueAt,
        event: {
          kind: 'refund_drafted',
          note: input.note ?? null,
          data: { amountFen: input.amountFen, invoiceFen: invoice, partial: input.amountFen < invoice },
        },
      };
    });

  const approveRefund = (ctx: Ctx, id: string, input: Static<typeof RefundApproveBody>) =>
    run(ctx, id, 'refund_approve', 'return.refund', input, async (_tx, r, at) => {
      if (r.refundStatus !== 'drafted')
        throw new AppError('invalid_state', {
          message: 'no refund drafted',
          userMessage: { zh: '尚无待审批的退款申请', en: 'There is no drafted refund to approve' },
          details: { refundStatus: r.refundStatus },
        });
      // Drafted by service, approved by finance: two different people.
      if (r.refundDraftedBy === ctx.actor.userId)
        throw new AppError('forbidden', {
          message: 'the person who drafted the refund cannot approve it',
          userMessage: {
            zh: '退款申请人不能审批自己的申请',
            en: 'The person who drafted a refund cannot approve it',
          },
          details: { rule: 'four_eyes' },
        });
      return {
        patch: {
          status: 'refunded',
          refundStatus: 'approved',
          refundApprovedBy: ctx.actor.userId,
          refundApprovedAt: at,
          closedAt: at,
        },
        nextDueAt: null,
        event: {
          kind: 'refunded',
          note: input.note ?? null,
          data: { amountFen: r.refundFen, onTime: r.refundDueAt ? at <= r.refundDueAt : null },
        },
        notifyCustomer: `退款 ¥${((r.refundFen ?? 0) / 100).toFixed(2)} 已审批`,
      };
    });

  const shipExchange = (ctx: Ctx, id: string, input: Static<typeof ExchangeBody>) =>
    run(ctx, id, 'exchange', 'return.handle', input, async (tx, r, at) => {
      // A replaced major component starts its own part warranty (SPEC 2.2) on the unit's record.
      if (r.assetId && r.option === 'replacement' && r.majorComponent)
        await assets.insertEvent(tx, {
          assetId: r.assetId,
          kind: 'part_replaced',
          at,
          partCode: r.majorComponent,
          sourceType: 'return',
          sourceId: r.id,
          note: `${r.number} 更换 ${input.replacementSerialNo}`,
          createdBy: ctx.actor.userId,
          createdAt: ctx.clock.now(),
        });
      return {
        patch: {
          status: 'exchanged',
          replacementSerialNo: input.replacementSerialNo,
          shippedAt: at,
          closedAt: at,
        },
        nextDueAt: null,
        event: {
          kind: 'exchanged',
          note: input.note ?? null,
          data: {
            faultySerialNo: r.serialNo,
            replacementSerialNo: input.replacementSerialNo,
            onTime: r.exchangeDueAt ? at <= r.exchangeDueAt : null,
          },
        },
        notifyCustomer: `换货已发出（${input.replacementSerialNo}）`,
      };
    });

  const completeRepair = (ctx: Ctx, id: string, input: Static<typeof SendBackBody>) =>
    run(ctx, id, 'repair', 'return.handle', input, async (tx, r, at) => {
      // The repair counts toward the next 三包 decision on this unit (two or three of one fault).
      if (r.assetId)
        await assets.insertEvent(tx, {
          assetId: r.assetId,
          kind: 'repair',
          at,
          faultCode: r.faultCode,
          sourceType: 'return',
          sourceId: r.id,
          note: r.number,
          createdBy: ctx.actor.userId,
          createdAt: ctx.clock.now(),
        });
      return {
        patch: { status: 'repaired', closedAt: at },
        nextDueAt: null,
        event: { kind: 'repaired', note: input.note ?? null, data: { faultCode: r.faultCode } },
        notifyCustomer: '返修完成',
      };
    });

  const sendBack = (ctx: Ctx, id: string, input: Static<typeof SendBackBody>) =>
    run(ctx, id, 'send_back', 'return.handle', input, async (_tx, r, at) => ({
      patch: { status: 'sent_back', sentBackAt: at, closedAt: at },
      nextDueAt: null,
      event: {
        kind: 'sent_back',
        note: input.note ?? null,
        data: {
          onTime: r.sendBackDueAt ? at <= r.sendBackDueAt : null,
          due: r.sendBackDueAt ? formatLocal(SHANGHAI, r.sendBackDueAt.getTime()) : null,
        },
      },
      notifyCustomer: '商品已原样退回',
    }));

  return { decide, receive, inspect, draftRefund, approveRefund, shipExchange, completeRepair, sendBack };
};

export type ReturnSteps = ReturnType<typeof returnSteps>;
