import { Type } from '@sinclair/typebox';
import {
  Nullable,
  NullableTimestamp,
  PageQuery,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';

// 回访 (SPEC §2.12): the queue, one visit, and the steps of a call.

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const VISIT_STATUSES = ['open', 'done', 'unreachable', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_KINDS = ['service', 'complaint'] as const;
export const FOLLOW_UP_STATUSES = ['none', 'open', 'done'] as const;

const Answer = Type.Object({
  code: Type.String(),
  score: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
});

export const VisitSummary = Type.Object({
  id: Uuid,
  kind: Type.String(),
  status: Type.String(),
  ticketId: Nullable(Uuid),
  ticketNumber: Nullable(Type.String()),
  complaintId: Nullable(Uuid),
  customerId: Uuid,
  customerName: Type.String(),
  customerPhone: Nullable(Type.String()),
  dealerId: Nullable(Uuid),
  dealerName: Nullable(Type.String()),
  engineerId: Nullable(Uuid),
  engineerName: Nullable(Type.String()),
  assetId: Nullable(Uuid),
  assigneeUserId: Nullable(Uuid),
  assigneeName: Nullable(Type.String()),
  dueAt: Timestamp,
  /** Still waiting (open or unreachable so far) after dueAt. */
  overdue: Type.Boolean(),
  scoreX100: Nullable(Type.Integer()),
  unhappy: Type.Boolean(),
  followUpStatus: Type.String(),
  completedAt: NullableTimestamp,
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Visit = Type.Composite([
  VisitSummary,
  Type.Object({
    answers: Type.Array(Answer),
    suggestions: Nullable(Type.String()),
    followUpAction: Nullable(Type.String()),
    completedBy: Nullable(Uuid),
    completedByName: Nullable(Type.String()),
    workOrders: Type.Array(Type.Object({ id: Uuid, number: Type.String(), status: Type.String() })),
    /** The questions asked, in order, with their texts (the form is built from them). */
    questions: Type.Array(
      Type.Object({
        code: Type.String(),
        text: Type.String(),
        textEn: Type.String(),
        scored: Type.Boolean(),
      }),
    ),
    /** Calls, notes, assignment and completion, from the audit log. */
    history: Type.Array(
      Type.Object({
        at: Timestamp,
        action: Type.String(),
        actorName: Nullable(Type.String()),
        note: Nullable(Type.String()),
      }),
    ),
  }),
]);

export const ListVisitsQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    /** One status or several, comma-separated (open,unreachable). */
    status: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(lit(VISIT_KINDS)),
    /** Only visits assigned to me. */
    mine: Type.Optional(Type.Boolean()),
    /** Only visits still waiting (open, unreachable) past their due time. */
    overdue: Type.Optional(Type.Boolean()),
    dealerId: Type.Optional(Uuid),
    ticketId: Type.Optional(Uuid),
    followUpStatus: Type.Optional(lit(FOLLOW_UP_STATUSES)),
  },
  { additionalProperties: false },
);

export const AssignVisitBody = Type.Object(
  { version: Version, userId: Nullable(Uuid) },
  { additionalProperties: false },
);

export const CompleteVisitBody = Type.Object(
  {
    version: Version,
    answers: Type.Array(
      Type.Object(
        {
          code: Text(40, 1),
          score: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
          comment: Type.Optional(Nullable(Text(1000))),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    suggestions: Type.Optional(Nullable(Text(4000))),
    /** Required when the customer is unhappy (a score ≤ 2 or a mean below 3). */
    followUpAction: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);

export const VisitNoteBody = Type.Object(
  { version: Version, note: Text(2000, 1) },
  { additionalProperties: false },
);
