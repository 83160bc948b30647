import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { priceLists, stockLocations } from '../db/schema/index.ts';
import { type RequestContext, writeAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';

// The two price lists of SPEC §2.7 [seed 000 §6] and the company store, created once on a new
// installation; admins edit them afterwards and a later start never overwrites their edits.

const LOCK = 7_231_007;

export const DEFAULT_PRICE_LISTS = [
  {
    code: 'PL-WP-V1-2021',
    name: '三包期内非三包收费标准 V1-2021',
    kind: 'warranty_period',
    labourRateFen: 8_000,
    travelPerKmFen: 200,
    travelFlatFen: 0,
    partsBasis: 'cost',
    partsMarkupBp: 0,
    taxRateBp: 1_300,
  },
  {
    code: 'PL-MKT-V1-2021',
    name: '市场服务收费标准 V1-2021',
    kind: 'market',
    labourRateFen: 15_000,
    travelPerKmFen: 300,
    travelFlatFen: 5_000,
    partsBasis: 'list',
    partsMarkupBp: 0,
    taxRateBp: 1_300,
  },
] as const;

export const MAIN_STORE = { code: 'MAIN', name: '公司总库', kind: 'company' } as const;

export const seedPartsDefaults = async (opts: { db: Db; clock: Clock }) => {
  const ctx: RequestContext = { actor: null, requestId: 'bootstrap', ip: null, clock: opts.clock };
  await opts.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
    const now = opts.clock.now();
    const audit = (entity: string, row: { id: string }) =>
      writeAudit(tx, ctx, { action: 'create', entity, entityId: row.id, actorName: 'system', after: row });
    if (Number((await tx.select({ n: count() }).from(priceLists))[0]?.n ?? 0) === 0) {
      for (const p of DEFAULT_PRICE_LISTS) {
        const [row] = await tx
          .insert(priceLists)
          .values({ ...p, createdAt: now, updatedAt: now })
          .returning();
        await audit('price_list', row!);
      }
    }
    if (Number((await tx.select({ n: count() }).from(stockLocations))[0]?.n ?? 0) === 0) {
      const [row] = await tx
        .insert(stockLocations)
        .values({ ...MAIN_STORE, createdAt: now, updatedAt: now })
        .returning();
      await audit('stock_location', row!);
    }
  });
};
