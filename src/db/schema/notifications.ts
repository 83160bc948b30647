import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, tsColumns, versionColumn } from './columns.ts';

// In-app notifications (the bell).
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    ticketId: uuid('ticket_id'),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

// Outbox for e-mail and robot webhooks: written in the transaction that decides to notify, delivered
// by a job. The dedupe key makes a second writer's row a no-op, so nothing is sent twice.
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: idColumn(),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    payload: jsonb('payload'),
    dedupeKey: text('dedupe_key').notNull(),
    // pending | sending | sent | failed
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_dedupe_uq').on(t.dedupeKey),
    index('notification_deliveries_pending_idx').on(t.createdAt).where(sql`status = 'pending'`),
  ],
);

// WeCom (企业微信) / DingTalk (钉钉) group robots that receive escalations.
export const webhooks = pgTable('webhooks', {
  id: idColumn(),
  name: text('name').notNull(),
  // wecom | dingtalk
  kind: text('kind').notNull(),
  url: text('url').notNull(),
  // Which notification kinds go to this robot, e.g. ["escalation"].
  events: text('events').array().notNull().default(sql`'{escalation}'::text[]`),
  active: boolean('active').notNull().default(true),
  version: versionColumn(),
  ...tsColumns(),
});
