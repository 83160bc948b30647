import { and, asc, count, desc, eq, gt, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import { assetEvents, assets, customers, meterReadings, productModels } from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

export type AssetRow = typeof assets.$inferSelect;

/** A dealer sees units it sold and units of its customers; a customer sees its own units. */
export const assetScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId
        ? or(
            eq(assets.dealerId, scope.dealerId),
            sql`${assets.customerId} in (select id from customers where dealer_id = ${scope.dealerId})`,
          )
        : sql`false`;
    case 'customer':
      return scope.customerId ? eq(assets.customerId, scope.customerId) : sql`false`;
  }
};

const withNames = (db: Executor) =>
  db
    .select({
      asset: assets,
      modelCode: productModels.code,
      modelName: productModels.name,
      customerName: customers.name,
    })
    .from(assets)
    .innerJoin(productModels, eq(productModels.id, assets.modelId))
    .innerJoin(customers, eq(customers.id, assets.customerId));

export type AssetWithNames = { asset: AssetRow; modelCode: string; modelName: string; customerName: string };

export const listAssets = async (
  db: Executor,
  q: {
    scope: ScopeFilter;
    serialPrefix?: string;
    q?: string;
    customerId?: string;
    modelId?: string;
    dealerId?: string;
    limit: number;
    offset: number;
  },
) => {
  const prefix = q.serialPrefix ?? q.q;
  const where = and(
    assetScope(q.scope),
    // lower(serial_no) LIKE 'abc%' uses the text_pattern_ops index: fast at any size.
    prefix ? like(sql`lower(${assets.serialNo})`, `${escapeLike(prefix.toLowerCase())}%`) : undefined,
    q.customerId ? eq(assets.customerId, q.customerId) : undefined,
    q.modelId ? eq(assets.modelId, q.modelId) : undefined,
    q.dealerId ? eq(assets.dealerId, q.dealerId) : undefined,
  );
  const [items, totals] = await Promise.all([
    withNames(db).where(where).orderBy(sql`lower(${assets.serialNo})`).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(assets).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
};

export const findAsset = async (
  db: Executor,
  id: string,
  scope: ScopeFilter,
): Promise<AssetWithNames | null> =>
  (await withNames(db).where(and(eq(assets.id, id), assetScope(scope))))[0] ?? null;

export const serialTaken = async (db: Executor, serialNo: string) =>
  (await db.select({ id: assets.id }).from(assets).where(sql`lower(${assets.serialNo}) = lower(${serialNo})`))
    .length > 0;

export const insertAsset = async (db: Executor, row: typeof assets.$inferInsert) =>
  (await db.insert(assets).values(row).returning())[0]!;

export const readingsOf = (db: Executor, assetId: string, limit = 500) =>
  db
    .select()
    .from(meterReadings)
    .where(eq(meterReadings.assetId, assetId))
    .orderBy(desc(meterReadings.readAt))
    .limit(limit);

/** The readings right before and right after an instant: a new reading must fit between them. */
export const neighbourReadings = async (db: Executor, assetId: string, at: Date) => {
  const [before] = await db
    .select()
    .from(meterReadings)
    .where(and(eq(meterReadings.assetId, assetId), lte(meterReadings.readAt, at)))
    .orderBy(desc(meterReadings.readAt))
    .limit(1);
  const [after] = await db
    .select()
    .from(meterReadings)
    .where(and(eq(meterReadings.assetId, assetId), gt(meterReadings.readAt, at)))
    .orderBy(asc(meterReadings.readAt))
    .limit(1);
  return { before: before ?? null, after: after ?? null };
};

export const insertReading = async (db: Executor, row: typeof meterReadings.$inferInsert) =>
  (await db.insert(meterReadings).values(row).returning())[0]!;

/** Keeps the denormalised latest reading in step (only moves forward in time). */
export const bumpLatestReading = (db: Executor, assetId: string, hours: number, readAt: Date) =>
  db
    .update(assets)
    .set({ latestHours: hours, latestReadAt: readAt })
    .where(
      and(eq(assets.id, assetId), or(sql`${assets.latestReadAt} is null`, lte(assets.latestReadAt, readAt))),
    );

export const eventsOf = (db: Executor, assetId: string) =>
  db.select().from(assetEvents).where(eq(assetEvents.assetId, assetId)).orderBy(asc(assetEvents.at));

/** The unit's repairs (kind `repair`), for the 三包 repeat-failure rule. */
export const repairsOf = async (db: Executor, assetId: string) =>
  db
    .select({ at: assetEvents.at, faultCode: assetEvents.faultCode })
    .from(assetEvents)
    .where(and(eq(assetEvents.assetId, assetId), eq(assetEvents.kind, 'repair')));

export const insertEvent = async (db: Executor, row: typeof assetEvents.$inferInsert) =>
  (await db.insert(assetEvents).values(row).returning())[0]!;
