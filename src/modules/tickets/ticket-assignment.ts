import type { Static } from '@sinclair/typebox';
import type { Executor } from '../../db/client.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { invalidState, stop } from './ticket-steps.ts';
import * as dal from './tickets-dal.ts';
import type { AssignBody, BulkAssignBody } from './tickets-schemas.ts';
import type { Ctx, Mutation, TicketsService } from './tickets-service.ts';

// Assignment to an engineer (arranges the ticket, stops the arrange clock) and transfer between
// departments and dealers (the receiver gets its own time to arrange, 篇三).

/** What to assign to; bulk assignment has no per-ticket version to check. */
type AssignTarget = Omit<Static<typeof AssignBody>, 'version'>;
export const ticketAssignment = ({ tickets }: { tickets: TicketsService }) => {
  const checkAssignee = async (ctx: Ctx, tx: Executor, input: AssignTarget) => {
    const own = ctx.actor.scope === 'dealer' ? ctx.actor.dealerId : null;
    if (input.userId) {
      const u = await dal.assignableUser(tx, input.userId);
      if (!u) throw fieldError('userId', 'refers to a record that does not exist');
      if (own && u.dealerId !== own) throw fieldError('userId', 'is outside your data scope');
    }
    if (input.departmentId) {
      if (own) throw fieldError('departmentId', 'is outside your data scope');
      if (!(await dal.departmentExists(tx, input.departmentId)))
        throw fieldError('departmentId', 'refers to a record that does not exist');
    }
    if (input.dealerId) {
      if (own && input.dealerId !== own) throw fieldError('dealerId', 'is outside your data scope');
      if (!(await dal.activeDealerExists(tx, input.dealerId)))
        throw fieldError('dealerId', 'refers to a record that does not exist');
    }
    if (input.departmentId && input.dealerId)
      throw fieldError('dealerId', 'cannot be set together with departmentId');
    if (!input.userId && !input.departmentId && !input.dealerId)
      throw fieldError('userId', 'name a user, a department or a dealer');
  };

  const assignApply =
    (ctx: Ctx, input: AssignTarget) =>
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
        const receivers = await dal.unitUsers(tx, input);
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
  };
};
