import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { tickets } from '../../db/schema/index.ts';
import { followsFrom } from '../../domain/tickets/ticket-status.ts';
import { AppError } from '../../platform/errors.ts';
import { stop } from '../tickets/ticket-steps.ts';
import type { TicketsService } from '../tickets/tickets-service.ts';
import type { Ctx } from './work-orders-service.ts';

// How a work order moves its ticket, in the order's own transaction: dispatching arranges the
// request (stops the "arrange" clock); the engineer's check-in on site starts the work (stops the
// "onsite" clock at the check-in time, not when someone clicks "in progress").

export const findTicketForOrder = async (tx: Executor, ticketId: string) => {
  const [t] = await tx
    .select({ reportedAt: tickets.reportedAt, occurredAt: tickets.occurredAt })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!t) throw new AppError('internal', { message: `work order without ticket ${ticketId}` });
  return t;
};

type Step = 'arranged' | 'in_progress';

export const moveTicket = async (opts: {
  tx: Executor;
  ctx: Ctx;
  tickets: TicketsService;
  ticketId: string;
  to: Step;
  at: Date;
  orderNumber: string;
  deliveries: string[];
}) => {
  const { tx, ctx, to, at } = opts;
  const [t] = await tx.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, opts.ticketId));
  if (!t || !followsFrom(to, t.status)) return;
  // The engineer acts for the desk here: the ticket step follows from the order's step, so it is
  // checked against the order's permissions, which the caller already passed.
  const system = {
    ...ctx,
    actor: {
      ...ctx.actor,
      scope: 'all' as const,
      permissions: new Set([...ctx.actor.permissions, 'ticket.handle']),
    },
  };
  const out = await opts.tickets.applyInTx(tx, system, opts.ticketId, {
    permission: 'ticket.handle',
    apply: async () => ({
      patch: { status: to, statusBeforePause: null },
      clocks: stop(to === 'arranged' ? ['arrange'] : ['arrange', 'onsite'], at),
      events: [
        {
          kind: 'status',
          visibility: 'customer',
          body:
            to === 'arranged' ? `已派工（${opts.orderNumber}）` : `工程师已到达现场（${opts.orderNumber}）`,
          data: { from: t.status, to, workOrder: opts.orderNumber },
        },
      ],
      audit: `status:${to}:work_order`,
    }),
  });
  opts.deliveries.push(...out);
};
