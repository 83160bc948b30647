import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import {
  CAUSE_CLASSES,
  COMPLAINT_STATUSES,
  COMPLAINT_STEPS,
  SEVERITIES,
} from '../../domain/complaints/complaint-status.ts';
import {
  SUGGESTION_SOURCES,
  SUGGESTION_STATUSES,
  SUGGESTION_TARGETS,
} from '../../domain/complaints/improvement.ts';
import { DateOrTime, Nullable, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';
import { CHANNELS } from '../sla/index.ts';
import { SlaClock, TicketEvent } from '../tickets/index.ts';

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const strict = { additionalProperties: false } as const;

export const Severity = lit(SEVERITIES);
export const CauseClass = lit(CAUSE_CLASSES);
/** Money in integer fen (分); ¥100 million is far beyond any claim. */
const Fen = Type.Integer({ minimum: 1, maximum: 10_000_000_000 });

// 客户投诉申请单. Customers file from the portal for themselves (customerId is taken from the session).
export const CreateComplaintBody = Type.Object(
  {
    customerId: Uuid,
    channel: lit(CHANNELS),
    severity: Severity,
    subject: Text(200, 1),
    description: Text(5000, 1),
    aboutTicketId: Type.Optional(Nullable(Uuid)),
    aboutWorkOrderId: Type.Optional(Nullable(Uuid)),
    assetId: Type.Optional(Nullable(Uuid)),
    receivedAt: Type.Optional(Timestamp),
    contactName: Type.Optional(Nullable(Text(100))),
    contactPhone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' }))),
  },
  strict,
);

// Step bodies: the fields a step needs are optional here so the workflow rule names the missing one
// (one rule for the API and the forms); their types are still checked here.
export const RouteBody = Type.Object(
  { version: Version, departmentId: Type.Optional(Uuid), note: Type.Optional(Text(2000)) },
  strict,
);
export const ActionBody = Type.Object(
  {
    version: Version,
    rootCause: Type.Optional(Text(5000)),
    causeClass: Type.Optional(CauseClass),
    correctiveAction: Type.Optional(Text(5000)),
    actionOwnerUserId: Type.Optional(Uuid),
    actionDueAt: Type.Optional(Timestamp),
  },
  strict,
);
export const FeedbackBody = Type.Object(
  {
    version: Version,
    feedbackText: Type.Optional(Text(5000)),
    /** When the customer was given the feedback (by phone or letter earlier); defaults to now. */
    at: Type.Optional(Timestamp),
  },
  strict,
);
export const RecheckBody = Type.Object(
  {
    version: Version,
    recheckResult: Type.Optional(Text(5000)),
    /** false: the action did not work; the complaint goes back to corrective action. */
    effective: Type.Optional(Type.Boolean()),
  },
  strict,
);
export const CloseBody = Type.Object({ version: Version, note: Type.Optional(Text(2000)) }, strict);
export const CancelBody = Type.Object({ version: Version, reason: Type.Optional(Text(2000)) }, strict);
export const CompensationBody = Type.Object(
  { version: Version, amountFen: Fen, note: Type.Optional(Text(2000)) },
  strict,
);
export const CompensationDecisionBody = Type.Object(
  {
    version: Version,
    approved: Type.Boolean(),
    /** The amount granted when it differs from the claim (a partial settlement). */
    amountFen: Type.Optional(Fen),
    note: Type.Optional(Text(2000)),
  },
  strict,
);

export const ListComplaintsQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 200 })),
    severity: Type.Optional(Type.String({ maxLength: 100 })),
    causeClass: Type.Optional(Type.String({ maxLength: 200 })),
    overdue: Type.Optional(Type.Boolean()),
    dealerId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  strict,
);

export const CausesQuery = Type.Object(
  { from: Type.Optional(DateOrTime), to: Type.Optional(DateOrTime), dealerId: Type.Optional(Uuid) },
  strict,
);

export const CauseRow = Type.Object({
  causeClass: Type.String(),
  count: Type.Integer(),
  share: Type.Number(),
  cumulativeShare: Type.Number(),
});

export const ActionOwner = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  roleCode: Type.String(),
  departmentId: Nullable(Uuid),
});

export const CreateSuggestionBody = Type.Object(
  {
    title: Text(200, 1),
    description: Type.Optional(Nullable(Text(5000))),
    target: lit(SUGGESTION_TARGETS),
    ownerUserId: Type.Optional(Nullable(Uuid)),
    dueAt: Type.Optional(Nullable(Timestamp)),
  },
  strict,
);
export const CreateStandaloneSuggestionBody = Type.Object(
  {
    ...CreateSuggestionBody.properties,
    source: Type.Optional(lit(SUGGESTION_SOURCES.filter((s) => s !== 'complaint'))),
  },
  strict,
);
export const UpdateSuggestionBody = Type.Object(
  {
    version: Version,
    status: Type.Optional(lit(SUGGESTION_STATUSES)),
    resolution: Type.Optional(Nullable(Text(5000))),
    ownerUserId: Type.Optional(Nullable(Uuid)),
    dueAt: Type.Optional(Nullable(Timestamp)),
    title: Type.Optional(Text(200, 1)),
    description: Type.Optional(Nullable(Text(5000))),
    target: Type.Optional(lit(SUGGESTION_TARGETS)),
  },
  strict,
);
export const ListSuggestionsQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 100 })),
    target: Type.Optional(Type.String({ maxLength: 100 })),
    overdue: Type.Optional(Type.Boolean()),
    complaintId: Type.Optional(Uuid),
    ownerUserId: Type.Optional(Uuid),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  strict,
);

export const Suggestion = Type.Object({
  id: Uuid,
  complaintId: Nullable(Uuid),
  complaintNumber: Nullable(Type.String()),
  source: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  target: Type.String(),
  ownerUserId: Nullable(Uuid),
  ownerName: Nullable(Type.String()),
  dueAt: Nullable(Timestamp),
  status: Type.String(),
  resolution: Nullable(Type.String()),
  doneAt: Nullable(Timestamp),
  overdue: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const summaryFields = {
  id: Uuid,
  number: Type.String(),
  customerId: Uuid,
  customerName: Type.String(),
  dealerId: Nullable(Uuid),
  ticketId: Nullable(Uuid),
  ticketNumber: Nullable(Type.String()),
  channel: Type.String(),
  severity: Type.String(),
  subject: Type.String(),
  status: lit(COMPLAINT_STATUSES),
  causeClass: Nullable(Type.String()),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  receivedAt: Timestamp,
  feedbackDueAt: Nullable(Timestamp),
  feedbackAt: Nullable(Timestamp),
  /** Feedback owed and past due now. */
  overdue: Type.Boolean(),
  /** Whether the feedback reached the customer within the deadline; null until it is sent. */
  feedbackOnTime: Nullable(Type.Boolean()),
  compensationStatus: Type.String(),
  compensationFen: Nullable(Type.Integer()),
  closedAt: Nullable(Timestamp),
  version: Type.Integer(),
};

export const ComplaintSummary = Type.Object(summaryFields);

export const Complaint = Type.Object({
  ...summaryFields,
  description: Type.String(),
  aboutTicketId: Nullable(Uuid),
  aboutWorkOrderId: Nullable(Uuid),
  assetId: Nullable(Uuid),
  serialNo: Nullable(Type.String()),
  receivedByName: Nullable(Type.String()),
  rootCause: Nullable(Type.String()),
  correctiveAction: Nullable(Type.String()),
  actionOwnerUserId: Nullable(Uuid),
  actionOwnerName: Nullable(Type.String()),
  actionDueAt: Nullable(Timestamp),
  feedbackText: Nullable(Type.String()),
  recheckAt: Nullable(Timestamp),
  recheckResult: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The complaint ticket's clocks (firstResponse 4 h, resolve = the 72-hour feedback) with reasons. */
  sla: Type.Array(SlaClock),
  slaMatch: Type.Any(),
  /** Timeline: the complaint ticket's events (customers see only those meant for them). */
  events: Type.Array(TicketEvent),
  suggestions: Type.Array(Suggestion),
  nextSteps: Type.Array(
    Type.Object({ step: lit(COMPLAINT_STEPS), to: Type.String(), requires: Type.Array(Type.String()) }),
  ),
});
