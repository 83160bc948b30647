import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
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
import { dealers, serviceCentres } from './org.ts';

// 备件目录: spare parts, wear parts (易损件) and consumables (耗材). Money in integer fen.
export const parts = pgTable(
  'parts',
  {
    id: idColumn(),
    // The code product models list in wearParts/consumables and asset events name in partCode.
    code: text('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default('件'),
    wear: boolean('wear').notNull().default(false),
    consumable: boolean('consumable').notNull().default(false),
    // Serialised parts carry a serial number on the removed and the fitted unit.
    serialised: boolean('serialised').notNull().default(false),
    costFen: bigint('cost_fen', { mode: 'number' }).notNull(),
    listFen: bigint('list_fen', { mode: 'number' }).notNull(),
    supplier: text('supplier'),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('parts_code_uq').on(t.code), index('parts_name_idx').on(t.name)],
);

// Where stock is kept: the company store, a service centre or a dealer.
export const stockLocations = pgTable(
  'stock_locations',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    // company | centre | dealer
    kind: text('kind').notNull(),
    serviceCentreId: uuid('service_centre_id').references(() => serviceCentres.id),
    dealerId: uuid('dealer_id').references(() => dealers.id),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('stock_locations_code_uq').on(t.code),
    index('stock_locations_dealer_idx').on(t.dealerId),
  ],
);

// Stock of one part at one location. The checks make a negative or over-reserved stock impossible
// even when two orders race for the last unit: the losing UPDATE matches no row.
export const stockLevels = pgTable(
  'stock_levels',
  {
    id: idColumn(),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    onHand: integer('on_hand').notNull().default(0),
    // Held for work orders that have not used the part yet.
    reserved: integer('reserved').notNull().default(0),
    // Low-stock warning threshold (安全库存).
    minQty: integer('min_qty').notNull().default(0),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('stock_levels_part_location_uq').on(t.partId, t.locationId),
    index('stock_levels_location_idx').on(t.locationId),
    check('stock_levels_on_hand_ck', sql`${t.onHand} >= 0`),
    check('stock_levels_reserved_ck', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);

// Every stock change as a ledger row, so the level can be explained and audited.
export const stockMoves = pgTable(
  'stock_moves',
  {
    id: idColumn(),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id),
    // receive | transfer | reserve | release | consume | adjust | old_part_in
    kind: text('kind').notNull(),
    fromLocationId: uuid('from_location_id').references(() => stockLocations.id),
    toLocationId: uuid('to_location_id').references(() => stockLocations.id),
    quantity: integer('quantity').notNull(),
    workOrderId: uuid('work_order_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_moves_part_idx').on(t.partId, t.createdAt),
    index('stock_moves_work_order_idx').on(t.workOrderId),
  ],
);

// 经销商备件储备计划: filed 30 days before the selling season (SPEC §2.9).
export const stockingPlans = pgTable(
  'stocking_plans',
  {
    id: idColumn(),
    dealerId: uuid('dealer_id')
      .notNull()
      .references(() => dealers.id),
    season: text('season').notNull(),
    seasonStart: date('season_start').notNull(),
    // seasonStart − 30 days: a plan submitted after it is late.
    dueOn: date('due_on').notNull(),
    // draft | submitted | approved
    status: text('status').notNull().default('draft'),
    lines: jsonb('lines').notNull().default(sql`'[]'::jsonb`),
    note: text('note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('stocking_plans_dealer_season_uq').on(t.dealerId, t.season),
    index('stocking_plans_due_idx').on(t.status, t.dueOn),
  ],
);

// 价格表: e.g. "三包期内非三包收费标准 V1-2021" (kind warranty_period) and "市场服务收费标准 V1-2021" (market).
export const priceLists = pgTable(
  'price_lists',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    // warranty_period: charges for non-warranty work inside the warranty period (coverage `cost`);
    // market: market service charges (coverage `charged`).
    kind: text('kind').notNull(),
    labourRateFen: bigint('labour_rate_fen', { mode: 'number' }).notNull(),
    travelPerKmFen: bigint('travel_per_km_fen', { mode: 'number' }).notNull().default(0),
    travelFlatFen: bigint('travel_flat_fen', { mode: 'number' }).notNull().default(0),
    // Parts are charged at cost or at list price, with an optional markup in basis points.
    partsBasis: text('parts_basis').notNull(),
    partsMarkupBp: integer('parts_markup_bp').notNull().default(0),
    taxRateBp: integer('tax_rate_bp').notNull(),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('price_lists_code_uq').on(t.code)],
);
