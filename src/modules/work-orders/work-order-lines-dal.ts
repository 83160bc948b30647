import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  fieldFeedback,
  oldPartReturns,
  parts,
  stockLocations,
  workOrderEvents,
  workOrderItems,
  workOrderParts,
  workOrderPhotos,
  workOrders,
} from '../../db/schema/index.ts';
import { oldPartDueAt } from '../../domain/field/field-feedback.ts';

import type { PartLineRow, WorkOrderRow } from './work-orders-dal.ts';

// SQL of an order's lines: work items, parts, photos, events, old-part returns, the feedback form.

export const itemsOf = (db: Executor, orderId: string) =>
  db
    .select()
    .from(workOrderItems)
    .where(eq(workOrderItems.workOrderId, orderId))
    .orderBy(asc(workOrderItems.createdAt));

export const insertItem = async (db: Executor, row: typeof workOrderItems.$inferInsert) =>
  (await db.insert(workOrderItems).values(row).returning())[0]!;

export const deleteItem = async (db: Executor, orderId: string, itemId: string) =>
  (
    await db
      .delete(workOrderItems)
      .where(and(eq(workOrderItems.id, itemId), eq(workOrderItems.workOrderId, orderId)))
      .returning()
  )[0] ?? null;

export const partLinesOf = (db: Executor, orderId: string) =>
  db
    .select({
      line: workOrderParts,
      partCode: parts.code,
      partName: parts.name,
      unit: parts.unit,
      costFen: parts.costFen,
      listFen: parts.listFen,
      wear: parts.wear,
      consumable: parts.consumable,
      locationName: stockLocations.name,
    })
    .from(workOrderParts)
    .innerJoin(parts, eq(parts.id, workOrderParts.partId))
    .innerJoin(stockLocations, eq(stockLocations.id, workOrderParts.locationId))
    .where(and(eq(workOrderParts.workOrderId, orderId), ne(workOrderParts.status, 'released')))
    .orderBy(asc(workOrderParts.createdAt));
export type PartLine = Awaited<ReturnType<typeof partLinesOf>>[number];

export const insertPartLine = async (db: Executor, row: typeof workOrderParts.$inferInsert) =>
  (await db.insert(workOrderParts).values(row).returning())[0]!;

export const findPartLine = async (db: Executor, orderId: string, lineId: string) =>
  (
    await db
      .select()
      .from(workOrderParts)
      .where(and(eq(workOrderParts.id, lineId), eq(workOrderParts.workOrderId, orderId)))
  )[0] ?? null;

export const updatePartLine = (db: Executor, lineId: string, patch: Partial<PartLineRow>) =>
  db.update(workOrderParts).set(patch).where(eq(workOrderParts.id, lineId));

export const photosOf = (db: Executor, orderId: string) =>
  db
    .select()
    .from(workOrderPhotos)
    .where(eq(workOrderPhotos.workOrderId, orderId))
    .orderBy(asc(workOrderPhotos.createdAt));

export const findPhoto = async (db: Executor, orderId: string, photoId: string) =>
  (
    await db
      .select()
      .from(workOrderPhotos)
      .where(and(eq(workOrderPhotos.id, photoId), eq(workOrderPhotos.workOrderId, orderId)))
  )[0] ?? null;

export const insertPhoto = async (db: Executor, row: typeof workOrderPhotos.$inferInsert) =>
  (await db.insert(workOrderPhotos).values(row).returning())[0]!;

export const insertEvents = async (db: Executor, rows: (typeof workOrderEvents.$inferInsert)[]) => {
  if (rows.length > 0) await db.insert(workOrderEvents).values(rows);
};

export const eventsOf = (db: Executor, orderId: string) =>
  db
    .select()
    .from(workOrderEvents)
    .where(eq(workOrderEvents.workOrderId, orderId))
    .orderBy(asc(workOrderEvents.at), asc(workOrderEvents.seq));

export const returnsOf = (db: Executor, orderId: string) =>
  db
    .select({ ret: oldPartReturns, partCode: parts.code, partName: parts.name })
    .from(oldPartReturns)
    .innerJoin(parts, eq(parts.id, oldPartReturns.partId))
    .where(eq(oldPartReturns.workOrderId, orderId))
    .orderBy(asc(oldPartReturns.createdAt));

export const insertReturn = (db: Executor, row: typeof oldPartReturns.$inferInsert) =>
  db.insert(oldPartReturns).values(row).onConflictDoNothing();

export const feedbackOf = async (db: Executor, orderId: string) =>
  (await db.select().from(fieldFeedback).where(eq(fieldFeedback.workOrderId, orderId)))[0] ?? null;

export const upsertFeedback = async (db: Executor, row: typeof fieldFeedback.$inferInsert) =>
  (
    await db
      .insert(fieldFeedback)
      .values(row)
      .onConflictDoUpdate({
        target: fieldFeedback.workOrderId,
        set: {
          returnedOn: row.returnedOn,
          dueOn: row.dueOn,
          nature: row.nature,
          cause: row.cause,
          handling: row.handling,
          status: row.status,
          submittedAt: row.submittedAt,
          submittedBy: row.submittedBy,
          version: sql`${fieldFeedback.version} + 1`,
          updatedAt: row.updatedAt,
        },
      })
      .returning()
  )[0]!;

export const updateFeedback = (db: Executor, id: string, patch: Partial<typeof fieldFeedback.$inferSelect>) =>
  db
    .update(fieldFeedback)
    .set({ ...patch, version: sql`${fieldFeedback.version} + 1` })
    .where(eq(fieldFeedback.id, id));

/** Feedback forms in scope: every order back from a trip (checked out) with its form, if any. */

export const syncReturn = async (
  db: Executor,
  opts: { line: PartLineRow; free: boolean; order: WorkOrderRow; now: Date },
) => {
  const [existing] = await db
    .select()
    .from(oldPartReturns)
    .where(eq(oldPartReturns.workOrderPartId, opts.line.id));
  if (opts.free && !existing) {
    await db.insert(oldPartReturns).values({
      workOrderId: opts.order.id,
      workOrderPartId: opts.line.id,
      partId: opts.line.partId,
      quantity: opts.line.quantity,
      serialNo: opts.line.removedSerial,
      dealerId: opts.order.dealerId,
      customerId: opts.order.customerId,
      status: 'pending',
      dueAt: oldPartDueAt(opts.now),
    });
  } else if (existing && !opts.free && existing.status === 'pending') {
    await db
      .update(oldPartReturns)
      .set({ status: 'cancelled', updatedAt: opts.now, version: sql`${oldPartReturns.version} + 1` })
      .where(eq(oldPartReturns.id, existing.id));
  } else if (existing && opts.free && existing.status === 'cancelled') {
    await db
      .update(oldPartReturns)
      .set({ status: 'pending', updatedAt: opts.now, version: sql`${oldPartReturns.version} + 1` })
      .where(eq(oldPartReturns.id, existing.id));
  }
};

/** Old parts still owed (not handed in) for an order: they block the warranty write-off. */
export const outstandingReturns = async (db: Executor, orderId: string) =>
  (
    await db
      .select({ id: oldPartReturns.id })
      .from(oldPartReturns)
      .where(and(eq(oldPartReturns.workOrderId, orderId), eq(oldPartReturns.status, 'pending')))
  ).length;

export const signatureKeyOf = async (db: Executor, id: string) =>
  (await db.select({ key: workOrders.signatureKey }).from(workOrders).where(eq(workOrders.id, id)))[0]?.key ??
  null;
