import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { engineers, workOrders } from './field.ts';
import { dealers, departments } from './org.ts';
import { tickets } from './tickets.ts';

// 回访: a call to the customer after every closed service, and again after a complaint is resolved.
export const followUpVisits = pgTable(
  'follow_up_visits',
  {
    id: idColumn(),
    // service (after a closed ticket) | complaint (after a resolved complaint)
    kind: text('kind').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    complaintId: uuid('complaint_id'),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    // Copied for the dealer scope and the per-dealer / per-engineer figures.
    dealerId: uuid('dealer_id').references(() => dealers.id),
    engineerId: uuid('engineer_id').references(() => engineers.id),
    assetId: uuid('asset_id').references(() => assets.id),
    // open | done | unreachable | cancelled
    status: text('status').notNull().default('open'),
    assigneeUserId: uuid('assignee_user_id'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    // [{ code, score (1–5) | null, comment }] for the questions of SPEC §2.12.
    answers: jsonb('answers').notNull().default(sql`'[]'::jsonb`),
    // Mean of the scores ×100 (integer), so reports average exactly.
    scoreX100: integer('score_x100'),
    suggestions: text('suggestions'),
    // The customer is unhappy (a score ≤ 2): a follow-up action is owed.
    unhappy: boolean('unhappy').notNull().default(false),
    followUpAction: text('follow_up_action'),
    // none | open | done
    followUpStatus: text('follow_up_status').notNull().default('none'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('follow_up_visits_ticket_uq').on(t.ticketId, t.kind).where(sql`complaint_id is null`),
    uniqueIndex('follow_up_visits_complaint_uq').on(t.complaintId).where(sql`complaint_id is not null`),
    index('follow_up_visits_open_idx').on(t.status, t.dueAt),
    index('follow_up_visits_dealer_idx').on(t.dealerId, t.completedAt),
    index('follow_up_visits_completed_idx').on(t.completedAt),
  ],
);

// 满意度调查问卷: questions of type score (1–5), nps (0–10), choice or text.
export const surveys = pgTable(
  'surveys',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    questions: jsonb('questions').notNull(),
    // draft | active | closed
    status: text('status').notNull().default('draft'),
    // Days a link stays valid.
    validDays: integer('valid_days').notNull().default(30),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('surveys_code_uq').on(t.code)],
);

// One customer's invitation to one survey in one period (e.g. 2026-Q4): the link is signed and works
// once; only its hash is stored.
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: idColumn(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    dealerId: uuid('dealer_id').references(() => dealers.id),
    period: text('period').notNull(),
    tokenHash: text('token_hash').notNull(),
    email: text('email'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    reminders: integer('reminders').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_uq').on(t.tokenHash),
    uniqueIndex('survey_invitations_period_uq').on(t.surveyId, t.customerId, t.period),
    index('survey_invitations_open_idx').on(t.expiresAt).where(sql`responded_at is null`),
  ],
);

// The answers, with the dimensions the results are cut by, copied at answer time.
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: idColumn(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => surveyInvitations.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    dealerId: uuid('dealer_id'),
    engineerId: uuid('engineer_id'),
    productCategory: text('product_category'),
    region: text('region'),
    period: text('period').notNull(),
    answers: jsonb('answers').notNull(),
    // Mean of the 1–5 scores ×100 and the NPS answer (0–10), for the reports.
    scoreX100: integer('score_x100'),
    nps: integer('nps'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('survey_responses_invitation_uq').on(t.invitationId),
    index('survey_responses_survey_idx').on(t.surveyId, t.period),
    index('survey_responses_submitted_idx').on(t.submittedAt),
  ],
);

export const complaintNumberSeq = pgSequence('complaint_number_seq', { startWith: 1 });

// 客户投诉申请单 → 顾客信息反馈处理单: from receipt to closure, with the 72-hour feedback clock kept on
// its ticket (type complaint) so it is measured like every other deadline.
export const complaints = pgTable(
  'complaints',
  {
    id: idColumn(),
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    // The complaint's own ticket: carries the SLA clocks (firstResponse 4 h, resolve = feedback 72 h).
    ticketId: uuid('ticket_id').references(() => tickets.id),
    // The service the complaint is about, if any.
    aboutTicketId: uuid('about_ticket_id').references(() => tickets.id),
    aboutWorkOrderId: uuid('about_work_order_id').references(() => workOrders.id),
    assetId: uuid('asset_id').references(() => assets.id),
    dealerId: uuid('dealer_id').references(() => dealers.id),
    channel: text('channel').notNull(),
    // low | medium | high | critical
    severity: text('severity').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    receivedBy: uuid('received_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    // received | investigating | action | feedback_sent | rechecked | closed | cancelled
    status: text('status').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    // product | service | parts | delivery | attitude | price | other (Pareto of causes)
    causeClass: text('cause_class'),
    rootCause: text('root_cause'),
    correctiveAction: text('corrective_action'),
    actionOwnerUserId: uuid('action_owner_user_id'),
    actionDueAt: timestamp('action_due_at', { withTimezone: true }),
    feedbackDueAt: timestamp('feedback_due_at', { withTimezone: true }),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    feedbackText: text('feedback_text'),
    recheckAt: timestamp('recheck_at', { withTimezone: true }),
    recheckResult: text('recheck_result'),
    // The customer's compensation claim, in fen, and its decision: none | claimed | approved | rejected
    compensationFen: bigint('compensation_fen', { mode: 'number' }),
    compensationStatus: text('compensation_status').notNull().default('none'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [
    uniqueIndex('complaints_number_uq').on(t.number),
    index('complaints_status_idx').on(t.status, t.feedbackDueAt),
    index('complaints_dealer_idx').on(t.dealerId, t.receivedAt),
    index('complaints_received_idx').on(t.receivedAt),
  ],
);

// 产品改进建议: what fault and complaint analyses send back to R&D and quality, tracked until done.
export const improvementSuggestions = pgTable(
  'improvement_suggestions',
  {
    id: idColumn(),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    // complaint | fault_analysis | visit | survey
    source: text('source').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    // rd | quality | service | parts
    target: text('target').notNull(),
    ownerUserId: uuid('owner_user_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    // open | in_progress | done | rejected
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [index('improvement_suggestions_status_idx').on(t.status, t.dueAt)],
);

// A stored run of a scheduled report; (kind, period) is unique, so two workers never run it twice.
export const reportRuns = pgTable(
  'report_runs',
  {
    id: idColumn(),
    // daily_problems | weekly_satisfaction | monthly
    kind: text('kind').notNull(),
    // 2026-11-23 | 2026-W48 | 2026-11
    period: text('period').notNull(),
    // running | done | failed
    status: text('status').notNull().default('running'),
    data: jsonb('data'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    emailedTo: text('emailed_to').array().notNull().default(sql`'{}'::text[]`),
    error: text('error'),
  },
  (t) => [uniqueIndex('report_runs_period_uq').on(t.kind, t.period)],
);

// Who gets which scheduled report by e-mail.
export const reportSubscriptions = pgTable(
  'report_subscriptions',
  {
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_subscriptions_uq').on(t.userId, t.kind)],
);
