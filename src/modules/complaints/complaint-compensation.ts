import type { Static } from '@sinclair/typebox';
import {
  type CompensationStatus,
  type ComplaintStatus,
  checkCompensation,
} from '../../domain/complaints/complaint-status.ts';
import { fieldError } from '../../platform/errors.ts';
import { customerNotice, refuse, text, ticketEvent, yuan } from './complaint-step-kit.ts';
import * as dal from './complaints-dal.ts';
import type { CompensationBody, CompensationDecisionBody } from './complaints-schemas.ts';
import type { ComplaintsService, Ctx } from './complaints-service.ts';

// 赔偿 [seed 003 客户投诉涉及退货赔偿]: the customer's claim in integer fen and the decision on it. An
// undecided claim keeps the complaint from closing (complaint-status.ts).

export const complaintCompensation = ({ complaints }: { complaints: ComplaintsService }) => ({
  /** The customer's compensation claim (赔偿要求), in fen; amended until it is decided. */
  claim: (ctx: Ctx, id: string, input: Static<typeof CompensationBody>) =>
    complaints.mutate(ctx, id, {
      permission: 'complaint.create',
      version: input.version,
      apply: async (tx, c) => {
        const r = checkCompensation({
          status: c.status as ComplaintStatus,
          compensationStatus: c.compensationStatus as CompensationStatus,
          action: 'claim',
        });
        if (!r.ok) throw refuse(r, c.status);
        return {
          patch: { compensationStatus: 'claimed', compensationFen: input.amountFen },
          audit: 'complaint:compensation_claim',
          ticket: ticketEvent({
            step: 'compensation_claim',
            from: c.status,
            to: c.status,
            body: text(input.note),
            customer: true,
            data: { amountFen: input.amountFen, previousFen: c.compensationFen },
          }),
          notices: [
            {
              userIds: await dal.usersWithRoles(tx, ['quality', 'manager']),
              kind: 'complaint',
              title: `投诉 ${c.number} 赔偿要求 ${yuan(input.amountFen)}`,
              body: text(input.note) ?? c.subject,
              ticketId: c.ticketId,
              link: `/complaints/${c.id}`,
              dedupeKey: `complaint-claim:${c.id}:${c.version}`,
            },
          ],
        };
      },
    }),

  /** Approve (possibly a smaller amount) or reject the claim; a rejection says why. */
  decide: (ctx: Ctx, id: string, input: Static<typeof CompensationDecisionBody>) =>
    complaints.mutate(ctx, id, {
      permission: 'complaint.handle',
      version: input.version,
      apply: async (tx, c) => {
        const r = checkCompensation({
          status: c.status as ComplaintStatus,
          compensationStatus: c.compensationStatus as CompensationStatus,
          action: 'decide',
        });
        if (!r.ok) throw refuse(r, c.status);
        if (!input.approved && !text(input.note)) throw fieldError('note', 'is required');
        const amountFen = input.approved ? (input.amountFen ?? c.compensationFen) : c.compensationFen;
        const status = input.approved ? 'approved' : 'rejected';
        return {
          patch: { compensationStatus: status, compensationFen: amountFen },
          audit: `complaint:compensation_${status}`,
          ticket: ticketEvent({
            step: 'compensation_decision',
            from: c.status,
            to: c.status,
            body: text(input.note),
            customer: true,
            data: { approved: input.approved, amountFen, claimedFen: c.compensationFen },
          }),
          notices: [
            await customerNotice(
              tx,
              c,
              `您的投诉 ${c.number} 赔偿要求${input.approved ? `已批准 ${yuan(amountFen)}` : '未获批准'}`,
              text(input.note) ?? '',
            ),
          ],
        };
      },
    }),
});
