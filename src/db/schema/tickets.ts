import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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
import { assets } from './assets.ts';
import { idColumn, tsColumns, versionColumn } from './columns.ts';
import { customers } from './customers.ts';
import { dealers, departments } from './org.ts';
import { slaPolicies } from './sla.ts';

// Ticket numbers come from a sequence so concurrent registrations never collide.
export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1 });

// 产品售后服务登记表: every registered request (call, letter, e-mail, visit, web, IM).
export const tickets = pgTable(
  'tickets',
  {
    id: idColumn(),
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    assetId: uuid('asset_id').references(() => assets.id),
    // The dealer whose scope the ticket falls in (the customer's or the selling dealer); copied so the
    // dealer scope is one indexed equality at a million tickets.
    dealerId: uuid('dealer_id').references(() => dealers.id),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    // The customer's grade at registration: the SLA policy match depends on it.
    customerGrade: text('customer_grade'),
    // new | arranged | in_progress | waiting_customer | resolved | closed | cancelled
    status: text('status').notNull(),
    // Where a paused ticket returns to when the customer answers.
    statusBeforePause: text('status_before_pause'),
    title: text('title'),
    description: text('description').notNull(),
    // 客户诉求 and the contact details the desk fills on the repair form (篇三).
    request: text('request'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    // staff | portal | qr: how the ticket reached us.
    source: text('source').notNull().default('staff'),
    // The entitlement decision at registration with its inputs and reasons (SPEC §3).
    entitlement: jsonb('entitlement'),
    slaPolicyId: uuid('sla_policy_id').references(() => slaPolicies.id),
    // Why that policy was chosen (or that none matched).
    slaMatch: jsonb('sla_match'),
    // Earliest due time of the running clocks and the worst clock state: the queue sorts and filters on them.
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    slaState: text('sla_state').notNull().default('none'),
    assigneeDepartmentId: uuid('assignee_department_id').references(() => departments.id),
    assigneeDealerId: uuid('assignee_dealer_id').references(() => dealers.id),
    assigneeUserId: uuid('assignee_user_id'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    resolution: text('resolution'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('tickets_number_uq').on(t.number),
    index('tickets_customer_idx').on(t.customerId, t.createdAt),
    index('tickets_asset_idx').on(t.assetId),
    index('tickets_dealer_idx').on(t.dealerId, t.status, t.nextDueAt),
    index('tickets_status_due_idx').on(t.status, t.nextDueAt),
    index('tickets_assignee_idx').on(t.assigneeUserId, t.status),
    index('tickets_open_due_idx')
      .on(t.nextDueAt)
      .where(sql`status not in ('resolved', 'closed', 'cancelled')`),
    index('tickets_open_type_due_idx')
      .on(t.type, t.nextDueAt)
      .where(sql`status not in ('resolved', 'closed', 'cancelled')`),
    index('tickets_created_idx').on(t.createdAt),
    // Dashboards: the stats job reads a day's registrations and resolutions by range; backlog and
    // ageing read the open tickets from an index alone; a repair's previous repair of the same asset.
    index('tickets_reported_idx').on(t.reportedAt),
    index('tickets_resolved_idx').on(t.resolvedAt).where(sql`resolved_at is not null`),
    index('tickets_open_age_idx')
      .on(t.dealerId, t.status, t.reportedAt)
      .where(sql`status not in ('resolved', 'closed', 'cancelled')`),
    index('tickets_repairs_idx')
      .on(t.assetId, t.reportedAt)
      .where(sql`type = 'repair' and asset_id is not null`),
  ],
);

// One deadline of a ticket (firstResponse, arrange, onsite, resolve) with the reasons it was computed.
export const ticketSlaClocks = pgTable(
  'ticket_sla_clocks',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    metric: text('metric').notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    calendarId: uuid('calendar_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    // running | paused | met | breached | cancelled
    status: text('status').notNull(),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    // Indexes (into the policy's escalation list) already fired, so a step never fires twice.
    firedSteps: integer('fired_steps').array().notNull().default(sql`'{}'::integer[]`),
    // The instant the next unfired escalation step is reached: the escalation job scans this index.
    nextEscalationAt: timestamp('next_escalation_at', { withTimezone: true }),
    reasons: jsonb('reasons').notNull().default(sql`'[]'::jsonb`),
    clause: text('clause'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ticket_sla_clocks_metric_uq').on(t.ticketId, t.metric),
    index('ticket_sla_clocks_escalation_idx')
      .on(t.nextEscalationAt)
      .where(sql`next_escalation_at is not null`),
    index('ticket_sla_clocks_calendar_idx').on(t.calendarId).where(sql`stopped_at is null`),
    // SLA attainment counts clocks by the day they ended.
    index('ticket_sla_clocks_stopped_idx').on(t.stoppedAt).where(sql`stopped_at is not null`),
  ],
);

// Waiting-for-customer intervals; every one of them is subtracted in business time.
export const ticketPauses = pgTable(
  'ticket_pauses',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('ticket_pauses_ticket_idx').on(t.ticketId, t.fromAt)],
);

// The ticket's timeline: status changes, assignments, notes, replies, escalations, recomputations.
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    // Insertion order: several events of one change share their time, and the timeline keeps their order.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    // internal notes stay with staff; customer-visible events show in the portal.
    visibility: text('visibility').notNull().default('internal'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    body: text('body'),
    data: jsonb('data'),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

// Evidence (photos, video, data files): size and type checked before a byte is stored.
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    // photo | video | file
    kind: text('kind').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    visibility: text('visibility').notNull().default('customer'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId)],
);

// One row per escalation step reached; the unique key is what makes a step fire once with many workers.
export const slaEscalations = pgTable(
  'sla_escalations',
  {
    id: idColumn(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    clockId: uuid('clock_id').notNull(),
    metric: text('metric').notNull(),
    stepIndex: integer('step_index').notNull(),
    percent: integer('percent').notNull(),
    level: integer('level').notNull(),
    // When the threshold was reached (business time), and when the job noticed it.
    reachedAt: timestamp('reached_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull(),
    notifiedUserIds: uuid('notified_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    reasons: jsonb('reasons').notNull(),
  },
  (t) => [
    uniqueIndex('sla_escalations_step_uq').on(t.clockId, t.stepIndex),
    index('sla_escalations_ticket_idx').on(t.ticketId),
  ],
);
