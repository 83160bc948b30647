import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { parts, stockLevels, stockLocations, stockMoves, users } from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';
import { locationScope } from './parts-dal.ts';

const isLow = sql<boolean>`(${stockLevels.onHand} - ${stockLevels.reserved}) <= ${stockLevels.minQty}`;

const levelColumns = {
  id: stockLevels.id,
  partId: stockLevels.partId,
  partCode: parts.code,
  partName: parts.name,
  unit: parts.unit,
  wear: parts.wear,
  consumable: parts.consumable,
  locationId: stockLevels.locationId,
  locationCode: stockLocations.code,
  locationName: stockLocations.name,
  locationKind: stockLocations.kind,
  onHand: stockLevels.onHand,
  reserved: stockLevels.reserved,
  minQty: stockLevels.minQty,
  updatedAt: stockLevels.updatedAt,
};

export type LevelView = {
  id: string;
  partId: string;
  partCode: string;
  partName: string;
  unit: string;
  wear: boolean;
  consumable: boolean;
  locationId: string;
  locationCode: string;
  locationName: string;
  locationKind: string;
  onHand: number;
  reserved: number;
  minQty: number;
  updatedAt: Date;
};

const levelQuery = (db: Executor) =>
  db
    .select(levelColumns)
    .from(stockLevels)
    .innerJoin(parts, eq(parts.id, stockLevels.partId))
    .innerJoin(stockLocations, eq(stockLocations.id, stockLevels.locationId));

type LevelFilter = { scope: ScopeFilter; partId?: string; locationId?: string; low?: boolean; q?: string };

const levelWhere = (f: LevelFilter): SQL | undefined => {
  const like = f.q?.trim() ? containsPattern(f.q.trim()) : null;
  return and(
    locationScope(f.scope),
    f.partId ? eq(stockLevels.partId, f.partId) : undefined,
    f.locationId ? eq(stockLevels.locationId, f.locationId) : undefined,
    f.low === undefined ? undefined : f.low ? isLow : sql`not ${isLow}`,
    like ? or(ilike(parts.code, like), ilike(parts.name, like)) : undefined,
  );
};

export const listLevels = async (db: Executor, f: LevelFilter & { limit: number; offset: number }) => {
  const where = levelWhere(f);
  const [items, totals] = await Promise.all([
    levelQuery(db)
      .where(where)
      // Rows that need replenishing first, then by store and part.
      .orderBy(desc(isLow), stockLocations.code, parts.code)
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(stockLevels)
      .innerJoin(parts, eq(parts.id, stockLevels.partId))
      .innerJoin(stockLocations, eq(stockLocations.id, stockLevels.locationId))
      .where(where),
  ]);
  return { items: items as LevelView[], total: Number(totals[0]?.n ?? 0) };
};

export const countLow = async (db: Executor, scope: ScopeFilter) =>
  Number(
    (
      await db
        .select({ n: count() })
        .from(stockLevels)
        .innerJoin(stockLocations, eq(stockLocations.id, stockLevels.locationId))
        .where(and(locationScope(scope), isLow, eq(stockLocations.active, true)))
    )[0]?.n ?? 0,
  );

export const findLevel = async (
  db: Executor,
  partId: string,
  locationId: string,
): Promise<LevelView | null> =>
  ((
    await levelQuery(db).where(and(eq(stockLevels.partId, partId), eq(stockLevels.locationId, locationId)))
  )[0] as LevelView | undefined) ?? null;

/** Sets the warning threshold, creating an empty level row for a part not stocked there yet. */
export const upsertMinQty = async (
  db: Executor,
  row: { partId: string; locationId: string; minQty: number; at: Date },
) => {
  await db
    .insert(stockLevels)
    .values({ partId: row.partId, locationId: row.locationId, minQty: row.minQty, updatedAt: row.at })
    .onConflictDoUpdate({
      target: [stockLevels.partId, stockLevels.locationId],
      set: { minQty: row.minQty, updatedAt: row.at, version: sql`${stockLevels.version} + 1` },
    });
};

// ── ledger ──────────────────────────────────────────────────────────────────────────────────────

const fromLoc = alias(stockLocations, 'from_loc');
const toLoc = alias(stockLocations, 'to_loc');

export const listMoves = async (
  db: Executor,
  f: {
    scope: ScopeFilter;
    partId?: string;
    locationId?: string;
    kind?: string;
    workOrderId?: string;
    limit: number;
    offset: number;
  },
) => {
  // A dealer sees moves into or out of its own stores.
  const scoped =
    f.scope.kind === 'all'
      ? undefined
      : sql`(${stockMoves.fromLocationId} in (select id from ${stockLocations} where ${locationScope(f.scope)})
          or ${stockMoves.toLocationId} in (select id from ${stockLocations} where ${locationScope(f.scope)}))`;
  const where = and(
    scoped,
    f.partId ? eq(stockMoves.partId, f.partId) : undefined,
    f.locationId
      ? or(eq(stockMoves.fromLocationId, f.locationId), eq(stockMoves.toLocationId, f.locationId))
      : undefined,
    f.kind ? eq(stockMoves.kind, f.kind) : undefined,
    f.workOrderId ? eq(stockMoves.workOrderId, f.workOrderId) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select({
        move: stockMoves,
        partCode: parts.code,
        partName: parts.name,
        fromLocationName: fromLoc.name,
        toLocationName: toLoc.name,
        createdByName: users.displayName,
      })
      .from(stockMoves)
      .innerJoin(parts, eq(parts.id, stockMoves.partId))
      .leftJoin(fromLoc, eq(fromLoc.id, stockMoves.fromLocationId))
      .leftJoin(toLoc, eq(toLoc.id, stockMoves.toLocationId))
      .leftJoin(users, eq(users.id, stockMoves.createdBy))
      .where(where)
      .orderBy(desc(stockMoves.createdAt), desc(stockMoves.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(stockMoves).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
};
