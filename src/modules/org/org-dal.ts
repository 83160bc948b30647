import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { dealers, departments, serviceCentres, users } from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

// Departments, service centres and dealers share one shape of access: list/search, get, insert.
export const ORG_TABLES = {
  department: { table: departments, search: [departments.code, departments.name, departments.nameEn] },
  service_centre: {
    table: serviceCentres,
    search: [serviceCentres.code, serviceCentres.name, serviceCentres.region],
  },
  dealer: { table: dealers, search: [dealers.code, dealers.name, dealers.contactName, dealers.phone] },
} as const;

export type OrgEntity = keyof typeof ORG_TABLES;
type OrgTable = (typeof ORG_TABLES)[OrgEntity]['table'];
export type OrgRow<E extends OrgEntity> = (typeof ORG_TABLES)[E]['table']['$inferSelect'];

/**
 * Company units are visible to every internal and dealer user; a dealer user sees only its own dealer
 * row; customer users see none of them.
 */
const scopeWhere = (entity: OrgEntity, scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      if (entity !== 'dealer') return undefined;
      return scope.dealerId ? eq(dealers.id, scope.dealerId) : sql`false`;
    case 'customer':
      return sql`false`;
  }
};

export const listOrg = async <E extends OrgEntity>(
  db: Executor,
  entity: E,
  opts: { scope: ScopeFilter; q?: string; active?: boolean; limit: number; offset: number },
): Promise<{ items: OrgRow<E>[]; total: number }> => {
  const { table, search } = ORG_TABLES[entity] as { table: OrgTable; search: readonly PgColumn[] };
  const like = opts.q ? containsPattern(opts.q) : null;
  const where = and(
    scopeWhere(entity, opts.scope),
    like ? or(...search.map((c) => ilike(c, like))) : undefined,
    opts.active === undefined ? undefined : eq(table.active, opts.active),
  );
  const [items, totals] = await Promise.all([
    db.select().from(table).where(where).orderBy(asc(table.code)).limit(opts.limit).offset(opts.offset),
    db.select({ n: count() }).from(table).where(where),
  ]);
  return { items: items as OrgRow<E>[], total: Number(totals[0]?.n ?? 0) };
};

export const findOrg = async <E extends OrgEntity>(
  db: Executor,
  entity: E,
  id: string,
  scope: ScopeFilter,
) => {
  const table = ORG_TABLES[entity].table as OrgTable;
  const rows = await db
    .select()
    .from(table)
    .where(and(eq(table.id, id), scopeWhere(entity, scope)));
  return (rows[0] as OrgRow<E> | undefined) ?? null;
};

export const codeTaken = async (db: Executor, entity: OrgEntity, code: string) => {
  const table = ORG_TABLES[entity].table as OrgTable;
  return (await db.select({ id: table.id }).from(table).where(eq(table.code, code))).length > 0;
};

export const insertOrg = async <E extends OrgEntity>(
  db: Executor,
  entity: E,
  row: Record<string, unknown>,
) => {
  const table = ORG_TABLES[entity].table as OrgTable;
  return (
    await db
      .insert(table)
      .values(row as never)
      .returning()
  )[0] as OrgRow<E>;
};

// References that have no foreign key (they would make the org and user tables depend on each other).
const REFS = { parentId: departments, headUserId: users } as const;

/** The first reference field in `input` that points at a missing row, or null. */
export const missingReference = async (
  db: Executor,
  input: Record<string, unknown>,
): Promise<string | null> => {
  for (const [field, table] of Object.entries(REFS)) {
    const id = input[field];
    if (typeof id !== 'string') continue;
    const rows = await db.select({ id: table.id }).from(table).where(eq(table.id, id));
    if (rows.length === 0) return field;
  }
  return null;
};

/** Ids by code of one kind of unit, for the codes that exist (an import resolves its sheet's codes). */
export const orgIdsByCode = async (db: Executor, entity: OrgEntity, codes: string[]) => {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map<string, string>();
  const table = ORG_TABLES[entity].table as OrgTable;
  const rows = await db
    .select({ id: table.id, code: table.code })
    .from(table)
    .where(inArray(table.code, unique));
  return new Map(rows.map((r) => [r.code, r.id]));
};

/** Names by id of one kind of unit (the names other modules show beside their own rows). */
export const orgNames = async (db: Executor, entity: OrgEntity, ids: (string | null)[]) => {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map<string, string>();
  const table = ORG_TABLES[entity].table as OrgTable;
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Codes by id of every unit of one kind (exports write the code, which an import reads back). */
export const orgCodes = async (db: Executor, entity: OrgEntity) => {
  const table = ORG_TABLES[entity].table as OrgTable;
  const rows = await db.select({ id: table.id, code: table.code }).from(table);
  return new Map(rows.map((r) => [r.id, r.code]));
};
