import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { dealers, parts, priceLists, serviceCentres, stockLocations } from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

export type PartRow = typeof parts.$inferSelect;
export type LocationRow = typeof stockLocations.$inferSelect;
export type PriceListRow = typeof priceLists.$inferSelect;

// ── parts ───────────────────────────────────────────────────────────────────────────────────────

export type PartFilter = { q?: string; wear?: boolean; consumable?: boolean; active?: boolean };

const partWhere = (f: PartFilter) => {
  const like = f.q?.trim() ? containsPattern(f.q.trim()) : null;
  return and(
    like ? or(ilike(parts.code, like), ilike(parts.name, like), ilike(parts.supplier, like)) : undefined,
    f.wear === undefined ? undefined : eq(parts.wear, f.wear),
    f.consumable === undefined ? undefined : eq(parts.consumable, f.consumable),
    f.active === undefined ? undefined : eq(parts.active, f.active),
  );
};

export const listParts = async (db: Executor, f: PartFilter & { limit: number; offset: number }) => {
  const where = partWhere(f);
  const [items, totals] = await Promise.all([
    db.select().from(parts).where(where).orderBy(asc(parts.code)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(parts).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
};

export const findPart = async (db: Executor, id: string): Promise<PartRow | null> =>
  (await db.select().from(parts).where(eq(parts.id, id)))[0] ?? null;

export const findPartByCode = async (db: Executor, code: string): Promise<PartRow | null> =>
  (await db.select().from(parts).where(eq(parts.code, code)))[0] ?? null;

export const partsByIds = async (db: Executor, ids: string[]): Promise<PartRow[]> =>
  ids.length === 0
    ? []
    : db
        .select()
        .from(parts)
        .where(inArray(parts.id, [...new Set(ids)]));

export const partCodeTaken = async (db: Executor, code: string, exceptId?: string) =>
  (
    await db
      .select({ id: parts.id })
      .from(parts)
      .where(and(eq(parts.code, code), exceptId ? ne(parts.id, exceptId) : undefined))
  ).length > 0;

export const insertPart = async (db: Executor, row: typeof parts.$inferInsert) =>
  (await db.insert(parts).values(row).returning())[0]!;

// ── stock locations ─────────────────────────────────────────────────────────────────────────────

/** Dealer users see their dealer's stores only; customers see none (they hold no stock). */
export const locationScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(stockLocations.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return sql`false`;
  }
};

const locationColumns = {
  location: stockLocations,
  serviceCentreName: serviceCentres.name,
  dealerName: dealers.name,
};

export type LocationView = {
  location: LocationRow;
  serviceCentreName: string | null;
  dealerName: string | null;
};

const locationQuery = (db: Executor) =>
  db
    .select(locationColumns)
    .from(stockLocations)
    .leftJoin(serviceCentres, eq(serviceCentres.id, stockLocations.serviceCentreId))
    .leftJoin(dealers, eq(dealers.id, stockLocations.dealerId));

export const listLocations = async (
  db: Executor,
  f: {
    scope: ScopeFilter;
    q?: string;
    kind?: string;
    active?: boolean;
    dealerId?: string;
    limit: number;
    offset: number;
  },
) => {
  const like = f.q?.trim() ? containsPattern(f.q.trim()) : null;
  const where = and(
    locationScope(f.scope),
    like ? or(ilike(stockLocations.code, like), ilike(stockLocations.name, like)) : undefined,
    f.kind ? eq(stockLocations.kind, f.kind) : undefined,
    f.active === undefined ? undefined : eq(stockLocations.active, f.active),
    f.dealerId ? eq(stockLocations.dealerId, f.dealerId) : undefined,
  );
  const [items, totals] = await Promise.all([
    locationQuery(db)
      .where(where)
      // The company store first, then service centres, then dealers.
      .orderBy(
        sql`case ${stockLocations.kind} when 'company' then 0 when 'centre' then 1 else 2 end`,
        asc(stockLocations.code),
      )
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(stockLocations).where(where),
  ]);
  return { items: items as LocationView[], total: Number(totals[0]?.n ?? 0) };
};

export const findLocation = async (
  db: Executor,
  id: string,
  scope: ScopeFilter,
): Promise<LocationView | null> =>
  ((await locationQuery(db).where(and(eq(stockLocations.id, id), locationScope(scope))))[0] as
    | LocationView
    | undefined) ?? null;

export const locationCodeTaken = async (db: Executor, code: string, exceptId?: string) =>
  (
    await db
      .select({ id: stockLocations.id })
      .from(stockLocations)
      .where(and(eq(stockLocations.code, code), exceptId ? ne(stockLocations.id, exceptId) : undefined))
  ).length > 0;

export const insertLocation = async (db: Executor, row: typeof stockLocations.$inferInsert) =>
  (await db.insert(stockLocations).values(row).returning())[0]!;

// ── price lists ─────────────────────────────────────────────────────────────────────────────────

export const listPriceLists = (db: Executor, f: { kind?: string; active?: boolean }) =>
  db
    .select()
    .from(priceLists)
    .where(
      and(
        f.kind ? eq(priceLists.kind, f.kind) : undefined,
        f.active === undefined ? undefined : eq(priceLists.active, f.active),
      ),
    )
    .orderBy(asc(priceLists.kind), desc(priceLists.createdAt), asc(priceLists.code));

export const findPriceList = async (db: Executor, id: string): Promise<PriceListRow | null> =>
  (await db.select().from(priceLists).where(eq(priceLists.id, id)))[0] ?? null;

export const priceListCodeTaken = async (db: Executor, code: string, exceptId?: string) =>
  (
    await db
      .select({ id: priceLists.id })
      .from(priceLists)
      .where(and(eq(priceLists.code, code), exceptId ? ne(priceLists.id, exceptId) : undefined))
  ).length > 0;

export const insertPriceList = async (db: Executor, row: typeof priceLists.$inferInsert) =>
  (await db.insert(priceLists).values(row).returning())[0]!;

/**
 * The price lists work orders charge by: the newest active list of each kind. `cost` prices
 * non-warranty work inside the warranty period (三包期内非三包收费标准), `charged` market service
 * (市场服务收费标准). Either is null when no active list of that kind exists.
 */
export const activePriceLists = async (
  db: Executor,
): Promise<{ cost: PriceListRow | null; charged: PriceListRow | null }> => {
  const rows = await db
    .selectDistinctOn([priceLists.kind])
    .from(priceLists)
    .where(eq(priceLists.active, true))
    .orderBy(priceLists.kind, desc(priceLists.createdAt), desc(priceLists.id));
  return {
    cost: rows.find((r) => r.kind === 'warranty_period') ?? null,
    charged: rows.find((r) => r.kind === 'market') ?? null,
  };
};
