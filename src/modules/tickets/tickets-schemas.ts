import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { TICKET_STATUSES, TRANSITION_TARGETS } from '../../domain/tickets/ticket-status.ts';
import { Nullable, Phone, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';
import { CHANNELS, TICKET_TYPES } from '../sla/index.ts';

export type { TicketStatus } from '../../domain/tickets/ticket-status.ts';
export const STATUSES = TICKET_STATUSES;

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const Channel = lit(CHANNELS);
const TicketType = lit(TICKET_TYPES);

export const CreateTicketBody = Type.Object(
  {
    customerId: Uuid,
    assetId: Type.Optional(Nullable(Uuid)),
    channel: Channel,
    type: TicketType,
    description: Text(5000, 1),
    reportedAt: Type.Optional(Timestamp),
    occurredAt: Type.Optional(Nullable(Timestamp)),
    urgent: Type.Optional(Type.Boolean()),
    title: Type.Optional(Nullable(Text(200))),
    request: Type.Optional(Nullable(Text(2000))),
    contactName: Type.Optional(Nullable(Text(100))),
    contactPhone: Type.Optional(Nullable(Phone)),
    address: Type.Optional(Nullable(Text(300))),
    /** Reported by scanning the asset's nameplate QR code. */
    viaQr: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateTicketBody = Type.Object(
  {
    version: Version,
    type: Type.Optional(TicketType),
    urgent: Type.Optional(Type.Boolean()),
    title: Type.Optional(Nullable(Text(200))),
    description: Type.Optional(Text(5000, 1)),
    request: Type.Optional(Nullable(Text(2000))),
    contactName: Type.Optional(Nullable(Text(100))),
    contactPhone: Type.Optional(Nullable(Phone)),
    address: Type.Optional(Nullable(Text(300))),
    occurredAt: Type.Optional(Nullable(Timestamp)),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    to: lit(TRANSITION_TARGETS),
    version: Version,
    at: Type.Optional(Timestamp),
    note: Type.Optional(Text(2000)),
    resolution: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  {
    userId: Type.Optional(Nullable(Uuid)),
    departmentId: Type.Optional(Nullable(Uuid)),
    dealerId: Type.Optional(Nullable(Uuid)),
    version: Version,
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const BulkAssignBody = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }),
    userId: Type.Optional(Nullable(Uuid)),
    departmentId: Type.Optional(Nullable(Uuid)),
    dealerId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const PauseBody = Type.Object(
  { at: Timestamp, reason: Text(500, 1), version: Type.Optional(Version) },
  { additionalProperties: false },
);
export const ResumeBody = Type.Object(
  { at: Timestamp, version: Type.Optional(Version) },
  { additionalProperties: false },
);

export const ReplyBody = Type.Object(
  {
    body: Text(5000, 1),
    // customer: visible in the portal (a reply); internal: staff only (a note).
    visibility: Type.Optional(lit(['customer', 'internal'] as const)),
  },
  { additionalProperties: false },
);

export const ListTicketsQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 200 })),
    type: Type.Optional(Type.String({ maxLength: 200 })),
    channel: Type.Optional(Type.String({ maxLength: 200 })),
    customerId: Type.Optional(Uuid),
    assetId: Type.Optional(Uuid),
    assigneeUserId: Type.Optional(Uuid),
    assigneeDealerId: Type.Optional(Uuid),
    assigneeDepartmentId: Type.Optional(Uuid),
    mine: Type.Optional(Type.Boolean()),
    unassigned: Type.Optional(Type.Boolean()),
    overdue: Type.Optional(Type.Boolean()),
    /** Open tickets due within this many minutes (breach risk). */
    dueWithinMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    sort: Type.Optional(lit(['due', 'created', 'number'] as const)),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

const Reason = Type.Object(
  { code: Type.String(), message: Type.String(), messageEn: Type.Optional(Type.String()) },
  { additionalProperties: true },
);

export const SlaClock = Type.Object({
  metric: Type.String(),
  dueAt: Nullable(Timestamp),
  status: Type.String(),
  targetMinutes: Type.Integer(),
  startedAt: Timestamp,
  stoppedAt: Nullable(Timestamp),
  breachedAt: Nullable(Timestamp),
  pausedMinutes: Type.Integer(),
  elapsedMinutes: Nullable(Type.Integer()),
  remainingMinutes: Nullable(Type.Integer()),
  nextEscalationAt: Nullable(Timestamp),
  firedSteps: Type.Array(Type.Integer()),
  clause: Nullable(Type.String()),
  reasons: Type.Array(Reason),
});

const ticketFields = {
  id: Uuid,
  number: Type.String(),
  customerId: Uuid,
  customerName: Type.String(),
  assetId: Nullable(Uuid),
  serialNo: Nullable(Type.String()),
  dealerId: Nullable(Uuid),
  channel: Type.String(),
  type: Type.String(),
  urgent: Type.Boolean(),
  customerGrade: Nullable(Type.String()),
  // The enum, not a plain string: the web's status list is generated from this document.
  status: lit(STATUSES),
  title: Nullable(Type.String()),
  description: Type.String(),
  request: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  address: Nullable(Type.String()),
  reportedAt: Timestamp,
  occurredAt: Nullable(Timestamp),
  source: Type.String(),
  slaPolicyId: Nullable(Uuid),
  nextDueAt: Nullable(Timestamp),
  slaState: Type.String(),
  assigneeUserId: Nullable(Uuid),
  assigneeName: Nullable(Type.String()),
  assigneeDepartmentId: Nullable(Uuid),
  assigneeDepartmentName: Nullable(Type.String()),
  assigneeDealerId: Nullable(Uuid),
  assigneeDealerName: Nullable(Type.String()),
  escalationLevel: Type.Integer(),
  resolution: Nullable(Type.String()),
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sla: Type.Array(SlaClock),
};

export const TicketSummary = Type.Object(ticketFields);

export const TicketEvent = Type.Object({
  id: Uuid,
  at: Timestamp,
  kind: Type.String(),
  visibility: Type.String(),
  actorName: Nullable(Type.String()),
  body: Nullable(Type.String()),
  data: Type.Any(),
});

export const Attachment = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  mimeType: Type.String(),
  kind: Type.String(),
  sizeBytes: Type.Integer(),
  visibility: Type.String(),
  createdAt: Timestamp,
});

export const Ticket = Type.Object({
  ...ticketFields,
  entitlement: Type.Any(),
  slaMatch: Type.Any(),
  events: Type.Array(TicketEvent),
  attachments: Type.Array(Attachment),
  pauses: Type.Array(
    Type.Object({ id: Uuid, from: Timestamp, to: Nullable(Timestamp), reason: Type.String() }),
  ),
  escalations: Type.Array(
    Type.Object({
      metric: Type.String(),
      stepIndex: Type.Integer(),
      percent: Type.Integer(),
      level: Type.Integer(),
      reachedAt: Timestamp,
      firedAt: Timestamp,
      reasons: Type.Any(),
    }),
  ),
});

export const TicketList = Type.Object({
  items: Type.Array(TicketSummary),
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
});
