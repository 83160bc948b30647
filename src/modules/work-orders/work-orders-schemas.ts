import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { Nullable, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;

export const CAUSES = [
  'defect',
  'supplier',
  'workmanship',
  'customer',
  'force_majeure',
  'wear',
  'unknown',
] as const;
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
    /** The form's version as read; null when no form had been saved yet. */
    version: Nullable(Version),
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

// Response shapes live in their own file.
export * from './work-order-responses.ts';
