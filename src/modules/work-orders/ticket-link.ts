import type { Executor } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { TicketsApi, WorkOrderStep } from '../tickets/index.ts';
import type { Ctx } from './work-orders-service.ts';

// How a work order reads and moves its ticket, in the order's own transaction, through the tickets
// module's API: dispatching arranges the request, the engineer's check-in on site starts the work
// (which clocks stop is the tickets module's rule, followWorkOrderInTx).

/** What work orders use of the tickets module. */
export type OrderTickets = Pick<TicketsApi, 'followWorkOrderInTx' | 'reportTimesOf' | 'customerUsers'>;

export const findTicketForOrder = async (
  tickets: Pick<TicketsApi, 'reportTimesOf'>,
  tx: Executor,
  ticketId: string,
) => {
  const t = await tickets.reportTimesOf(tx, ticketId);
  if (!t) throw new AppError('internal', { message: `work order without ticket ${ticketId}` });
  return t;
};

export const moveTicket = async (opts: {
  tx: Executor;
  ctx: Ctx;
  tickets: Pick<TicketsApi, 'followWorkOrderInTx'>;
  ticketId: string;
  to: WorkOrderStep;
  at: Date;
  orderNumber: string;
  deliveries: string[];
}) => {
  const { to, at, orderNumber } = opts;
  opts.deliveries.push(
    ...(await opts.tickets.followWorkOrderInTx(opts.tx, opts.ctx, opts.ticketId, { to, at, orderNumber })),
  );
};
