import { and, asc, count, desc, eq, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { returnEvents, returnPickupCities, returnRequests } from '../../db/schema/returns.ts';
import { scopeWhere } from '../../db/scope.ts';
import { OPEN_RETURN_STATUSES, type ReturnStatus } from '../../domain/returns/return-status.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

// All SQL of return requests (退换货). The data scope is in every WHERE clause: a dealer sees the
// requests on its units and customers, a customer its own.

export type ReturnRow = typeof returnRequests.$inferSelect;
export type ReturnEventRow = typeof returnEvents.$inferSelect;

const scoped = (s: ScopeFilter) =>
  scopeWhere(s, {
    dealer: (id) => eq(returnRequests.dealerId, id),
    customer: (id) => eq(returnRequests.customerId, id),
  });

export const nextReturnSeq = async (db: Executor) => {
  const r = (await db.execute(sql`select nextval('return_number_seq') as n`)) as unknown as {
    rows: { n: string }[];
  };
  return Number(r.rows[0]!.n);
};

export const insertReturn = async (db: Executor, row: typeof returnRequests.$inferInsert) =>
  (await db.insert(returnRequests).values(row).returning())[0]!;

export const findReturn = async (db: Executor, id: string, scope: ScopeFilter) =>
  (
    await db
      .select()
      .from(returnRequests)
      .where(and(eq(returnRequests.id, id), scoped(scope)))
  )[0] ?? null;

/** The row locked for a step, so two steps on one request never interleave. */
export const lockReturn = async (db: Executor, id: string, scope: ScopeFilter) =>
  (
    await db
      .select()
      .from(returnRequests)
      .where(and(eq(returnRequests.id, id), scoped(scope)))
      .for('update')
  )[0] ?? null;

export const updateReturn = async (db: Executor, id: string, patch: Partial<ReturnRow>) =>
  (
    await db
      .update(returnRequests)
      .set({ ...patch, version: sql`${returnRequests.version} + 1` })
      .where(eq(returnRequests.id, id))
      .returning()
  )[0]!;

/** The alert schedule only: not an edit of the request, so its version stays. */
export const setAlerts = async (db: Executor, id: string, fired: string[], nextAlertAt: Date | null) => {
  await db.update(returnRequests).set({ alertsFired: fired, nextAlertAt }).where(eq(returnRequests.id, id));
};

export type ReturnListFilter = {
  q?: string;
  status?: ReturnStatus;
  open?: boolean;
  customerId?: string;
  assetId?: string;
  limit: number;
  offset: number;
};

/** The queue: open requests first by their next deadline; closed ones after, newest first. */
export const listReturns = async (db: Executor, scope: ScopeFilter, f: ReturnListFilter) => {
  const conds: (SQL | undefined)[] = [scoped(scope)];
  if (f.status) conds.push(eq(returnRequests.status, f.status));
  if (f.open === true) conds.push(inArray(returnRequests.status, [...OPEN_RETURN_STATUSES]));
  if (f.open === false) conds.push(sql`${returnRequests.status} not in ${[...OPEN_RETURN_STATUSES]}`);
  if (f.customerId) conds.push(eq(returnRequests.customerId, f.customerId));
  if (f.assetId) conds.push(eq(returnRequests.assetId, f.assetId));
  if (f.q) {
    const p = containsPattern(f.q);
    conds.push(
      or(
        ilike(returnRequests.number, p),
        ilike(returnRequests.customerName, p),
        ilike(returnRequests.serialNo, p),
      ),
    );
  }
  const where = and(...conds);
  const [items, total] = await Promise.all([
    db
      .select()
      .from(returnRequests)
      .where(where)
      .orderBy(
        sql`${returnRequests.nextDueAt} is null`,
        asc(returnRequests.nextDueAt),
        desc(returnRequests.submittedAt),
      )
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(returnRequests).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
};

export const insertEvents = async (db: Executor, rows: (typeof returnEvents.$inferInsert)[]) => {
  if (rows.length > 0) await db.insert(returnEvents).values(rows);
};

export const eventsOf = (db: Executor, returnId: string) =>
  db.select().from(returnEvents).where(eq(returnEvents.returnId, returnId)).orderBy(asc(returnEvents.seq));

/** Requests whose next alert is due, claimed so that several workers never send one twice. */
export const claimAlerts = async (db: Executor, now: Date, limit: number) =>
  db
    .select()
    .from(returnRequests)
    .where(and(sql`${returnRequests.nextAlertAt} is not null`, lte(returnRequests.nextAlertAt, now)))
    .orderBy(asc(returnRequests.nextAlertAt))
    .limit(limit)
    .for('update', { skipLocked: true });

export const pickupCities = async (db: Executor) =>
  (
    await db
      .select({ city: returnPickupCities.city })
      .from(returnPickupCities)
      .orderBy(asc(returnPickupCities.city))
  ).map((r) => r.city);

export const isPickupCity = async (db: Executor, city: string) =>
  (
    await db
      .select({ city: returnPickupCities.city })
      .from(returnPickupCities)
      .where(eq(returnPickupCities.city, city))
  ).length > 0;

export const replacePickupCities = async (db: Executor, cities: string[]) => {
  await db.delete(returnPickupCities);
  if (cities.length > 0) await db.insert(returnPickupCities).values(cities.map((city) => ({ city })));
};
