import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { parts, workOrderParts, workOrders } from '../../db/schema/index.ts';
import type { Charges } from '../../domain/field/charges.ts';

// Batched reads for the forms that cover many work orders (history card, out-of-warranty parts list).
// Callers pass only ids that came out of the work-orders service's scoped list, so the scope rules
// are applied there, once; these queries add what a summary lacks, one query per kind, never per order.

/** Cause, times and charges of many orders. */
export const orderFacts = async (db: Executor, ids: string[]) => {
  if (ids.length === 0) return new Map<string, OrderFacts>();
  const rows = await db
    .select({
      id: workOrders.id,
      cause: workOrders.cause,
      checkInAt: workOrders.checkInAt,
      checkOutAt: workOrders.checkOutAt,
      doneAt: workOrders.doneAt,
      companyCostFen: workOrders.companyCostFen,
      charges: workOrders.charges,
    })
    .from(workOrders)
    .where(inArray(workOrders.id, ids));
  return new Map(rows.map((r) => [r.id, { ...r, charges: (r.charges ?? null) as Charges | null }]));
};
export type OrderFacts = {
  id: string;
  cause: string;
  checkInAt: Date | null;
  checkOutAt: Date | null;
  doneAt: Date | null;
  companyCostFen: number;
  charges: Charges | null;
};

/** The part lines (reserved or used, not released) of many orders, by order id, in the order they were added. */
export const partLinesOfOrders = async (db: Executor, ids: string[]) => {
  const out = new Map<string, PrintPartLine[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      orderId: workOrderParts.workOrderId,
      lineId: workOrderParts.id,
      code: parts.code,
      name: parts.name,
      unit: parts.unit,
      quantity: workOrderParts.quantity,
      status: workOrderParts.status,
      removedSerial: workOrderParts.removedSerial,
      fittedSerial: workOrderParts.fittedSerial,
    })
    .from(workOrderParts)
    .innerJoin(parts, eq(parts.id, workOrderParts.partId))
    .where(and(inArray(workOrderParts.workOrderId, ids), ne(workOrderParts.status, 'released')))
    .orderBy(asc(workOrderParts.createdAt));
  for (const r of rows) out.set(r.orderId, [...(out.get(r.orderId) ?? []), r]);
  return out;
};
export type PrintPartLine = {
  orderId: string;
  lineId: string;
  code: string;
  name: string;
  unit: string;
  quantity: number;
  status: string;
  removedSerial: string | null;
  fittedSerial: string | null;
};
