import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tsColumns, versionColumn } from './columns.ts';
import { customers } from './customers.ts';

// 查询客户档案申请单 [seed 002 GK-03 (五)]: applicant, reason, signed by the applicant's department head
// and the head of the department that keeps the archive.
export const archiveAccessRequests = pgTable(
  'archive_access_requests',
  {
    id: idColumn(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    applicantId: uuid('applicant_id').notNull(),
    reason: text('reason').notNull(),
    // pending | approved | rejected
    status: text('status').notNull().default('pending'),
    // Who must sign, fixed when the request is filed so later org changes do not move it.
    applicantHeadId: uuid('applicant_head_id'),
    ownerHeadId: uuid('owner_head_id'),
    // [{role: 'applicant_head'|'owner_head', userId, decision, note, at}]
    decisions: jsonb('decisions').notNull().default([]),
    // An approval opens the archive for a limited time only.
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    index('archive_requests_customer_idx').on(t.customerId, t.applicantId),
    index('archive_requests_status_idx').on(t.status),
  ],
);

// 查询登记 [seed 002 GK-03 (六)]: date, what was viewed, who. Append-only (trigger).
export const archiveAccessLog = pgTable(
  'archive_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name'),
    customerId: uuid('customer_id').notNull(),
    what: text('what').notNull(),
    // How access was granted: own_department | owner | dealer | customer | admin | request
    basis: text('basis').notNull(),
    requestId: uuid('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('archive_log_customer_idx').on(t.customerId, t.id),
    index('archive_log_user_idx').on(t.userId, t.id),
  ],
);
