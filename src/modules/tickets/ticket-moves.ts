import type { Executor } from '../../db/client.ts';
import { followsFrom } from '../../domain/tickets/ticket-status.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { NewEvent } from './ticket-dto.ts';
import { stop } from './ticket-steps.ts';
import * as dal from './tickets-dal.ts';
import type { Ctx, Mutation, TicketsService } from './tickets-service.ts';

// What other modules do to a ticket inside their own transaction (a complaint's step, a work order's
// dispatch or check-in), named, so that the ticket's rules — which status, which clocks stop — stay
// here. Each goes through applyInTx (lock, recompute the clocks, events, audit, notices) and returns
// the outbox rows the caller delivers after its commit. The caller's own rules decided that its step
// is allowed; the ticket's state machine is not consulted again (as before: these follow the caller).

/** The caller's side of the change: its permission, the timeline entry and the audit action. */
export type TicketNote = {
  /** The permission of the caller's step (a complaint's `complaint.handle`), checked again here. */
  permission: Permission;
  /** The entry on the ticket's timeline. */
  event: NewEvent;
  /** The audit action of the ticket's change (`complaint:feedback`). */
  audit: string;
};

/** The work-order steps that move its ticket: dispatching arranges it, the check-in starts the work. */
export type WorkOrderStep = 'arranged' | 'in_progress';

export const ticketMoves = ({ tickets }: { tickets: Pick<TicketsService, 'applyInTx'> }) => {
  const change = (
    tx: Executor,
    ctx: Ctx,
    id: string,
    note: TicketNote,
    effect: (t: dal.TicketRow) => Omit<Mutation, 'events' | 'audit'> = () => ({}),
  ) =>
    tickets.applyInTx(tx, ctx, id, {
      permission: note.permission,
      apply: async (_tx, t) => ({ ...effect(t), events: [note.event], audit: note.audit }),
    });

  return {
    /** A timeline entry only: the ticket's status and clocks stay as they are. */
    addEventInTx: (tx: Executor, ctx: Ctx, id: string, note: TicketNote) => change(tx, ctx, id, note),

    /** The department's queue gets the ticket; work starts unless the ticket waits (its pause stays). */
    routeToDepartmentInTx: (
      tx: Executor,
      ctx: Ctx,
      id: string,
      note: TicketNote & { departmentId: string },
    ) =>
      change(tx, ctx, id, note, (t) => ({
        patch: {
          assigneeDepartmentId: note.departmentId,
          ...(followsFrom('in_progress', t.status) ? { status: 'in_progress' } : {}),
        },
      })),

    /** Resolved at `at`: the first-response and resolve clocks stop then. */
    resolveInTx: (tx: Executor, ctx: Ctx, id: string, note: TicketNote & { at: Date; resolution: string }) =>
      change(tx, ctx, id, note, () => ({
        patch: {
          status: 'resolved',
          resolvedAt: note.at,
          resolution: note.resolution,
          statusBeforePause: null,
        },
        clocks: stop(['firstResponse', 'resolve'], note.at),
      })),

    /** Closed at `at`: every clock still running stops. */
    closeInTx: (tx: Executor, ctx: Ctx, id: string, note: TicketNote & { at: Date }) =>
      change(tx, ctx, id, note, () => ({
        patch: { status: 'closed', closedAt: note.at },
        clocks: stop('all', note.at),
      })),

    /** Cancelled at `at`: every clock still running stops, marked cancelled. */
    cancelInTx: (tx: Executor, ctx: Ctx, id: string, note: TicketNote & { at: Date }) =>
      change(tx, ctx, id, note, () => ({
        patch: { status: 'cancelled', statusBeforePause: null },
        clocks: stop('all', note.at, true),
      })),

    /**
     * A work order's step moves its ticket, when the ticket has not moved past it already:
     * dispatching arranges the request (stops the "arrange" clock); the engineer's check-in on site
     * starts the work (stops "onsite" at the check-in time, not when someone clicks "in progress").
     * The engineer acts for the desk here: the ticket step follows from the order's step, so it is
     * checked against the order's permissions, which the caller already passed.
     */
    followWorkOrderInTx: async (
      tx: Executor,
      ctx: Ctx,
      id: string,
      step: { to: WorkOrderStep; at: Date; orderNumber: string },
    ): Promise<string[]> => {
      const { to, at, orderNumber } = step;
      const t = await dal.statusOf(tx, id);
      if (!t || !followsFrom(to, t.status)) return [];
      const system = {
        ...ctx,
        actor: {
          ...ctx.actor,
          scope: 'all' as const,
          permissions: new Set([...ctx.actor.permissions, 'ticket.handle']),
        },
      };
      return tickets.applyInTx(tx, system, id, {
        permission: 'ticket.handle',
        apply: async () => ({
          patch: { status: to, statusBeforePause: null },
          clocks: stop(to === 'arranged' ? ['arrange'] : ['arrange', 'onsite'], at),
          events: [
            {
              kind: 'status',
              visibility: 'customer',
              body: to === 'arranged' ? `已派工（${orderNumber}）` : `工程师已到达现场（${orderNumber}）`,
              data: { from: t.status, to, workOrder: orderNumber },
            },
          ],
          audit: `status:${to}:work_order`,
        }),
      });
    },
  };
};

export type TicketMoves = ReturnType<typeof ticketMoves>;
