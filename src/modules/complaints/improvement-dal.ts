import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { complaints, improvementSuggestions, users } from '../../db/schema/index.ts';
import { OPEN_SUGGESTION_STATUSES } from '../../domain/complaints/improvement.ts';

// SQL of improvement suggestions (产品改进建议). They are internal work of R&D and quality: only staff
// with the whole company's scope reach them, so there is no dealer or customer filter here.

export type SuggestionRow = typeof improvementSuggestions.$inferSelect;
export type SuggestionWithNames = {
  suggestion: SuggestionRow;
  ownerName: string | null;
  complaintNumber: string | null;
};

const cols = {
  suggestion: improvementSuggestions,
  ownerName: sql<
    string | null
  >`(select display_name from ${users} u where u.id = ${improvementSuggestions.ownerUserId})`,
  complaintNumber: complaints.number,
};

const withNames = (db: Executor) =>
  db
    .select(cols)
    .from(improvementSuggestions)
    .leftJoin(complaints, eq(complaints.id, improvementSuggestions.complaintId));

export const insertSuggestion = async (db: Executor, row: typeof improvementSuggestions.$inferInsert) =>
  (await db.insert(improvementSuggestions).values(row).returning())[0]!;

export const findSuggestion = async (db: Executor, id: string) =>
  ((await withNames(db).where(eq(improvementSuggestions.id, id)))[0] as SuggestionWithNames | undefined) ??
  null;

export const lockSuggestion = async (db: Executor, id: string) =>
  (
    await db.select().from(improvementSuggestions).where(eq(improvementSuggestions.id, id)).for('update')
  )[0] ?? null;

export const updateSuggestion = async (db: Executor, id: string, patch: Partial<SuggestionRow>) =>
  (
    await db.update(improvementSuggestions).set(patch).where(eq(improvementSuggestions.id, id)).returning()
  )[0]!;

export const suggestionsOf = async (db: Executor, complaintId: string) =>
  (await withNames(db)
    .where(eq(improvementSuggestions.complaintId, complaintId))
    .orderBy(asc(improvementSuggestions.createdAt))) as SuggestionWithNames[];

export type SuggestionFilter = {
  statuses?: string[];
  targets?: string[];
  complaintId?: string;
  ownerUserId?: string;
  overdueAt?: Date;
  limit: number;
  offset: number;
};

export const listSuggestions = async (db: Executor, f: SuggestionFilter) => {
  const where = and(
    f.statuses?.length ? inArray(improvementSuggestions.status, f.statuses) : undefined,
    f.targets?.length ? inArray(improvementSuggestions.target, f.targets) : undefined,
    f.complaintId ? eq(improvementSuggestions.complaintId, f.complaintId) : undefined,
    f.ownerUserId ? eq(improvementSuggestions.ownerUserId, f.ownerUserId) : undefined,
    f.overdueAt
      ? and(
          inArray(improvementSuggestions.status, [...OPEN_SUGGESTION_STATUSES]),
          lt(improvementSuggestions.dueAt, f.overdueAt),
        )
      : undefined,
  );
  const [items, totals] = await Promise.all([
    withNames(db)
      .where(where)
      // Open work first, soonest due first; finished ones after, newest first.
      .orderBy(
        sql`case when ${improvementSuggestions.status} in ('open', 'in_progress') then 0 else 1 end`,
        sql`${improvementSuggestions.dueAt} asc nulls last`,
        desc(improvementSuggestions.createdAt),
      )
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(improvementSuggestions).where(where),
  ]);
  return { items: items as SuggestionWithNames[], total: Number(totals[0]?.n ?? 0) };
};
