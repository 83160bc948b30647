import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { oldPartReturns } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, assertUnreachable, fieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import { findLocation } from './parts-dal.ts';
import * as dal from './plans-dal.ts';
import type {
  Appraisal,
  AppraiseBody,
  ListReturnsQuery,
  ReceiveReturnBody,
  ReturnStatus,
} from './plans-schemas.ts';
import { addStock } from './stock-ops.ts';

// 旧件返回与鉴定 (SPEC §2.5): every in-warranty part replaced on a work order is handed in (the
// work-order module creates the row when it consumes the part), received by the technical
// department, appraised and sent to the named store. Without it there is no warranty write-off.

export const toReturnDto = (v: dal.ReturnView, now: Date) => {
  const r = v.ret;
  return {
    ...r,
    partCode: v.partCode,
    partName: v.partName,
    workOrderNumber: v.workOrderNumber,
    dealerName: v.dealerName,
    customerName: v.customerName,
    storeLocationName: v.storeLocationName,
    overdue: r.status === 'pending' && r.dueAt.getTime() < now.getTime(),
    dueAt: r.dueAt.toISOString(),
    receivedAt: iso(r.receivedAt),
    appraisedAt: iso(r.appraisedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
};

/** What each appraisal does with the part (技术部鉴定). */
const stockEffect = (a: Appraisal): 'stock' | 'record' => {
  switch (a) {
    case 'reusable':
      return 'stock'; // back on the shelf of the named store
    case 'scrap':
    case 'supplier_claim':
      return 'record'; // kept in the store for disposal or the supplier's claim, not as stock
    default:
      return assertUnreachable(a);
  }
};

export const oldPartsService = ({ db }: { db: Db }) => {
  const load = async (tx: Executor, ctx: Ctx, id: string, version: number, wanted: ReturnStatus) => {
    const view = await dal.findReturn(tx, id, scopeFilter(ctx.actor));
    if (!view) throw notFound('old_part_return', id);
    if (view.ret.version !== version) throw versionConflict('old_part_return', id, view.ret.version);
    if (view.ret.status !== wanted)
      throw new AppError('invalid_state', {
        message: `old part return is ${view.ret.status}, needs ${wanted}`,
        details: { status: view.ret.status, required: wanted },
      });
    return view.ret;
  };
  const one = async (tx: Executor, id: string, now: Date) =>
    toReturnDto((await dal.findReturn(tx, id, { kind: 'all' }))!, now);

  return {
    list: async (ctx: Ctx, q: Static<typeof ListReturnsQuery>) => {
      assertCan(ctx.actor, 'part.read');
      const now = ctx.clock.now();
      const r = await dal.listReturns(db, { ...q, scope: scopeFilter(ctx.actor), now });
      return { items: r.items.map((v) => toReturnDto(v, now)), total: r.total };
    },

    receive: async (ctx: Ctx, id: string, input: Static<typeof ReceiveReturnBody>) => {
      assertCan(ctx.actor, 'oldpart.appraise');
      const now = ctx.clock.now();
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id, input.version, 'pending');
        const after = await updateVersioned(tx, {
          table: oldPartReturns,
          entity: 'old_part_return',
          id,
          version: input.version,
          patch: { status: 'received', receivedAt: now, receivedBy: ctx.actor.userId },
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'receive',
          entity: 'old_part_return',
          entityId: id,
          before,
          after,
        });
        return one(tx, id, now);
      });
    },

    appraise: async (ctx: Ctx, id: string, input: Static<typeof AppraiseBody>) => {
      assertCan(ctx.actor, 'oldpart.appraise');
      const now = ctx.clock.now();
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id, input.version, 'received');
        const store = await findLocation(tx, input.storeLocationId, scopeFilter(ctx.actor));
        if (!store) throw fieldError('storeLocationId', 'refers to a record that does not exist');
        if (!store.location.active) throw fieldError('storeLocationId', 'is inactive');
        const after = await updateVersioned(tx, {
          table: oldPartReturns,
          entity: 'old_part_return',
          id,
          version: input.version,
          patch: {
            status: 'appraised',
            appraisal: input.appraisal,
            appraisalNote: input.note ?? null,
            appraisedBy: ctx.actor.userId,
            appraisedAt: now,
            storeLocationId: input.storeLocationId,
          },
          at: now,
        });
        if (stockEffect(input.appraisal) === 'stock')
          await addStock(tx, {
            kind: 'old_part_in',
            partId: before.partId,
            locationId: input.storeLocationId,
            quantity: before.quantity,
            workOrderId: before.workOrderId,
            actorId: ctx.actor.userId,
            note: input.note ?? '旧件鉴定：可再利用',
            at: now,
          });
        await writeAudit(tx, ctx, {
          action: 'appraise',
          entity: 'old_part_return',
          entityId: id,
          before,
          after,
        });
        return one(tx, id, now);
      });
    },
  };
};

export type OldPartsService = ReturnType<typeof oldPartsService>;
