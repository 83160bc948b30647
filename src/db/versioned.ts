import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound, versionConflict } from '../platform/errors.ts';
import type { Executor } from './client.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Optimistic concurrency in one statement: the row changes only if it still has the version the
 * client read; otherwise 409 (or 404 when it is gone), never a silent overwrite.
 */
export const updateVersioned = async <T extends VersionedTable>(
  db: Executor,
  opts: { table: T; entity: string; id: string; version: number; patch: Record<string, unknown>; at: Date },
): Promise<T['$inferSelect']> => {
  const { table, id, version } = opts;
  const rows = (await db
    .update(table as PgTable)
    .set({ ...opts.patch, version: sql`${table.version} + 1`, updatedAt: opts.at } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as unknown as T['$inferSelect'][];
  if (rows.length > 0) return rows[0] as T['$inferSelect'];
  const current = (await db
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id))) as unknown as {
    version: number;
  }[];
  if (current.length === 0) throw notFound(opts.entity, id);
  throw versionConflict(opts.entity, id, current[0]!.version);
};

/** Drops keys whose value is undefined, so a PATCH changes only what it names. */
export const definedOnly = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
