import { and, desc, eq, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { reportRuns, reportSubscriptions, roles, users } from '../../db/schema/index.ts';

export type RunRow = typeof reportRuns.$inferSelect;

/**
 * Claims (kind, period): the insert succeeds for exactly one caller however many workers try at once
 * (the unique key). A run that failed, or that has been "running" longer than `staleBefore` (its
 * worker died), is taken over by the next caller; a finished one only when `rerun` is asked for, and
 * then its subscribers are not told again (`notify` false).
 */
export const claimRun = async (
  db: Executor,
  k: { kind: string; period: string; now: Date; staleBefore: Date; rerun: boolean },
): Promise<{ run: RunRow; notify: boolean } | null> => {
  const [fresh] = await db
    .insert(reportRuns)
    .values({ kind: k.kind, period: k.period, status: 'running', startedAt: k.now })
    .onConflictDoNothing()
    .returning();
  if (fresh) return { run: fresh, notify: true };
  const takeOver = async (when: SQL | undefined) =>
    (
      await db
        .update(reportRuns)
        .set({ status: 'running', startedAt: k.now, finishedAt: null, error: null })
        .where(and(eq(reportRuns.kind, k.kind), eq(reportRuns.period, k.period), when))
        .returning()
    )[0];
  const retried = await takeOver(
    or(
      eq(reportRuns.status, 'failed'),
      and(eq(reportRuns.status, 'running'), lt(reportRuns.startedAt, k.staleBefore)),
    ),
  );
  if (retried) return { run: retried, notify: true };
  const rerun = k.rerun ? await takeOver(eq(reportRuns.status, 'done')) : undefined;
  return rerun ? { run: rerun, notify: false } : null;
};

export const findRun = async (db: Executor, k: { kind: string; period: string }) =>
  (
    await db
      .select()
      .from(reportRuns)
      .where(and(eq(reportRuns.kind, k.kind), eq(reportRuns.period, k.period)))
  )[0] ?? null;

export const finishRun = (
  db: Executor,
  id: string,
  set: Partial<Pick<RunRow, 'status' | 'data' | 'finishedAt' | 'durationMs' | 'error' | 'emailedTo'>>,
) => db.update(reportRuns).set(set).where(eq(reportRuns.id, id)).returning();

const summary = {
  id: reportRuns.id,
  kind: reportRuns.kind,
  period: reportRuns.period,
  status: reportRuns.status,
  startedAt: reportRuns.startedAt,
  finishedAt: reportRuns.finishedAt,
  durationMs: reportRuns.durationMs,
  emailedTo: reportRuns.emailedTo,
  error: reportRuns.error,
};

export const listRuns = (db: Executor, kind: string | undefined, limit = 100) =>
  db
    .select(summary)
    .from(reportRuns)
    .where(kind ? eq(reportRuns.kind, kind) : undefined)
    .orderBy(desc(reportRuns.period), desc(reportRuns.startedAt))
    .limit(limit);

export const getRun = async (db: Executor, id: string) =>
  (await db.select().from(reportRuns).where(eq(reportRuns.id, id)))[0] ?? null;

export const subscriptionsOf = async (db: Executor, userId: string) =>
  (
    await db
      .select({ kind: reportSubscriptions.kind })
      .from(reportSubscriptions)
      .where(eq(reportSubscriptions.userId, userId))
      .orderBy(reportSubscriptions.kind)
  ).map((r) => r.kind);

/** Replaces the user's subscriptions with `kinds`. */
export const setSubscriptions = async (db: Executor, userId: string, kinds: string[], now: Date) => {
  await db
    .delete(reportSubscriptions)
    .where(
      and(
        eq(reportSubscriptions.userId, userId),
        kinds.length ? notInArray(reportSubscriptions.kind, kinds) : undefined,
      ),
    );
  if (kinds.length)
    await db
      .insert(reportSubscriptions)
      .values(kinds.map((kind) => ({ userId, kind, createdAt: now })))
      .onConflictDoNothing();
};

/** Subscribers who may still read reports company-wide: active, with report.read and the all scope. */
export const subscribers = (db: Executor, kind: string) =>
  db
    .select({ id: users.id, email: users.email })
    .from(reportSubscriptions)
    .innerJoin(users, eq(users.id, reportSubscriptions.userId))
    .innerJoin(roles, eq(roles.code, users.roleCode))
    .where(
      and(
        eq(reportSubscriptions.kind, kind),
        eq(users.active, true),
        eq(roles.scope, 'all'),
        sql`'report.read' = any(${roles.permissions})`,
      ),
    );
