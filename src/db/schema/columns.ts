import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared column sets. `version` backs optimistic concurrency: every update must name the version it read.
export const idColumn = () => uuid('id').primaryKey().defaultRandom();
export const tsColumns = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export const versionColumn = () => integer('version').notNull().default(1);
