import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import type { Charges } from '../../domain/field/charges.ts';
import { checkEvidence } from '../../domain/files/evidence.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import type { TicketsApi } from '../tickets/index.ts';
import * as dal from './work-orders-dal.ts';
import type { QuoteDecisionBody, SignatureBody, UrgentApprovalBody } from './work-orders-schemas.ts';
import type { Ctx, WorkOrdersService } from './work-orders-service.ts';

// The paperwork around a field job: the quote and its acceptance, the manager's urgent approval
// ("先维保后补") until it is regularised, the customer's signature, the old parts and the field
// feedback form that finance needs before it writes off or reimburses anything.

export const blocked = (
  reason: string,
  message: string,
  messageEn: string,
  extra: Record<string, unknown> = {},
) =>
  new AppError('paperwork_blocked', {
    message: messageEn,
    userMessage: { zh: message, en: messageEn },
    details: { reason, ...extra },
  });

export const workOrderPaperwork = ({
  db,
  orders,
  storage,
  tickets,
}: {
  db: Db;
  orders: WorkOrdersService;
  storage: Storage;
  tickets: Pick<TicketsApi, 'customerUsers'>;
}) => ({
  /** 报价: the current charges are frozen as the quote the customer accepts or rejects. */
  sendQuote: (ctx: Ctx, id: string, version: number) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.write'],
      version,
      apply: async (tx, o, now) => {
        if (['signed', 'closed', 'cancelled'].includes(o.status))
          throw new AppError('invalid_state', { details: { status: o.status } });
        const charges = o.charges as Charges | null;
        if (!charges || charges.customerTotalFen <= 0)
          throw new AppError('invalid_state', {
            message: 'nothing to quote: the customer pays nothing',
            details: { reason: 'nothing_to_quote' },
          });
        if (charges.problems.length > 0)
          throw new AppError('invalid_state', {
            message: 'a price list is missing',
            details: { reason: 'price_list_missing', problems: charges.problems },
          });
        const customers = await tickets.customerUsers(tx, o.customerId);
        return {
          patch: {
            quoteStatus: 'sent',
            quote: { ...charges, sentAt: now.toISOString() },
            quoteSentAt: now,
            quoteDecidedAt: null,
            quoteDecidedBy: null,
            quoteDecidedVia: null,
          },
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
          throw new AppError('invalid_state', {
            message: 'no quote waiting for a decision',
            details: { quoteStatus: o.quoteStatus },
          });
        const via = ctx.actor.scope === 'customer' ? 'portal' : 'desk';
        if (via === 'desk' && !input.decidedBy)
          throw fieldError('decidedBy', 'is required when the desk records the decision');
        return {
          patch: {
            quoteStatus: input.accepted ? 'accepted' : 'rejected',
            quoteDecidedAt: now,
            quoteDecidedBy: input.decidedBy ?? ctx.actor.displayName,
            quoteDecidedVia: via,
          },
          events: [
            {
              kind: input.accepted ? 'quote_accepted' : 'quote_rejected',
              data: { via, by: input.decidedBy ?? ctx.actor.displayName, note: input.note ?? null },
            },
          ],
          audit: input.accepted ? 'quote:accept' : 'quote:reject',
        };
      },
    }),

  urgentApproval: (ctx: Ctx, id: string, input: Static<typeof UrgentApprovalBody>) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.approve'],
      version: input.version,
      apply: async (_tx, o, now) => {
        if (!o.quoteRequired)
          throw new AppError('invalid_state', {
            message: 'no quote is needed',
            details: { reason: 'no_quote_needed' },
          });
        if (o.quoteStatus === 'accepted' || o.urgentApprovedAt)
          throw new AppError('invalid_state', { details: { reason: 'already_cleared' } });
        return {
          patch: {
            urgentApprovedAt: now,
            urgentApprovedBy: ctx.actor.userId,
            urgentReason: input.reason.trim(),
          },
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
        if (!o.urgentApprovedAt || o.paperworkRegularisedAt)
          throw new AppError('invalid_state', { details: { reason: 'nothing_open' } });
        if (o.quoteStatus !== 'accepted')
          throw blocked(
            'quote_not_accepted',
            '补办手续须先由客户确认报价',
            'The customer has to accept the quote to regularise the paperwork',
          );
        return {
          patch: { paperworkRegularisedAt: now },
          events: [{ kind: 'paperwork_regularised' }],
          audit: 'urgent:regularise',
        };
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
            throw new AppError('invalid_state', {
              message: 'the customer signs when the work is done',
              details: { from: o.status, to: 'signed' },
            });
          return {
            patch: {
              status: 'signed',
              signatureKey: key,
              signedBy: input.signedBy.trim(),
              signedAt: now,
              customerComment: input.comment ?? null,
            },
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

  signature: async (ctx: Ctx, id: string) => {
    const o = await orders.get(ctx, id);
    const row = await dal.signatureKeyOf(db, o.id);
    const stream = row ? await storage.open(row) : null;
    if (!stream) throw notFound('signature', id);
    return stream;
  },
});
