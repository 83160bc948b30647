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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, tsColumns, versionColumn } from './columns.ts';

export const returnNumberSeq = pgSequence('return_number_seq', { startWith: 1 });

// 退换货登记表: one request for one returned unit, from the desk, a return ticket or the portal.
// The eligibility (三包 options with reasons and inputs) and every promised deadline are stored as
// decided, so the page explains them later; the due instants are also columns for the queue.
// Customer name, serial number and model are snapshots of the registration form (what was written
// on it), so the queue needs no join into other modules' tables.
export const returnRequests = pgTable(
  'return_requests',
  {
    id: idColumn(),
    number: text('number').notNull(),
    // submitted | approved | rejected | received | passed | failed | refunded | exchanged | repaired | sent_back
    status: text('status').notNull(),
    customerId: uuid('customer_id').notNull(),
    customerName: text('customer_name').notNull(),
    assetId: uuid('asset_id'),
    serialNo: text('serial_no'),
    modelName: text('model_name'),
    dealerId: uuid('dealer_id'),
    // The request's own ticket (type return) in the desk queue, and the work order it came from.
    ticketId: uuid('ticket_id'),
    ticketNumber: text('ticket_number'),
    workOrderId: uuid('work_order_id'),
    // desk | portal
    source: text('source').notNull(),
    productCategory: text('product_category').notNull(),
    purchasedAt: date('purchased_at', { mode: 'string' }).notNull(),
    receivedAt: date('received_at', { mode: 'string' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    requested: text('requested').notNull(),
    qualityFault: boolean('quality_fault').notNull(),
    faultCode: text('fault_code'),
    majorComponent: text('major_component'),
    goodsComplete: boolean('goods_complete').notNull(),
    reason: text('reason').notNull(),
    contactPhone: text('contact_phone'),
    city: text('city'),
    // {options, requestedAllowed, reasons, inputs} as the rule returned it.
    eligibility: jsonb('eligibility').notNull(),
    // {review, pickup, process, exchange, refund, sendBack}: each {dueAt, code, clause, message, messageEn, inputs}.
    deadlines: jsonb('deadlines').notNull().default(sql`'{}'::jsonb`),
    reviewDueAt: timestamp('review_due_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    approved: boolean('approved'),
    option: text('option'),
    decisionNote: text('decision_note'),
    pickupDueAt: timestamp('pickup_due_at', { withTimezone: true }),
    goodsReceivedAt: timestamp('goods_received_at', { withTimezone: true }),
    // pickup | mail
    receiptVia: text('receipt_via'),
    processDueAt: timestamp('process_due_at', { withTimezone: true }),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }),
    inspectionPassed: boolean('inspection_passed'),
    inspectionNote: text('inspection_note'),
    // {packaging, accessories, manual, warrantyCard, invoice}: booleans from the inspection.
    checklist: jsonb('checklist'),
    refundDueAt: timestamp('refund_due_at', { withTimezone: true }),
    sendBackDueAt: timestamp('send_back_due_at', { withTimezone: true }),
    exchangeDueAt: timestamp('exchange_due_at', { withTimezone: true }),
    // Money in fen: the invoice price, the refund drafted by service and approved by finance.
    invoiceFen: bigint('invoice_fen', { mode: 'number' }),
    refundFen: bigint('refund_fen', { mode: 'number' }),
    // none | drafted | approved
    refundStatus: text('refund_status').notNull().default('none'),
    refundDraftedBy: uuid('refund_drafted_by'),
    refundDraftedAt: timestamp('refund_drafted_at', { withTimezone: true }),
    refundApprovedBy: uuid('refund_approved_by'),
    refundApprovedAt: timestamp('refund_approved_at', { withTimezone: true }),
    // Exchange and replacement: the faulty unit and the one that replaced it, on one record.
    replacementSerialNo: text('replacement_serial_no'),
    replacementAssetId: uuid('replacement_asset_id'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    sentBackAt: timestamp('sent_back_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // The next deadline of the open step, and the alert steps already sent (a step fires once).
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    nextAlertAt: timestamp('next_alert_at', { withTimezone: true }),
    alertsFired: text('alerts_fired').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by'),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('return_requests_number_uq').on(t.number),
    index('return_requests_queue_idx').on(t.status, t.nextDueAt),
    index('return_requests_customer_idx').on(t.customerId, t.submittedAt),
    index('return_requests_dealer_idx').on(t.dealerId, t.submittedAt),
    index('return_requests_asset_idx').on(t.assetId),
    index('return_requests_submitted_idx').on(t.submittedAt),
    index('return_requests_alert_idx').on(t.nextAlertAt).where(sql`next_alert_at is not null`),
  ],
);

// The request's timeline: every step with who did it and the data it recorded.
export const returnEvents = pgTable(
  'return_events',
  {
    id: idColumn(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => returnRequests.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility').notNull().default('customer'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [index('return_events_return_idx').on(t.returnId, t.seq)],
);

// Photos of the returned goods (from the portal or the desk), behind the storage interface.
export const returnPhotos = pgTable(
  'return_photos',
  {
    id: idColumn(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => returnRequests.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('return_photos_return_idx').on(t.returnId)],
);

// 上门取件 1–2 days in these cities, 3–4 elsewhere [seed 000 第三篇 服务承诺 2.2)]: data an administrator edits.
export const returnPickupCities = pgTable('return_pickup_cities', {
  city: text('city').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
