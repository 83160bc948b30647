import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from './columns.ts';

// One Excel import: progress is stored so the UI can show it and so it survives a page reload.
export const importJobs = pgTable(
  'import_jobs',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    fileName: text('file_name'),
    // queued | running | done | failed
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    // Row-by-row report of rejected rows: [{row, field, message}], capped so a bad file cannot bloat the row.
    errors: jsonb('errors').notNull().default([]),
    message: text('message'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdBy, t.createdAt)],
);
