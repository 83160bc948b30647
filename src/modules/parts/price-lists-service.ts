import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { priceLists } from '../../db/schema/parts.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import * as dal from './parts-dal.ts';
import type { CreatePriceListBody, ListPriceListsQuery, UpdatePriceListBody } from './parts-schemas.ts';

// 价格表 (SPEC §2.7): what paid work costs. Work orders take the newest active list of each kind
// (parts-dal.activePriceLists) and keep its id, so later edits never reprice a finished job.

export const toPriceListDto = (p: dal.PriceListRow) => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

const codeTaken = () =>
  new AppError('duplicate', { details: [{ field: 'code', message: 'is already taken' }] });

export const priceListsService = ({ db }: { db: Db }) => ({
  list: async (ctx: Ctx, q: Static<typeof ListPriceListsQuery>) => {
    assertCan(ctx.actor, 'part.read');
    return { items: (await dal.listPriceLists(db, q)).map(toPriceListDto) };
  },

  get: async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'part.read');
    const row = await dal.findPriceList(db, id);
    if (!row) throw notFound('price_list', id);
    return toPriceListDto(row);
  },

  create: async (ctx: Ctx, input: Static<typeof CreatePriceListBody>) => {
    assertCan(ctx.actor, 'pricelist.write');
    return db.transaction(async (tx) => {
      if (await dal.priceListCodeTaken(tx, input.code)) throw codeTaken();
      const now = ctx.clock.now();
      const row = await dal.insertPriceList(tx, { ...input, createdAt: now, updatedAt: now });
      await writeAudit(tx, ctx, { action: 'create', entity: 'price_list', entityId: row.id, after: row });
      return toPriceListDto(row);
    });
  },

  update: async (ctx: Ctx, id: string, input: Static<typeof UpdatePriceListBody>) => {
    assertCan(ctx.actor, 'pricelist.write');
    const { version, ...rest } = input;
    return db.transaction(async (tx) => {
      const before = await dal.findPriceList(tx, id);
      if (!before) throw notFound('price_list', id);
      if (rest.code !== undefined && (await dal.priceListCodeTaken(tx, rest.code, id))) throw codeTaken();
      const after = await updateVersioned(tx, {
        table: priceLists,
        entity: 'price_list',
        id,
        version,
        patch: definedOnly(rest),
        at: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, { action: 'update', entity: 'price_list', entityId: id, before, after });
      return toPriceListDto(after);
    });
  },
});

export type PriceListsService = ReturnType<typeof priceListsService>;
