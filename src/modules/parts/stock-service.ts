import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { fieldError } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { findLocation, findPart } from './parts-dal.ts';
import * as dal from './stock-dal.ts';
import { addStock, countStock, transferStock } from './stock-ops.ts';
import type {
  AdjustBody,
  ListMovesQuery,
  ListStockQuery,
  MinQtyBody,
  ReceiveBody,
  TransferBody,
} from './stock-schemas.ts';

// Stock kept at the company store, service centres and dealers. Every change goes through the
// atomic operations in stock-ops.ts (one conditional UPDATE each) and leaves a ledger row.

export const toLevelDto = (v: dal.LevelView) => {
  const available = v.onHand - v.reserved;
  return { ...v, available, low: available <= v.minQty, updatedAt: v.updatedAt.toISOString() };
};

export const stockService = ({ db }: { db: Db }) => {
  /** The part and store(s) a change names, each a 400 on its own field when missing or out of scope. */
  const check = async (tx: Executor, ctx: Ctx, partId: string, stores: Record<string, string>) => {
    if (!(await findPart(tx, partId))) throw fieldError('partId', 'refers to a record that does not exist');
    for (const [field, id] of Object.entries(stores)) {
      // Out-of-scope stores look like missing ones (nothing about other dealers leaks).
      const store = await findLocation(tx, id, scopeFilter(ctx.actor));
      if (!store) throw fieldError(field, 'refers to a record that does not exist');
      if (!store.location.active) throw fieldError(field, 'is inactive');
    }
  };
  const level = async (tx: Executor, partId: string, locationId: string) =>
    toLevelDto((await dal.findLevel(tx, partId, locationId))!);

  return {
    list: async (ctx: Ctx, q: Static<typeof ListStockQuery>) => {
      assertCan(ctx.actor, 'part.read');
      const r = await dal.listLevels(db, { ...q, scope: scopeFilter(ctx.actor) });
      return { items: r.items.map(toLevelDto), total: r.total };
    },

    /** How many rows in the actor's stores are at or below their safety stock (the menu badge). */
    lowCount: async (ctx: Ctx) => {
      assertCan(ctx.actor, 'part.read');
      return { count: await dal.countLow(db, scopeFilter(ctx.actor)) };
    },

    receive: async (ctx: Ctx, input: Static<typeof ReceiveBody>) => {
      assertCan(ctx.actor, 'stock.write');
      return db.transaction(async (tx) => {
        await check(tx, ctx, input.partId, { locationId: input.locationId });
        await addStock(tx, {
          ...input,
          kind: 'receive',
          workOrderId: null,
          actorId: ctx.actor.userId,
          at: ctx.clock.now(),
        });
        const after = await level(tx, input.partId, input.locationId);
        await writeAudit(tx, ctx, {
          action: 'receive',
          entity: 'stock_level',
          entityId: after.id,
          after: { ...input, onHand: after.onHand },
        });
        return after;
      });
    },

    transfer: async (ctx: Ctx, input: Static<typeof TransferBody>) => {
      assertCan(ctx.actor, 'stock.write');
      if (input.fromLocationId === input.toLocationId)
        throw fieldError('toLocationId', 'must differ from fromLocationId');
      return db.transaction(async (tx) => {
        await check(tx, ctx, input.partId, {
          fromLocationId: input.fromLocationId,
          toLocationId: input.toLocationId,
        });
        const toBefore = (await dal.findLevel(tx, input.partId, input.toLocationId))?.onHand ?? 0;
        await transferStock(tx, {
          partId: input.partId,
          locationId: input.fromLocationId,
          toLocationId: input.toLocationId,
          quantity: input.quantity,
          note: input.note,
          workOrderId: null,
          actorId: ctx.actor.userId,
          at: ctx.clock.now(),
        });
        const from = await level(tx, input.partId, input.fromLocationId);
        const to = await level(tx, input.partId, input.toLocationId);
        await writeAudit(tx, ctx, {
          action: 'transfer',
          entity: 'stock_level',
          entityId: from.id,
          before: { fromOnHand: from.onHand + input.quantity, toOnHand: toBefore },
          after: { ...input, fromOnHand: from.onHand, toOnHand: to.onHand },
        });
        return { from, to };
      });
    },

    adjust: async (ctx: Ctx, input: Static<typeof AdjustBody>) => {
      assertCan(ctx.actor, 'stock.write');
      return db.transaction(async (tx) => {
        await check(tx, ctx, input.partId, { locationId: input.locationId });
        const { before } = await countStock(tx, {
          ...input,
          workOrderId: null,
          actorId: ctx.actor.userId,
          at: ctx.clock.now(),
        });
        const after = await level(tx, input.partId, input.locationId);
        await writeAudit(tx, ctx, {
          action: 'adjust',
          entity: 'stock_level',
          entityId: after.id,
          before: { onHand: before },
          after: { ...input, onHand: after.onHand },
        });
        return after;
      });
    },

    setMin: async (ctx: Ctx, input: Static<typeof MinQtyBody>) => {
      assertCan(ctx.actor, 'stock.write');
      return db.transaction(async (tx) => {
        await check(tx, ctx, input.partId, { locationId: input.locationId });
        const before = await dal.findLevel(tx, input.partId, input.locationId);
        await dal.upsertMinQty(tx, { ...input, at: ctx.clock.now() });
        const after = await level(tx, input.partId, input.locationId);
        await writeAudit(tx, ctx, {
          action: 'update',
          entity: 'stock_level',
          entityId: after.id,
          before: before ? { minQty: before.minQty } : null,
          after: { ...input },
        });
        return after;
      });
    },

    moves: async (ctx: Ctx, q: Static<typeof ListMovesQuery>) => {
      assertCan(ctx.actor, 'part.read');
      const r = await dal.listMoves(db, { ...q, scope: scopeFilter(ctx.actor) });
      return {
        items: r.items.map((m) => ({
          ...m.move,
          partCode: m.partCode,
          partName: m.partName,
          fromLocationName: m.fromLocationName,
          toLocationName: m.toLocationName,
          createdByName: m.createdByName,
          createdAt: m.move.createdAt.toISOString(),
        })),
        total: r.total,
      };
    },
  };
};

export type StockService = ReturnType<typeof stockService>;
