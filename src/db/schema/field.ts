import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assets } from './assets.ts';
import { idColumn, tsColumns, versionColumn } from './columns.ts';
import { customers } from './customers.ts';
import { dealers, serviceCentres } from './org.ts';
import { parts, priceLists, stockLocations } from './parts.ts';
import { calendars } from './sla.ts';
import { tickets } from './tickets.ts';

// 维修工程师: a field technician of a service centre or of a dealer.
export const engineers = pgTable(
  'engineers',
  {
    id: idColumn(),
    // The login of the engineer; work orders of this engineer are what that user sees.
    userId: uuid('user_id'),
    name: text('name').notNull(),
    phone: text('phone'),
    // 工种/专业: mechanical | electrical | hydraulic | software | general ...
    trade: text('trade').notNull(),
    // Product categories the engineer is qualified for (matches product_models.category).
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    serviceCentreId: uuid('service_centre_id').references(() => serviceCentres.id),
    dealerId: uuid('dealer_id').references(() => dealers.id),
    calendarId: uuid('calendar_id').references(() => calendars.id),
    // Open work orders an engineer can carry before the suggestion ranks them as full.
    capacity: integer('capacity').notNull().default(5),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('engineers_user_uq').on(t.userId),
    index('engineers_dealer_idx').on(t.dealerId),
    index('engineers_centre_idx').on(t.serviceCentreId),
  ],
);

export const workOrderNumberSeq = pgSequence('work_order_number_seq', { startWith: 1 });

// 售后服务通知单 / 派工单: one field job of a ticket (a ticket may need several).
export const workOrders = pgTable(
  'work_orders',
  {
    id: idColumn(),
    number: text('number').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    assetId: uuid('asset_id').references(() => assets.id),
    // Copied from the ticket so the dealer scope is one indexed equality.
    dealerId: uuid('dealer_id').references(() => dealers.id),
    // planned | dispatched | travelling | on_site | done | signed | closed | cancelled
    status: text('status').notNull(),
    task: text('task').notNull(),
    // Speciality and product category the job needs, and where it is: the suggestion ranks on them.
    trade: text('trade'),
    category: text('category'),
    region: text('region'),
    address: text('address'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    // The day on the dispatch board (local date).
    plannedDate: date('planned_date'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    travelStartedAt: timestamp('travel_started_at', { withTimezone: true }),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // defect | supplier | workmanship | customer | force_majeure | wear | unknown
    cause: text('cause').notNull().default('unknown'),
    diagnosis: text('diagnosis'),
    meterHours: integer('meter_hours'),
    travelKm: integer('travel_km').notNull().default(0),
    // The entitlement of the job (no part) and the charge lines with payer and reasons, recomputed
    // whenever the cause, the work or the parts change.
    entitlement: jsonb('entitlement'),
    charges: jsonb('charges'),
    customerTotalFen: bigint('customer_total_fen', { mode: 'number' }).notNull().default(0),
    companyCostFen: bigint('company_cost_fen', { mode: 'number' }).notNull().default(0),
    // Out-of-warranty work needs an accepted quote (报价) or a manager's urgent approval first.
    quoteRequired: boolean('quote_required').notNull().default(false),
    // none | sent | accepted | rejected
    quoteStatus: text('quote_status').notNull().default('none'),
    quote: jsonb('quote'),
    quoteSentAt: timestamp('quote_sent_at', { withTimezone: true }),
    quoteDecidedAt: timestamp('quote_decided_at', { withTimezone: true }),
    quoteDecidedBy: text('quote_decided_by'),
    // portal | desk
    quoteDecidedVia: text('quote_decided_via'),
    // 先维保后补流程: a manager lets work start before the paperwork; open until regularised.
    urgentApprovedBy: uuid('urgent_approved_by'),
    urgentApprovedAt: timestamp('urgent_approved_at', { withTimezone: true }),
    urgentReason: text('urgent_reason'),
    paperworkRegularisedAt: timestamp('paperwork_regularised_at', { withTimezone: true }),
    // The customer's signature on the repair record (三包维修记录/维修服务单).
    signatureKey: text('signature_key'),
    signedBy: text('signed_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    customerComment: text('customer_comment'),
    // 重大故障: printed on the major-fault repair record.
    majorFault: boolean('major_fault').notNull().default(false),
    // Finance settles the warranty cost (核销) only with the signed record and every old part back.
    writtenOffAt: timestamp('written_off_at', { withTimezone: true }),
    writtenOffBy: uuid('written_off_by'),
    // Travel expenses are reimbursed only with a signed field feedback form (外部质量信息反馈单).
    reimbursedAt: timestamp('reimbursed_at', { withTimezone: true }),
    reimbursedBy: uuid('reimbursed_by'),
    priceListId: uuid('price_list_id').references(() => priceLists.id),
    createdBy: uuid('created_by'),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.number),
    index('work_orders_ticket_idx').on(t.ticketId),
    index('work_orders_asset_idx').on(t.assetId, t.createdAt),
    index('work_orders_dealer_idx').on(t.dealerId, t.status),
    index('work_orders_customer_idx').on(t.customerId),
    index('work_orders_open_deadline_idx').on(t.deadlineAt).where(sql`status not in ('closed', 'cancelled')`),
    index('work_orders_planned_idx').on(t.plannedDate),
    // Dashboards: orders finished (warranty cost) and checked out (time to repair) by day.
    index('work_orders_done_idx').on(t.doneAt).where(sql`done_at is not null`),
    index('work_orders_check_out_idx').on(t.checkOutAt).where(sql`check_out_at is not null`),
    index('work_orders_paperwork_idx')
      .on(t.urgentApprovedAt)
      .where(sql`urgent_approved_at is not null and paperwork_regularised_at is null`),
  ],
);

// The engineers sent on a work order; `lead` is the one who signs for the team.
export const workOrderEngineers = pgTable(
  'work_order_engineers',
  {
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    engineerId: uuid('engineer_id')
      .notNull()
      .references(() => engineers.id),
    lead: boolean('lead').notNull().default(false),
    // The open/closed state copied from the order so an engineer's load is one index scan.
    open: boolean('open').notNull().default(true),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workOrderId, t.engineerId] }),
    index('work_order_engineers_engineer_idx').on(t.engineerId, t.open),
  ],
);

// Items done on site (维修项目): what, how, how many, how long.
export const workOrderItems = pgTable(
  'work_order_items',
  {
    id: idColumn(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    description: text('description').notNull(),
    method: text('method'),
    quantity: integer('quantity').notNull().default(1),
    labourMinutes: integer('labour_minutes').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_order_items_order_idx').on(t.workOrderId)],
);

// Parts used on a work order: reserved from a location, then consumed (or released).
export const workOrderParts = pgTable(
  'work_order_parts',
  {
    id: idColumn(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    quantity: integer('quantity').notNull(),
    // reserved | consumed | released
    status: text('status').notNull(),
    removedSerial: text('removed_serial'),
    fittedSerial: text('fitted_serial'),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('work_order_parts_order_idx').on(t.workOrderId),
    // Parts consumption and repeat replacements by the day the part was fitted.
    index('work_order_parts_consumed_idx').on(t.consumedAt).where(sql`consumed_at is not null`),
  ],
);

// Before/after photos of the job.
export const workOrderPhotos = pgTable(
  'work_order_photos',
  {
    id: idColumn(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    // before | after
    phase: text('phase').notNull(),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_order_photos_order_idx').on(t.workOrderId)],
);

// What happened on a work order, in order (status changes, parts, signature, approvals).
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: idColumn(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    kind: text('kind').notNull(),
    // Insertion order for events of one change, which share their time.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('work_order_events_order_idx').on(t.workOrderId, t.at)],
);

// 旧件返回: every in-warranty replaced part is handed in, appraised and stored.
export const oldPartReturns = pgTable(
  'old_part_returns',
  {
    id: idColumn(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    workOrderPartId: uuid('work_order_part_id')
      .notNull()
      .references(() => workOrderParts.id),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id),
    quantity: integer('quantity').notNull(),
    serialNo: text('serial_no'),
    dealerId: uuid('dealer_id').references(() => dealers.id),
    customerId: uuid('customer_id').references(() => customers.id),
    // pending | received | appraised
    status: text('status').notNull().default('pending'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by'),
    // reusable | scrap | supplier_claim (技术部鉴定)
    appraisal: text('appraisal'),
    appraisalNote: text('appraisal_note'),
    appraisedBy: uuid('appraised_by'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    // The store the appraisal sends it to.
    storeLocationId: uuid('store_location_id').references(() => stockLocations.id),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('old_part_returns_line_uq').on(t.workOrderPartId),
    index('old_part_returns_order_idx').on(t.workOrderId),
    index('old_part_returns_open_due_idx').on(t.dueAt).where(sql`status = 'pending'`),
  ],
);

// 外部质量信息反馈单: one per field trip, due within 10 days of returning, signed by the head.
export const fieldFeedback = pgTable(
  'field_feedback',
  {
    id: idColumn(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    // The day the engineer came back from the trip; dueOn = returnedOn + 10 days.
    returnedOn: date('returned_on').notNull(),
    dueOn: date('due_on').notNull(),
    nature: text('nature'),
    cause: text('cause'),
    handling: text('handling'),
    // draft | submitted | signed
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    headSignedBy: uuid('head_signed_by'),
    headSignedName: text('head_signed_name'),
    headSignedAt: timestamp('head_signed_at', { withTimezone: true }),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('field_feedback_order_uq').on(t.workOrderId),
    index('field_feedback_open_due_idx').on(t.dueOn).where(sql`status <> 'signed'`),
  ],
);
