import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Small facts about the installation itself, e.g. which permissions the builtin roles already know,
// so start-up can grant newly added permissions without undoing an admin's edits.
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
