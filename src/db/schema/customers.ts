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
import { dealers } from './org.ts';

// 客户档案. Never hard-deleted: closed customers are archived (status) and keep their history.
export const customers = pgTable(
  'customers',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    // existing | new | potential | competitor | partner | institute (SPEC §2.1)
    kind: text('kind').notNull(),
    // A important, B large with credit problems, C ordinary/new, D bad credit: drives service priority.
    grade: text('grade').notNull(),
    dealerId: uuid('dealer_id').references(() => dealers.id),
    region: text('region'),
    address: text('address'),
    phone: text('phone'),
    industry: text('industry'),
    // The archive owner: their department head co-approves archive-access requests.
    ownerUserId: uuid('owner_user_id'),
    status: text('status').notNull().default('active'),
    // operating | bankrupt | closed: set by people; the half-yearly review archives the latter two.
    businessStatus: text('business_status').notNull().default('operating'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedReason: text('archived_reason'),
    // Orders/contracts completed; the half-yearly review turns a new customer with ≥ 2 into existing.
    completedCooperations: integer('completed_cooperations').notNull().default(0),
    lastReview: jsonb('last_review'),
    notes: text('notes'),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('customers_code_uq').on(t.code),
    index('customers_dealer_idx').on(t.dealerId),
    index('customers_name_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    index('customers_phone_idx').on(t.phone),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: idColumn(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    primary: boolean('primary').notNull().default(false),
    ...tsColumns(),
  },
  (t) => [
    index('customer_contacts_customer_idx').on(t.customerId),
    index('customer_contacts_phone_idx').on(t.phone),
  ],
);
