import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { productModels, warrantyPolicies } from '../../db/schema/assets.ts';

export type PolicyRow = typeof warrantyPolicies.$inferSelect;
export type ModelRow = typeof productModels.$inferSelect;

export const listCurrentPolicies = (db: Executor) =>
  db
    .select()
    .from(warrantyPolicies)
    .where(isNull(warrantyPolicies.supersededAt))
    .orderBy(asc(warrantyPolicies.name));

export const findPolicy = async (db: Executor, id: string) =>
  (await db.select().from(warrantyPolicies).where(eq(warrantyPolicies.id, id)))[0] ?? null;

export const policyVersions = (db: Executor, policyKey: string) =>
  db
    .select()
    .from(warrantyPolicies)
    .where(eq(warrantyPolicies.policyKey, policyKey))
    .orderBy(desc(warrantyPolicies.version));

/** The newest version of the family a policy id belongs to: what a new sale gets. */
export const currentVersionOf = async (db: Executor, policyId: string) => {
  const rows = await db
    .select()
    .from(warrantyPolicies)
    .where(
      and(
        isNull(warrantyPolicies.supersededAt),
        eq(
          warrantyPolicies.policyKey,
          sql`(select policy_key from warranty_policies where id = ${policyId})`,
        ),
      ),
    );
  return rows[0] ?? null;
};

export const insertPolicy = async (db: Executor, row: typeof warrantyPolicies.$inferInsert) =>
  (await db.insert(warrantyPolicies).values(row).returning())[0]!;

/** Marks a version superseded only if it still is the current one (one statement, so two editors cannot both win). */
export const supersede = async (db: Executor, id: string, at: Date) =>
  (
    await db
      .update(warrantyPolicies)
      .set({ supersededAt: at })
      .where(and(eq(warrantyPolicies.id, id), isNull(warrantyPolicies.supersededAt)))
      .returning({ id: warrantyPolicies.id })
  ).length === 1;

export const listModels = async (
  db: Executor,
  q: { q?: string; category?: string; limit: number; offset: number },
) => {
  const like = q.q ? containsPattern(q.q) : null;
  const where = and(
    like ? or(ilike(productModels.code, like), ilike(productModels.name, like)) : undefined,
    q.category ? eq(productModels.category, q.category) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(productModels)
      .where(where)
      .orderBy(asc(productModels.code))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(productModels).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
};

export const findModel = async (db: Executor, id: string) =>
  (await db.select().from(productModels).where(eq(productModels.id, id)))[0] ?? null;

export const modelCodeTaken = async (db: Executor, code: string) =>
  (await db.select({ id: productModels.id }).from(productModels).where(eq(productModels.code, code))).length >
  0;

export const insertModel = async (db: Executor, row: typeof productModels.$inferInsert) =>
  (await db.insert(productModels).values(row).returning())[0]!;

/** Model ids by code, for the codes that exist (an import resolves its sheet's model codes). */
export const modelIdsByCode = async (db: Executor, codes: string[]) => {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: productModels.id, code: productModels.code })
    .from(productModels)
    .where(inArray(productModels.code, unique));
  return new Map(rows.map((r) => [r.code, r.id]));
};

export const findModelsByIds = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as ModelRow[])
    : db
        .select()
        .from(productModels)
        .where(inArray(productModels.id, [...new Set(ids)]));

export const findPoliciesByIds = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as PolicyRow[])
    : db
        .select()
        .from(warrantyPolicies)
        .where(inArray(warrantyPolicies.id, [...new Set(ids)]));

/** For each policy version id: the current (not superseded) version of the same policy, if any. */
export const currentVersionsOf = async (db: Executor, policyIds: string[]) => {
  const given = await findPoliciesByIds(db, policyIds);
  const keys = [...new Set(given.map((p) => p.policyKey))];
  const current =
    keys.length === 0
      ? []
      : await db
          .select()
          .from(warrantyPolicies)
          .where(and(isNull(warrantyPolicies.supersededAt), inArray(warrantyPolicies.policyKey, keys)));
  const byKey = new Map(current.map((p) => [p.policyKey, p]));
  return new Map(
    given.flatMap((p) => (byKey.has(p.policyKey) ? [[p.id, byKey.get(p.policyKey)!] as const] : [])),
  );
};
