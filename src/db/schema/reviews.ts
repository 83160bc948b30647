import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from './columns.ts';

// One row per half-year review: the unique period makes the scheduled run happen once however many
// app processes try, and the changes are what each archive owner is shown.
export const customerReviews = pgTable(
  'customer_reviews',
  {
    id: idColumn(),
    period: text('period').notNull(),
    // scheduled | manual
    trigger: text('trigger').notNull(),
    startedBy: uuid('started_by'),
    // [{customerId, ownerUserId, customerName, change, from, to, clause, message, messageEn}]
    changes: jsonb('changes').notNull().default([]),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('customer_reviews_period_uq').on(t.period),
    index('customer_reviews_ran_idx').on(t.ranAt),
  ],
);
