import type { Static } from '@sinclair/typebox';
import { canPause, canTransition, clocksStoppedBy } from '../../domain/tickets/ticket-status.ts';
import { fieldError } from '../../platform/errors.ts';
import type { FollowupsApi } from '../followups/index.ts';
import { ticketAssignment } from './ticket-assignment.ts';
import { checkAt, invalidState, openPause, stop } from './ticket-steps.ts';
import * as dal from './tickets-dal.ts';
import type { PauseBody, ReplyBody, ResumeBody, TicketStatus, TransitionBody } from './tickets-schemas.ts';
import type { Ctx, Mutation, TicketsService } from './tickets-service.ts';

// Status workflow, waiting-for-customer pauses and replies (assignment and transfer: ticket-assignment.ts). Each step says
// what it does to the SLA clocks; the tickets service recomputes and stores them in the same transaction.

export const ticketWorkflow = ({
  tickets,
  followups,
}: {
  tickets: TicketsService;
  followups: Pick<FollowupsApi, 'createServiceVisit'>;
}) => {
  const transition = (ctx: Ctx, id: string, input: Static<typeof TransitionBody>) =>
    tickets.mutate(ctx, id, {
      permission: 'ticket.handle',
      version: input.version,
      apply: async (tx, t, now) => {
        const from = t.status as TicketStatus;
        if (!canTransition(from, input.to)) throw invalidState(from, input.to);
        if (input.to === 'resolved' && !input.resolution?.trim())
          throw fieldError('resolution', 'is required');
        const at = input.at ? new Date(input.at) : now;
        checkAt(at, t, now);
        const patch: Partial<dal.TicketRow> = { status: input.to, statusBeforePause: null };
        const events: NonNullable<Mutation['events']> = [
          { kind: 'status', visibility: 'customer', body: input.note ?? null, data: { from, to: input.to } },
        ];
        // Leaving "waiting for customer" by resolving or cancelling ends the pause too.
        if (from === 'waiting_customer') {
          const p = await openPause(tx, t.id);
          if (p) await dal.closePause(tx, p.id, at);
        }
        let clocks: Mutation['clocks'] = stop(clocksStoppedBy(input.to), at, input.to === 'cancelled');
        if (from === 'resolved' && input.to === 'in_progress') {
          // Reopened: the resolve clock runs on, and the time it spent resolved does not count.
          if (t.resolvedAt)
            await dal.insertPause(tx, {
              ticketId: t.id,
              fromAt: t.resolvedAt,
              toAt: at,
              reason: '已解决后重新打开',
            });
          clocks = (seeds) => seeds.map((s) => (s.metric === 'resolve' ? { ...s, stoppedAt: null } : s));
          patch.resolvedAt = null;
          events.push({ kind: 'reopened', visibility: 'customer' });
        }
        if (input.to === 'resolved') {
          patch.resolvedAt = at;
          patch.resolution = input.resolution ?? null;
        }
        if (input.to === 'closed') {
          patch.closedAt = at;
          // 回访: every closed service owes a return visit, created in this transaction (idempotent).
          await followups.createServiceVisit(tx, {
            ticketId: t.id,
            ticketType: t.type,
            customerId: t.customerId,
            dealerId: t.dealerId,
            assetId: t.assetId,
            at,
            ctx,
          });
        }
        const customers = await dal.customerUsers(tx, t.customerId);
        return {
          patch,
          events,
          clocks,
          audit: `status:${input.to}`,
          notices: [
            {
              userIds: customers.map((u) => u.id),
              kind: 'ticket',
              title: `您的服务请求 ${t.number} 状态更新`,
              body: `状态：${input.to}${input.resolution ? `\n处理结果：${input.resolution}` : ''}`,
              ticketId: t.id,
              link: `/portal/tickets/${t.id}`,
              dedupeKey: `status:${t.id}:${t.version}`,
            },
          ],
        };
      },
    });

  return {
    transition,
    ...ticketAssignment({ tickets }),

    pause: (ctx: Ctx, id: string, input: Static<typeof PauseBody>) =>
      tickets.mutate(ctx, id, {
        permission: 'ticket.handle',
        version: input.version,
        apply: async (tx, t, now) => {
          if (!canPause(t.status)) throw invalidState(t.status, 'waiting_customer');
          const at = new Date(input.at);
          checkAt(at, t, now);
          const last = (await dal.pausesOf(tx, [t.id])).at(-1);
          if (last?.toAt && at < last.toAt) throw fieldError('at', 'is before the end of the previous pause');
          await dal.insertPause(tx, {
            ticketId: t.id,
            fromAt: at,
            toAt: null,
            reason: input.reason,
            createdBy: ctx.actor.userId,
          });
          // The customer is the one we wait for, so the customer hears about it.
          const cust = await dal.customerUsers(tx, t.customerId);
          return {
            notices: [
              {
                userIds: cust.map((u) => u.id),
                kind: 'ticket',
                title: `服务请求 ${t.number} 等待您的回复`,
                body: input.reason,
                ticketId: t.id,
                link: `/portal/tickets/${t.id}`,
                dedupeKey: `pause:${t.id}:${t.version}`,
              },
            ],
            patch: { status: 'waiting_customer', statusBeforePause: t.status },
            events: [
              { kind: 'paused', visibility: 'customer', body: input.reason, data: { at: at.toISOString() } },
            ],
            audit: 'pause',
          };
        },
      }),

    resume: (ctx: Ctx, id: string, input: Static<typeof ResumeBody>) =>
      tickets.mutate(ctx, id, {
        permission: 'ticket.handle',
        version: input.version,
        apply: async (tx, t, now) => {
          const p = await openPause(tx, t.id);
          if (t.status !== 'waiting_customer' || !p) throw invalidState(t.status, 'resume');
          const at = new Date(input.at);
          checkAt(at, t, now);
          if (at < p.fromAt) throw fieldError('at', 'is before the pause began');
          await dal.closePause(tx, p.id, at);
          return {
            patch: { status: t.statusBeforePause ?? 'in_progress', statusBeforePause: null },
            events: [
              {
                kind: 'resumed',
                visibility: 'customer',
                data: { at: at.toISOString(), pausedFrom: p.fromAt.toISOString() },
              },
            ],
            audit: 'resume',
          };
        },
      }),

    reply: (ctx: Ctx, id: string, input: Static<typeof ReplyBody>) => {
      const customer = ctx.actor.scope === 'customer';
      const visibility = customer ? 'customer' : (input.visibility ?? 'customer');
      return tickets.mutate(ctx, id, {
        permission: visibility === 'internal' ? 'ticket.handle' : 'ticket.reply',
        apply: async (tx, t, now) => {
          if (['closed', 'cancelled'].includes(t.status)) throw invalidState(t.status, 'reply');
          const m: Mutation = {
            events: [
              {
                kind: visibility === 'internal' ? 'note' : 'reply',
                visibility,
                body: input.body,
                data: { fromCustomer: customer },
              },
            ],
            audit: visibility === 'internal' ? 'note' : 'reply',
          };
          if (customer) {
            // The customer answered: the wait is over and the clocks run again.
            const p = t.status === 'waiting_customer' ? await openPause(tx, t.id) : null;
            if (p) {
              await dal.closePause(tx, p.id, now);
              m.patch = { status: t.statusBeforePause ?? 'in_progress', statusBeforePause: null };
              m.events!.push({
                kind: 'resumed',
                visibility: 'customer',
                data: { at: now.toISOString(), byReply: true },
              });
            }
            const to = t.assigneeUserId
              ? [t.assigneeUserId]
              : (await dal.usersWithRoles(tx, ['desk'], null)).map((u) => u.id);
            m.notices = [
              {
                userIds: to,
                kind: 'ticket',
                title: `客户回复 ${t.number}`,
                body: input.body.slice(0, 200),
                ticketId: t.id,
                link: `/tickets/${t.id}`,
                dedupeKey: `reply:${t.id}:${t.version}`,
              },
            ];
          } else if (visibility === 'customer') {
            // The first answer to the customer is the first response (回复/联系客户).
            m.clocks = stop(['firstResponse'], now);
            const cust = await dal.customerUsers(tx, t.customerId);
            m.notices = [
              {
                userIds: cust.map((u) => u.id),
                kind: 'ticket',
                title: `服务请求 ${t.number} 有新回复`,
                body: input.body.slice(0, 200),
                ticketId: t.id,
                link: `/portal/tickets/${t.id}`,
                dedupeKey: `reply:${t.id}:${t.version}`,
              },
            ];
          }
          return m;
        },
      });
    },
  };
};

export type TicketWorkflow = ReturnType<typeof ticketWorkflow>;
