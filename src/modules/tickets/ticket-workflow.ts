import type { Static } from '@sinclair/typebox';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { dealers, departments, users } from '../../db/schema/index.ts';
import { AppError, assertUnreachable, fieldError } from '../../platform/errors.ts';
import type { ClockSeed } from './ticket-clocks.ts';
import * as dal from './tickets-dal.ts';
import type {
  AssignBody,
  BulkAssignBody,
  PauseBody,
  ReplyBody,
  ResumeBody,
  TicketStatus,
  TransitionBody,
} from './tickets-schemas.ts';
import type { Ctx, Mutation, TicketsService } from './tickets-service.ts';

// Status workflow, assignment and transfer, waiting-for-customer pauses and replies. Each step says
// what it does to the SLA clocks; the tickets service recomputes and stores them in the same transaction.

type Target = Static<typeof TransitionBody>['to'];

const ALLOWED: Record<TicketStatus, readonly Target[]> = {
  new: ['arranged', 'in_progress', 'resolved', 'cancelled'],
  arranged: ['in_progress', 'resolved', 'cancelled'],
  in_progress: ['resolved', 'cancelled'],
  waiting_customer: ['resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

const invalidState = (from: string, to: string) =>
  new AppError('invalid_state', {
    message: `cannot go from ${from} to ${to}`,
    details: { from, to },
  });

/** The metrics a status reaches: arranged ends "arrange", work starting ends "onsite" too. */
const stoppedBy = (to: Target): string[] | 'all' => {
  switch (to) {
    case 'arranged':
      return ['arrange'];
    case 'in_progress':
      return ['arrange', 'onsite'];
    case 'resolved':
    case 'closed':
      return 'all';
    case 'cancelled':
      return 'all';
    default:
      return assertUnreachable(to);
  }
};

const stop =
  (metrics: string[] | 'all', at: Date, cancelled = false) =>
  (seeds: ClockSeed[]) =>
    seeds.map((s) =>
      s.stoppedAt === null && (metrics === 'all' || metrics.includes(s.metric))
        ? { ...s, stoppedAt: at, cancelled: s.cancelled || cancelled }
        : s,
    );

const openPause = async (tx: Executor, ticketId: string) =>
  (await dal.pausesOf(tx, [ticketId])).find((p) => p.toAt === null) ?? null;

const checkAt = (at: Date, t: dal.TicketRow, now: Date, field = 'at') => {
  if (at.getTime() > now.getTime() + 5 * 60_000) throw fieldError(field, 'is in the future');
  if (at < t.reportedAt) throw fieldError(field, 'is before the ticket was reported');
};

export const ticketWorkflow = ({ tickets }: { tickets: TicketsService }) => {
  const transition = (ctx: Ctx, id: string, input: Static<typeof TransitionBody>) =>
    tickets.mutate(ctx, id, {
      permission: 'ticket.handle',
      version: input.version,
      apply: async (tx, t, now) => {
        const from = t.status as TicketStatus;
        if (!ALLOWED[from].includes(input.to)) throw invalidState(from, input.to);
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
        let clocks: Mutation['clocks'] = stop(stoppedBy(input.to), at, input.to === 'cancelled');
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
        if (input.to === 'closed') patch.closedAt = at;
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

  const checkAssignee = async (ctx: Ctx, tx: Executor, input: Static<typeof AssignBody>) => {
    const own = ctx.actor.scope === 'dealer' ? ctx.actor.dealerId : null;
    if (input.userId) {
      const [u] = await tx
        .select({
          id: users.id,
          dealerId: users.dealerId,
          active: users.active,
          customerId: users.customerId,
        })
        .from(users)
        .where(eq(users.id, input.userId));
      if (!u?.active || u.customerId) throw fieldError('userId', 'refers to a record that does not exist');
      if (own && u.dealerId !== own) throw fieldError('userId', 'is outside your data scope');
    }
    if (input.departmentId) {
      if (own) throw fieldError('departmentId', 'is outside your data scope');
      const [d] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(eq(departments.id, input.departmentId));
      if (!d) throw fieldError('departmentId', 'refers to a record that does not exist');
    }
    if (input.dealerId) {
      if (own && input.dealerId !== own) throw fieldError('dealerId', 'is outside your data scope');
      const [d] = await tx
        .select({ id: dealers.id })
        .from(dealers)
        .where(and(eq(dealers.id, input.dealerId), eq(dealers.active, true)));
      if (!d) throw fieldError('dealerId', 'refers to a record that does not exist');
    }
    if (input.departmentId && input.dealerId)
      throw fieldError('dealerId', 'cannot be set together with departmentId');
    if (!input.userId && !input.departmentId && !input.dealerId)
      throw fieldError('userId', 'name a user, a department or a dealer');
  };

  const assignApply =
    (ctx: Ctx, input: Static<typeof AssignBody>) =>
    async (tx: Executor, t: dal.TicketRow, now: Date): Promise<Mutation> => {
      if (['resolved', 'closed', 'cancelled'].includes(t.status)) throw invalidState(t.status, 'assign');
      await checkAssignee(ctx, tx, input);
      const patch: Partial<dal.TicketRow> = {};
      const events: NonNullable<Mutation['events']> = [];
      const notices: NonNullable<Mutation['notices']> = [];
      let clocks: Mutation['clocks'];
      const unitChanged =
        (input.dealerId && input.dealerId !== t.assigneeDealerId) ||
        (input.departmentId && input.departmentId !== t.assigneeDepartmentId);
      if (unitChanged) {
        const transfer = t.assigneeDealerId !== null || t.assigneeDepartmentId !== null || t.status !== 'new';
        patch.assigneeDealerId = input.dealerId ?? null;
        patch.assigneeDepartmentId = input.departmentId ?? null;
        if (!input.userId) patch.assigneeUserId = null;
        events.push({
          kind: transfer ? 'transferred' : 'routed',
          body: input.note ?? null,
          data: { dealerId: input.dealerId ?? null, departmentId: input.departmentId ?? null },
        });
        if (transfer) {
          // The receiving department or dealer has its own 2 hours to arrange the task (篇三).
          clocks = (seeds) =>
            seeds.map((s) =>
              s.metric === 'arrange' ? { ...s, startedAt: now, stoppedAt: null, firedSteps: [] } : s,
            );
          if (t.status === 'arranged' && !input.userId) patch.status = 'new';
        }
        const receivers = await tx
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              eq(users.active, true),
              input.dealerId
                ? eq(users.dealerId, input.dealerId)
                : eq(users.departmentId, input.departmentId!),
            ),
          );
        notices.push({
          userIds: receivers.map((r) => r.id),
          kind: 'ticket',
          title: `转来的服务请求 ${t.number}，请在 2 小时内安排`,
          body: t.description.slice(0, 200),
          ticketId: t.id,
          link: `/tickets/${t.id}`,
          dedupeKey: `transfer:${t.id}:${t.version}`,
        });
      }
      if (input.userId && input.userId !== t.assigneeUserId) {
        patch.assigneeUserId = input.userId;
        if (t.status === 'new' || patch.status === 'new') patch.status = 'arranged';
        const before = clocks;
        clocks = (seeds) => stop(['arrange'], now)(before ? before(seeds) : seeds);
        events.push({
          kind: 'assigned',
          visibility: 'customer',
          body: input.note ?? null,
          data: { userId: input.userId },
        });
        notices.push({
          userIds: [input.userId],
          kind: 'ticket',
          title: `派给您的服务请求 ${t.number}`,
          body: t.description.slice(0, 200),
          ticketId: t.id,
          link: `/tickets/${t.id}`,
          dedupeKey: `assign:${t.id}:${t.version}`,
        });
      }
      if (events.length === 0) throw fieldError('userId', 'is already the assignee');
      return { patch, events, clocks, notices, audit: 'assign' };
    };

  return {
    transition,

    assign: (ctx: Ctx, id: string, input: Static<typeof AssignBody>) =>
      tickets.mutate(ctx, id, {
        permission: 'ticket.assign',
        version: input.version,
        apply: assignApply(ctx, input),
      }),

    /** Each ticket in its own transaction: one stale or closed ticket does not undo the others. */
    bulkAssign: async (ctx: Ctx, input: Static<typeof BulkAssignBody>) => {
      const results: { id: string; ok: boolean; error?: string }[] = [];
      for (const id of input.ids) {
        try {
          await tickets.mutate(ctx, id, {
            permission: 'ticket.assign',
            apply: assignApply(ctx, {
              userId: input.userId,
              departmentId: input.departmentId,
              dealerId: input.dealerId,
            }),
          });
          results.push({ id, ok: true });
        } catch (err) {
          if (err instanceof AppError && err.code === 'forbidden') throw err;
          results.push({ id, ok: false, error: err instanceof AppError ? err.code : 'internal' });
        }
      }
      return { results };
    },

    pause: (ctx: Ctx, id: string, input: Static<typeof PauseBody>) =>
      tickets.mutate(ctx, id, {
        permission: 'ticket.handle',
        version: input.version,
        apply: async (tx, t, now) => {
          if (!['new', 'arranged', 'in_progress'].includes(t.status))
            throw invalidState(t.status, 'waiting_customer');
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
