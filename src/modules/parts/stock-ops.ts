import { and, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { stockLevels, stockMoves } from '../../db/schema/parts.ts';
import { AppError, fieldError } from '../../platform/errors.ts';

// Stock changes that work orders make inside their own transaction. Each is one conditional UPDATE:
// when two orders race for the last unit, the second UPDATE matches no row and fails cleanly, and
// the table's checks make a negative stock impossible even for code that forgets the condition.
// Time comes from the caller (`at`, read from the injected clock), never from `new Date()`.

export type Move = {
  partId: string;
  locationId: string;
  quantity: number;
  workOrderId: string | null;
  actorId: string | null;
  note?: string | null;
  /** When the move happens (the caller's clock): stamps the stock level's updatedAt. */
  at: Date;
};

const insufficient = (m: Move, available: number | null) =>
  new AppError('insufficient_stock', {
    message: `part ${m.partId} at ${m.locationId}: ${m.quantity} wanted, ${available ?? 0} available`,
    details: { field: 'quantity', partId: m.partId, locationId: m.locationId, available: available ?? 0 },
  });

const available = async (tx: Executor, m: Move) => {
  const [row] = await tx
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.partId, m.partId), eq(stockLevels.locationId, m.locationId)));
  return row ? row.onHand - row.reserved : null;
};

const log = (tx: Executor, kind: string, m: Move, from: string | null, to: string | null) =>
  tx.insert(stockMoves).values({
    partId: m.partId,
    kind,
    fromLocationId: from,
    toLocationId: to,
    quantity: m.quantity,
    workOrderId: m.workOrderId,
    note: m.note ?? null,
    createdBy: m.actorId,
  });

/** Holds free stock for a work order (on hand stays, reserved grows). */
export const reserveStock = async (tx: Executor, m: Move): Promise<void> => {
  const rows = await tx
    .update(stockLevels)
    .set({ reserved: sql`${stockLevels.reserved} + ${m.quantity}`, updatedAt: m.at })
    .where(
      and(
        eq(stockLevels.partId, m.partId),
        eq(stockLevels.locationId, m.locationId),
        gte(sql`${stockLevels.onHand} - ${stockLevels.reserved}`, m.quantity),
      ),
    )
    .returning({ id: stockLevels.id });
  if (rows.length === 0) throw insufficient(m, await available(tx, m));
  await log(tx, 'reserve', m, m.locationId, null);
};

/** Gives a reservation back (the part was not needed). */
export const releaseStock = async (tx: Executor, m: Move): Promise<void> => {
  const rows = await tx
    .update(stockLevels)
    .set({ reserved: sql`${stockLevels.reserved} - ${m.quantity}`, updatedAt: m.at })
    .where(
      and(
        eq(stockLevels.partId, m.partId),
        eq(stockLevels.locationId, m.locationId),
        gte(stockLevels.reserved, m.quantity),
      ),
    )
    .returning({ id: stockLevels.id });
  if (rows.length === 0)
    throw new AppError('internal', { message: `release of unreserved stock ${m.partId}` });
  await log(tx, 'release', m, null, m.locationId);
};

/** Uses a reserved part: it leaves the stock for good. */
export const consumeReserved = async (tx: Executor, m: Move): Promise<void> => {
  const rows = await tx
    .update(stockLevels)
    .set({
      reserved: sql`${stockLevels.reserved} - ${m.quantity}`,
      onHand: sql`${stockLevels.onHand} - ${m.quantity}`,
      updatedAt: m.at,
    })
    .where(
      and(
        eq(stockLevels.partId, m.partId),
        eq(stockLevels.locationId, m.locationId),
        gte(stockLevels.reserved, m.quantity),
      ),
    )
    .returning({ id: stockLevels.id });
  if (rows.length === 0) throw insufficient(m, await available(tx, m));
  await log(tx, 'consume', m, m.locationId, null);
};

/** Puts a part into a store (receipt, appraised old part). Creates the level row on first use. */
export const addStock = async (tx: Executor, m: Move & { kind: 'receive' | 'old_part_in' | 'adjust' }) => {
  await tx
    .insert(stockLevels)
    .values({ partId: m.partId, locationId: m.locationId, onHand: m.quantity, updatedAt: m.at })
    .onConflictDoUpdate({
      target: [stockLevels.partId, stockLevels.locationId],
      set: { onHand: sql`${stockLevels.onHand} + ${m.quantity}`, updatedAt: m.at },
    });
  await log(tx, m.kind, m, null, m.locationId);
};

/**
 * Moves free stock between two stores: one conditional UPDATE on the source (never below what is
 * reserved there), then the target's level grows (created on first use); one 'transfer' ledger row.
 */
export const transferStock = async (tx: Executor, m: Move & { toLocationId: string }): Promise<void> => {
  const rows = await tx
    .update(stockLevels)
    .set({ onHand: sql`${stockLevels.onHand} - ${m.quantity}`, updatedAt: m.at })
    .where(
      and(
        eq(stockLevels.partId, m.partId),
        eq(stockLevels.locationId, m.locationId),
        gte(sql`${stockLevels.onHand} - ${stockLevels.reserved}`, m.quantity),
      ),
    )
    .returning({ id: stockLevels.id });
  if (rows.length === 0) throw insufficient(m, await available(tx, m));
  await tx
    .insert(stockLevels)
    .values({ partId: m.partId, locationId: m.toLocationId, onHand: m.quantity, updatedAt: m.at })
    .onConflictDoUpdate({
      target: [stockLevels.partId, stockLevels.locationId],
      set: { onHand: sql`${stockLevels.onHand} + ${m.quantity}`, updatedAt: m.at },
    });
  await log(tx, 'transfer', m, m.locationId, m.toLocationId);
};

/**
 * Stock-take (盘点): the counted quantity replaces on hand. The row is locked while the difference
 * is worked out, and a count below what is reserved for work orders is refused (those parts must be
 * released first). One 'adjust' ledger row records the difference: into the store when the count is
 * higher, out of it when lower.
 */
export const countStock = async (
  tx: Executor,
  m: Omit<Move, 'quantity'> & { onHand: number },
): Promise<{ before: number; delta: number }> => {
  const [row] = await tx
    .select({ id: stockLevels.id, onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.partId, m.partId), eq(stockLevels.locationId, m.locationId)))
    .for('update');
  if (row && m.onHand < row.reserved)
    throw fieldError('onHand', `is below the ${row.reserved} reserved for work orders`);
  const before = row?.onHand ?? 0;
  const delta = m.onHand - before;
  if (row)
    await tx.update(stockLevels).set({ onHand: m.onHand, updatedAt: m.at }).where(eq(stockLevels.id, row.id));
  else
    await tx
      .insert(stockLevels)
      .values({ partId: m.partId, locationId: m.locationId, onHand: m.onHand, updatedAt: m.at });
  const move = { ...m, quantity: Math.abs(delta) };
  await log(tx, 'adjust', move, delta < 0 ? m.locationId : null, delta < 0 ? null : m.locationId);
  return { before, delta };
};
