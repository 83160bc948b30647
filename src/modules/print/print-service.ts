import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, can } from '../../platform/permissions.ts';
import type { AssetsService } from '../assets/index.ts';
import type { TicketsApi } from '../tickets/index.ts';
import type { WorkOrdersApi } from '../work-orders/index.ts';
import { historyCard, historyRows } from './history-card.ts';
import { majorFault } from './major-fault.ts';
import { paidParts, partsList } from './parts-list.ts';
import { orderFacts, partLinesOfOrders } from './print-dal.ts';
import type { OrderForm, PrintedForm, PrintMeta, WorkOrderSummaryDto } from './print-types.ts';
import { repairRecord } from './repair-record.ts';
import { serviceNotice } from './service-notice.ts';
import { serviceSheet } from './service-sheet.ts';

// Loads what each printable form shows through the owning modules' services, so every form applies
// the same permission and scope rules as the API (an order out of scope is a 404 here too).

/** Orders of one asset or ticket are read in pages of the list's maximum; a card stops at this many. */
const PAGE = 200;
const MAX_ORDERS = 2000;
/** A stored signature is a PNG of at most ~0.5 MB (the signature body's limit); refuse anything odd. */
const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;

const readAll = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > MAX_SIGNATURE_BYTES) {
      stream.destroy();
      throw new AppError('internal', { message: 'stored signature is too large' });
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
};

/** A missing record or permission for an optional part of a form leaves that part empty. */
const optional = async <T>(load: () => Promise<T>): Promise<T | null> => {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && (err.code === 'not_found' || err.code === 'forbidden')) return null;
    throw err;
  }
};

export const printService = ({
  db,
  workOrders,
  assets,
  tickets,
}: {
  db: Db;
  workOrders: Pick<WorkOrdersApi, 'get' | 'list' | 'signature'>;
  assets: Pick<AssetsService, 'get' | 'entitlement'>;
  tickets: Pick<TicketsApi, 'get'>;
}) => {
  const meta = (ctx: Ctx): PrintMeta => ({ printedAt: ctx.clock.now(), printedBy: ctx.actor.displayName });

  const orderForm = async (ctx: Ctx, id: string): Promise<OrderForm> => {
    const order = await workOrders.get(ctx, id);
    const ticket = can(ctx.actor, 'ticket.read')
      ? await optional(() => tickets.get(ctx, order.ticketId))
      : null;
    const png = order.hasSignature
      ? await optional(async () => readAll(await workOrders.signature(ctx, id)))
      : null;
    const signature = png && png.length > 0 ? `data:image/png;base64,${png.toString('base64')}` : null;
    return { order, ticket, signature, ...meta(ctx) };
  };

  /** Every order of an asset or a ticket the actor may see (the work-orders list applies the scope). */
  const ordersOf = async (ctx: Ctx, filter: { assetId?: string; ticketId?: string }) => {
    const items: WorkOrderSummaryDto[] = [];
    let total = 0;
    for (let offset = 0; offset < MAX_ORDERS; offset += PAGE) {
      const page = await workOrders.list(ctx, { ...filter, limit: PAGE, offset });
      items.push(...page.items);
      total = page.total;
      if (page.items.length < PAGE || items.length >= total) break;
    }
    const ids = items.map((o) => o.id);
    // One query each for all the orders' facts and part lines, never one per order.
    const facts = await orderFacts(db, ids);
    const lines = await partLinesOfOrders(db, ids);
    return { items, facts, lines, truncated: total > items.length };
  };

  const byOrder =
    (form: (f: OrderForm) => PrintedForm) =>
    async (ctx: Ctx, id: string): Promise<PrintedForm> =>
      form(await orderForm(ctx, id));

  return {
    serviceNotice: byOrder(serviceNotice),
    repairRecord: byOrder(repairRecord),
    serviceSheet: byOrder(serviceSheet),
    majorFault: byOrder(majorFault),

    historyCard: async (ctx: Ctx, assetId: string): Promise<PrintedForm> => {
      const asset = await assets.get(ctx, assetId);
      const warranty = await optional(() => assets.entitlement(ctx, assetId, {}));
      const o = await ordersOf(ctx, { assetId });
      return historyCard({
        asset,
        warranty,
        rows: historyRows(o.items, o.facts, o.lines),
        truncated: o.truncated,
        meta: meta(ctx),
      });
    },

    outOfWarrantyParts: async (ctx: Ctx, ticketId: string): Promise<PrintedForm> => {
      const ticket = await tickets.get(ctx, ticketId);
      const o = await ordersOf(ctx, { ticketId });
      return partsList({
        ticket,
        list: paidParts(o.items, o.facts, o.lines),
        orderCount: o.items.length,
        meta: meta(ctx),
      });
    },
  };
};

export type PrintService = ReturnType<typeof printService>;
