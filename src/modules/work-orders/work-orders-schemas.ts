import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { WORK_ORDER_STATUSES } from '../../domain/field/work-order-status.ts';
import { Nullable, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;

export const CAUSES = ['defect', 'supplier', 'workmanship', 'customer', 'force_majeure', 'wear', 'unknown'] as const;
const Day = Type.String({ format: 'date' });

export const CreateWorkOrderBody = Type.Object(
  {
    task: Text(2000, 1),
    trade: Type.Optional(Nullable(Text(60))),
    region: Type.Optional(Nullable(Text(60))),
    address: Type.Optional(Nullable(Text(300))),
    deadlineAt: Type.Optional(Nullable(Timestamp)),
    plannedDate: Type.Optional(Nullable(Day)),
    engineerIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const UpdateWorkOrderBody = Type.Object(
  {
    version: Version,
    task: Type.Optional(Text(2000, 1)),
    trade: Type.Optional(Nullable(Text(60))),
    region: Type.Optional(Nullable(Text(60))),
    address: Type.Optional(Nullable(Text(300))),
    deadlineAt: Type.Optional(Nullable(Timestamp)),
    plannedDate: Type.Optional(Nullable(Day)),
    travelKm: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    meterHours: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
    majorFault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const DispatchBody = Type.Object(
  {
    version: Version,
    engineerIds: Type.Array(Uuid, { minItems: 1, maxItems: 10, uniqueItems: true }),
    /** Defaults to the first engineer. */
    leadEngineerId: Type.Optional(Uuid),
    plannedDate: Type.Optional(Nullable(Day)),
  },
  { additionalProperties: false },
);

export const WorkOrderTransitionBody = Type.Object(
  {
    version: Version,
    to: lit(['planned', 'travelling', 'on_site', 'done', 'closed', 'cancelled'] as const),
    /** When it happened (check-in/out on a phone that was offline); defaults to now. */
    at: Type.Optional(Timestamp),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const DiagnosisBody = Type.Object(
  {
    version: Version,
    cause: lit(CAUSES),
    diagnosis: Text(4000, 1),
    meterHours: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
    majorFault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ItemBody = Type.Object(
  {
    description: Text(500, 1),
    method: Type.Optional(Nullable(Text(500))),
    quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    labourMinutes: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  { additionalProperties: false },
);

export const PartLineBody = Type.Object(
  {
    partId: Uuid,
    locationId: Uuid,
    quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    removedSerial: Type.Optional(Nullable(Text(100))),
    fittedSerial: Type.Optional(Nullable(Text(100))),
    /** false only reserves the part ahead of the visit; true (default) records it as used. */
    consume: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ConsumePartBody = Type.Object(
  { removedSerial: Type.Optional(Nullable(Text(100))), fittedSerial: Type.Optional(Nullable(Text(100))) },
  { additionalProperties: false },
);

export const SignatureBody = Type.Object(
  {
    version: Version,
    signedBy: Text(100, 1),
    /** The drawn signature as a PNG data URL (data:image/png;base64,...). */
    image: Type.String({ minLength: 30, maxLength: 700_000, pattern: '^data:image/png;base64,' }),
    comment: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export const QuoteDecisionBody = Type.Object(
  {
    version: Version,
    accepted: Type.Boolean(),
    /** Who agreed on the customer's side (the desk records a phone or paper acceptance). */
    decidedBy: Type.Optional(Text(100, 1)),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);

export const UrgentApprovalBody = Type.Object(
  { version: Version, reason: Text(1000, 1) },
  { additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  {
    returnedOn: Day,
    nature: Type.Optional(Nullable(Text(2000))),
    cause: Type.Optional(Nullable(Text(2000))),
    handling: Type.Optional(Nullable(Text(2000))),
    /** Hand the form in (nature, cause and handling are then required). */
    submit: Type.Optional(Type.Boolean()),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);

export const ListWorkOrdersQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 200 })),
    ticketId: Type.Optional(Uuid),
    assetId: Type.Optional(Uuid),
    engineerId: Type.Optional(Uuid),
    /** Only orders of the caller's own engineer record. */
    mine: Type.Optional(Type.Boolean()),
    plannedFrom: Type.Optional(Day),
    plannedTo: Type.Optional(Day),
    unplanned: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const BoardQuery = Type.Object(
  {
    from: Day,
    days: Type.Integer({ minimum: 1, maximum: 14, default: 7 }),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    dealerId: Type.Optional(Uuid),
    serviceCentreId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const Json = Type.Any();

export const WorkOrderEngineer = Type.Object({
  id: Uuid,
  name: Type.String(),
  trade: Type.String(),
  phone: Nullable(Type.String()),
  lead: Type.Boolean(),
});

export const WorkOrderSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  ticketId: Uuid,
  ticketNumber: Type.String(),
  customerId: Uuid,
  customerName: Type.String(),
  assetId: Nullable(Uuid),
  assetSerialNo: Nullable(Type.String()),
  status: lit(WORK_ORDER_STATUSES),
  task: Type.String(),
  trade: Nullable(Type.String()),
  category: Nullable(Type.String()),
  region: Nullable(Type.String()),
  address: Nullable(Type.String()),
  deadlineAt: Nullable(Timestamp),
  plannedDate: Nullable(Type.String()),
  engineers: Type.Array(WorkOrderEngineer),
  quoteRequired: Type.Boolean(),
  quoteStatus: Type.String(),
  customerTotalFen: Type.Integer(),
  urgentApprovedAt: Nullable(Timestamp),
  paperworkRegularisedAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
});

export const WorkOrder = Type.Composite([
  WorkOrderSummary,
  Type.Object({
    dealerId: Nullable(Uuid),
    modelName: Nullable(Type.String()),
    dispatchedAt: Nullable(Timestamp),
    travelStartedAt: Nullable(Timestamp),
    checkInAt: Nullable(Timestamp),
    checkOutAt: Nullable(Timestamp),
    doneAt: Nullable(Timestamp),
    closedAt: Nullable(Timestamp),
    cause: Type.String(),
    diagnosis: Nullable(Type.String()),
    meterHours: Nullable(Type.Integer()),
    travelKm: Type.Integer(),
    majorFault: Type.Boolean(),
    /** The entitlement of the work itself (no part), with its inputs and reasons. */
    entitlement: Json,
    /** Charge lines with coverage, payer and reasons; totals in fen (see src/domain/field/charges.ts). */
    charges: Json,
    companyCostFen: Type.Integer(),
    quote: Json,
    quoteSentAt: Nullable(Timestamp),
    quoteDecidedAt: Nullable(Timestamp),
    quoteDecidedBy: Nullable(Type.String()),
    quoteDecidedVia: Nullable(Type.String()),
    urgentApprovedByName: Nullable(Type.String()),
    urgentReason: Nullable(Type.String()),
    hasSignature: Type.Boolean(),
    signedBy: Nullable(Type.String()),
    signedAt: Nullable(Timestamp),
    customerComment: Nullable(Type.String()),
    writtenOffAt: Nullable(Timestamp),
    reimbursedAt: Nullable(Timestamp),
    /** Where the order may go next, and whether each step is blocked now (and why). */
    nextSteps: Type.Array(
      Type.Object({
        to: Type.String(),
        blocked: Nullable(Type.Object({ code: Type.String(), message: Type.String(), messageEn: Type.String() })),
      }),
    ),
    items: Type.Array(
      Type.Object({
        id: Uuid,
        description: Type.String(),
        method: Nullable(Type.String()),
        quantity: Type.Integer(),
        labourMinutes: Type.Integer(),
      }),
    ),
    parts: Type.Array(
      Type.Object({
        id: Uuid,
        partId: Uuid,
        partCode: Type.String(),
        partName: Type.String(),
        locationId: Uuid,
        locationName: Type.String(),
        quantity: Type.Integer(),
        status: Type.String(),
        removedSerial: Nullable(Type.String()),
        fittedSerial: Nullable(Type.String()),
      }),
    ),
    photos: Type.Array(
      Type.Object({
        id: Uuid,
        phase: Type.String(),
        fileName: Type.String(),
        contentType: Type.String(),
        size: Type.Integer(),
        createdAt: Timestamp,
      }),
    ),
    oldPartReturns: Type.Array(
      Type.Object({
        id: Uuid,
        partCode: Type.String(),
        partName: Type.String(),
        quantity: Type.Integer(),
        serialNo: Nullable(Type.String()),
        status: Type.String(),
        dueAt: Timestamp,
        overdue: Type.Boolean(),
        appraisal: Nullable(Type.String()),
      }),
    ),
    feedback: Nullable(
      Type.Object({
        id: Uuid,
        returnedOn: Type.String(),
        dueOn: Type.String(),
        nature: Nullable(Type.String()),
        cause: Nullable(Type.String()),
        handling: Nullable(Type.String()),
        status: Type.String(),
        overdue: Type.Boolean(),
        headSignedName: Nullable(Type.String()),
        headSignedAt: Nullable(Timestamp),
        version: Type.Integer(),
      }),
    ),
    events: Type.Array(
      Type.Object({ kind: Type.String(), data: Json, actorName: Nullable(Type.String()), at: Timestamp }),
    ),
    updatedAt: Timestamp,
  }),
]);

export const Suggestion = Type.Object({
  engineerId: Uuid,
  name: Type.String(),
  score: Type.Number(),
  openOrders: Type.Integer(),
  capacity: Type.Integer(),
  reasons: Type.Array(
    Type.Object({ code: Type.String(), points: Type.Number(), message: Type.String(), messageEn: Type.String() }),
  ),
});

export const Board = Type.Object({
  from: Type.String(),
  days: Type.Array(Type.Object({ date: Type.String(), working: Type.Boolean() })),
  engineers: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      trade: Type.String(),
      regions: Type.Array(Type.String()),
      openOrders: Type.Integer(),
      capacity: Type.Integer(),
    }),
  ),
  /** Orders planned in the window, each with the engineers it is on. */
  orders: Type.Array(WorkOrderSummary),
  /** Open orders not yet dispatched or without a day. */
  unplanned: Type.Array(WorkOrderSummary),
});
