import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, tsColumns, versionColumn } from './columns.ts';
import { dealers, departments, serviceCentres } from './org.ts';

// Roles are data so admins can add custom ones; builtin roles (SPEC §1) are seeded and cannot be removed.
export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  description: text('description'),
  // Data scope applied in SQL: all | dealer (own dealer's records) | customer (own customer's records).
  scope: text('scope').notNull().default('all'),
  permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
  builtin: boolean('builtin').notNull().default(false),
  version: versionColumn(),
  ...tsColumns(),
});

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    departmentId: uuid('department_id').references(() => departments.id),
    serviceCentreId: uuid('service_centre_id').references(() => serviceCentres.id),
    dealerId: uuid('dealer_id').references(() => dealers.id),
    // Set for customer-portal users; the customers table arrives with the customer archive.
    customerId: uuid('customer_id'),
    email: text('email'),
    phone: text('phone'),
    locale: text('locale').notNull().default('zh-CN'),
    active: boolean('active').notNull().default(true),
    // Lockout after repeated failures is kept in the database so it holds across app processes.
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_dealer_idx').on(t.dealerId),
    index('users_customer_idx').on(t.customerId),
    index('users_role_idx').on(t.roleCode),
  ],
);

// Opaque bearer tokens: only a SHA-256 of the token is stored, so a database leak yields no usable tokens.
export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

// Failed logins per account and client (IP), kept as rows so every app process sees the same counts.
// A client's own failures give it a growing wait (progressive delay); the rows of all clients of one
// account within the window decide the account-wide lock (many failures from many sources).
export const loginThrottles = pgTable(
  'login_throttles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    client: text('client').notNull(),
    failures: integer('failures').notNull(),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.client] }),
    index('login_throttles_user_last_idx').on(t.userId, t.lastFailedAt),
  ],
);
