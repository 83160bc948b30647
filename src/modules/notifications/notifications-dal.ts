import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notificationDeliveries, notifications, users, webhooks } from '../../db/schema/index.ts';

export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type WebhookRow = typeof webhooks.$inferSelect;

export const insertNotifications = async (db: Executor, rows: (typeof notifications.$inferInsert)[]) => {
  if (rows.length > 0) await db.insert(notifications).values(rows);
};

/** Returns the ids of the rows actually written: a row whose dedupe key exists already is skipped. */
export const insertDeliveries = async (db: Executor, rows: (typeof notificationDeliveries.$inferInsert)[]) =>
  rows.length === 0
    ? []
    : (
        await db
          .insert(notificationDeliveries)
          .values(rows)
          .onConflictDoNothing()
          .returning({ id: notificationDeliveries.id })
      ).map((r) => r.id);

export const emailsOf = (db: Executor, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([] as { id: string; email: string | null }[])
    : db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));

export const activeWebhooks = (db: Executor, kind: string) =>
  db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.active, true), sql`${kind} = any(${webhooks.events})`));

export const listFor = (db: Executor, userId: string, opts: { unreadOnly: boolean; limit: number }) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(opts.limit);

export const unreadCount = async (db: Executor, userId: string) =>
  Number(
    (
      await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    )[0]?.n ?? 0,
  );

export const markRead = (db: Executor, userId: string, ids: string[] | 'all', at: Date) =>
  db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    );

/** Takes one pending delivery for sending; a second worker gets null. */
export const claimDelivery = async (db: Executor, id: string) =>
  (
    await db
      .update(notificationDeliveries)
      .set({ status: 'sending', attempts: sql`${notificationDeliveries.attempts} + 1` })
      .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, 'pending')))
      .returning()
  )[0] ?? null;

export const finishDelivery = (db: Executor, id: string, patch: Partial<DeliveryRow>) =>
  db.update(notificationDeliveries).set(patch).where(eq(notificationDeliveries.id, id));

export const pendingDeliveryIds = async (db: Executor, olderThan: Date, limit: number) =>
  (
    await db
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(
        and(eq(notificationDeliveries.status, 'pending'), lt(notificationDeliveries.createdAt, olderThan)),
      )
      .orderBy(asc(notificationDeliveries.createdAt))
      .limit(limit)
  ).map((r) => r.id);

export const listDeliveries = (db: Executor, limit: number) =>
  db.select().from(notificationDeliveries).orderBy(desc(notificationDeliveries.createdAt)).limit(limit);

export const listWebhooks = (db: Executor) => db.select().from(webhooks).orderBy(asc(webhooks.name));

export const findWebhook = async (db: Executor, id: string) =>
  (await db.select().from(webhooks).where(eq(webhooks.id, id)))[0] ?? null;

export const insertWebhook = async (db: Executor, row: typeof webhooks.$inferInsert) =>
  (await db.insert(webhooks).values(row).returning())[0]!;
