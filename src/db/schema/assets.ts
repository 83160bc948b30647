import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
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
import { customers } from './customers.ts';
import { dealers } from './org.ts';

// 保修政策. Each row is one version; editing adds a row with the same policy_key and version + 1, so
// an asset keeps the exact terms it was sold under.
export const warrantyPolicies = pgTable(
  'warranty_policies',
  {
    id: idColumn(),
    policyKey: uuid('policy_key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    startBasis: text('start_basis').notNull(),
    months: integer('months').notNull(),
    hoursLimit: integer('hours_limit'),
    plans: jsonb('plans').notNull().default(sql`'[]'::jsonb`),
    weightHourLimits: jsonb('weight_hour_limits').notNull().default(sql`'[]'::jsonb`),
    attachmentHourReductions: jsonb('attachment_hour_reductions').notNull().default(sql`'{}'::jsonb`),
    partMonths: integer('part_months').notNull().default(12),
    // Clause reference per rule code, e.g. { "wear_part": "4.2.2" }, cited by every decision.
    clauses: jsonb('clauses').notNull().default(sql`'{}'::jsonb`),
    // Software service tiers: free-for-life items, first-year free items, annual fee rate after.
    serviceTiers: jsonb('service_tiers'),
    exclusions: jsonb('exclusions').notNull().default(sql`'[]'::jsonb`),
    // Set when a newer version replaces this one.
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('warranty_policies_key_version_uq').on(t.policyKey, t.version)],
);

export const productModels = pgTable(
  'product_models',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    operatingWeightT: doublePrecision('operating_weight_t'),
    listPriceFen: integer('list_price_fen'),
    // Any version of the policy family; new assets take the family's newest version.
    warrantyPolicyId: uuid('warranty_policy_id')
      .notNull()
      .references(() => warrantyPolicies.id),
    hoursLimitOverride: integer('hours_limit_override'),
    wearParts: text('wear_parts').array().notNull().default(sql`'{}'::text[]`),
    consumables: text('consumables').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('product_models_code_uq').on(t.code)],
);

// 设备 / installed base.
export const assets = pgTable(
  'assets',
  {
    id: idColumn(),
    serialNo: text('serial_no').notNull(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => productModels.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    // Selling dealer; its users see this asset.
    dealerId: uuid('dealer_id').references(() => dealers.id),
    // The exact policy version the unit was sold under.
    warrantyPolicyId: uuid('warranty_policy_id')
      .notNull()
      .references(() => warrantyPolicies.id),
    soldAt: timestamp('sold_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    invoiceAt: timestamp('invoice_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    plan: text('plan'),
    attachments: text('attachments').array().notNull().default(sql`'{}'::text[]`),
    specialTerms: jsonb('special_terms'),
    specialPrice: boolean('special_price').notNull().default(false),
    secondHand: boolean('second_hand').notNull().default(false),
    // 三包回执卡: without it, the completion date starts the warranty [seed 001].
    warrantyCardReturnedAt: timestamp('warranty_card_returned_at', { withTimezone: true }),
    location: text('location'),
    notes: text('notes'),
    // Denormalised from meter_readings so lists and forecasts need no aggregate.
    latestHours: doublePrecision('latest_hours'),
    latestReadAt: timestamp('latest_read_at', { withTimezone: true }),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('assets_serial_uq').on(t.serialNo),
    // Prefix search on serial numbers, case-insensitive.
    index('assets_serial_prefix_idx').on(sql`lower(${t.serialNo}) text_pattern_ops`),
    index('assets_customer_idx').on(t.customerId),
    index('assets_dealer_idx').on(t.dealerId),
    index('assets_model_idx').on(t.modelId),
  ],
);

export const meterReadings = pgTable(
  'meter_readings',
  {
    id: idColumn(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    hours: doublePrecision('hours').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
    source: text('source').notNull().default('manual'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meter_readings_asset_idx').on(t.assetId, t.readAt)],
);

// GPS tampering voids the warranty; a replaced part starts its own warranty; repairs count toward a
// 三包 replacement; maintenance marks a periodic inspection done.
export const assetEvents = pgTable(
  'asset_events',
  {
    id: idColumn(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    partCode: text('part_code'),
    // repair: the fault repaired (counted by the 三包 replacement rule); maintenance: the meter reading.
    faultCode: text('fault_code'),
    hours: doublePrecision('hours'),
    // Who recorded it: a work order or a return records its own; null when entered by hand.
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('asset_events_asset_idx').on(t.assetId, t.at),
    uniqueIndex('asset_events_source_uq')
      .on(t.sourceType, t.sourceId, t.kind)
      .where(sql`source_id is not null`),
  ],
);
