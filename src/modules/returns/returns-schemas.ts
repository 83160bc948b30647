import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { RETURN_STATUSES } from '../../domain/returns/return-status.ts';
import { MAJOR_COMPONENTS, PRODUCT_CATEGORIES, REMEDIES } from '../../domain/returns/return-types.ts';
import { Nullable, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const strict = { additionalProperties: false } as const;
const Day = Type.String({ format: 'date' });
/** Money in integer fen (分); ¥100 million is far beyond one returned unit. */
const Fen = Type.Integer({ minimum: 0, maximum: 10_000_000_000 });

export const Remedy = lit(REMEDIES);

// 退换货登记表 (SPEC §4 POST /api/returns). Customers file for themselves from the portal.
export const CreateReturnBody = Type.Object(
  {
    customerId: Uuid,
    assetId: Type.Optional(Nullable(Uuid)),
    productCategory: lit(PRODUCT_CATEGORIES),
    purchasedAt: Day,
    receivedAt: Type.Optional(Nullable(Day)),
    submittedAt: Type.Optional(Timestamp),
    requested: Remedy,
    qualityFault: Type.Boolean(),
    faultCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
    majorComponent: Type.Optional(Nullable(lit(MAJOR_COMPONENTS))),
    goodsComplete: Type.Boolean(),
    reason: Text(2000, 1),
    // Beyond the contract: the return ticket it comes from, the work order, contact and city, price.
    ticketId: Type.Optional(Nullable(Uuid)),
    workOrderId: Type.Optional(Nullable(Uuid)),
    contactPhone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' }))),
    city: Type.Optional(Nullable(Text(40))),
    invoiceFen: Type.Optional(Nullable(Fen)),
  },
  strict,
);

export const DecisionBody = Type.Object(
  {
    at: Timestamp,
    approved: Type.Boolean(),
    option: Type.Optional(Nullable(Remedy)),
    note: Type.Optional(Nullable(Text(2000))),
    // pickup: collected at the door (its own 1–2 / 3–4 days from now); mail: the customer sends it.
    via: Type.Optional(Nullable(lit(['pickup', 'mail'] as const))),
    version: Type.Optional(Version),
  },
  strict,
);

export const ReceiptBody = Type.Object(
  { at: Timestamp, via: lit(['pickup', 'mail'] as const), version: Type.Optional(Version) },
  strict,
);

export const Checklist = Type.Object(
  {
    packaging: Type.Boolean(),
    accessories: Type.Boolean(),
    manual: Type.Boolean(),
    warrantyCard: Type.Boolean(),
    invoice: Type.Boolean(),
  },
  strict,
);

export const InspectionBody = Type.Object(
  {
    at: Timestamp,
    passed: Type.Boolean(),
    note: Type.Optional(Nullable(Text(2000))),
    checklist: Type.Optional(Nullable(Checklist)),
    version: Type.Optional(Version),
  },
  strict,
);

export const RefundDraftBody = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1, maximum: 10_000_000_000 }),
    invoiceFen: Type.Optional(Fen),
    note: Type.Optional(Nullable(Text(2000))),
    version: Type.Optional(Version),
  },
  strict,
);
export const RefundApproveBody = Type.Object(
  { at: Timestamp, note: Type.Optional(Nullable(Text(2000))), version: Type.Optional(Version) },
  strict,
);
export const ExchangeBody = Type.Object(
  {
    at: Timestamp,
    replacementSerialNo: Type.String({ minLength: 1, maxLength: 60 }),
    note: Type.Optional(Nullable(Text(2000))),
    version: Type.Optional(Version),
  },
  strict,
);
export const SendBackBody = Type.Object(
  { at: Timestamp, note: Type.Optional(Nullable(Text(2000))), version: Type.Optional(Version) },
  strict,
);

export const ListReturnsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(lit(RETURN_STATUSES)),
    open: Type.Optional(Type.Boolean()),
    customerId: Type.Optional(Uuid),
    assetId: Type.Optional(Uuid),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  strict,
);

export const ExportReturnsQuery = Type.Object(
  {
    q: ListReturnsQuery.properties.q,
    status: ListReturnsQuery.properties.status,
    open: ListReturnsQuery.properties.open,
    customerId: ListReturnsQuery.properties.customerId,
    assetId: ListReturnsQuery.properties.assetId,
  },
  strict,
);

export const PickupCitiesBody = Type.Object(
  { cities: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 1000 }) },
  strict,
);

const Reason = Type.Object({
  code: Type.String(),
  clause: Nullable(Type.String()),
  message: Type.String(),
  messageEn: Type.Optional(Type.String()),
});

export const ReturnDeadline = Type.Object({
  dueAt: Timestamp,
  code: Type.String(),
  clause: Type.String(),
  message: Type.String(),
  messageEn: Type.String(),
  inputs: Type.Record(Type.String(), Type.Unknown()),
});

export const ReturnEvent = Type.Object({
  id: Uuid,
  at: Timestamp,
  kind: Type.String(),
  actorName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  data: Type.Unknown(),
});

const ReturnFields = {
  id: Uuid,
  number: Type.String(),
  status: lit(RETURN_STATUSES),
  customerId: Uuid,
  customerName: Type.String(),
  assetId: Nullable(Uuid),
  serialNo: Nullable(Type.String()),
  modelName: Nullable(Type.String()),
  dealerId: Nullable(Uuid),
  ticketId: Nullable(Uuid),
  ticketNumber: Nullable(Type.String()),
  workOrderId: Nullable(Uuid),
  source: Type.String(),
  productCategory: lit(PRODUCT_CATEGORIES),
  purchasedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  submittedAt: Timestamp,
  requested: Remedy,
  qualityFault: Type.Boolean(),
  faultCode: Nullable(Type.String()),
  majorComponent: Nullable(Type.String()),
  goodsComplete: Type.Boolean(),
  reason: Type.String(),
  contactPhone: Nullable(Type.String()),
  city: Nullable(Type.String()),
  eligibility: Type.Object({
    options: Type.Array(Remedy),
    requestedAllowed: Type.Boolean(),
    reasons: Type.Array(Reason),
    inputs: Type.Record(Type.String(), Type.Unknown()),
  }),
  deadlines: Type.Record(Type.String(), ReturnDeadline),
  reviewDueAt: Timestamp,
  decidedAt: Nullable(Timestamp),
  approved: Nullable(Type.Boolean()),
  option: Nullable(Remedy),
  decisionNote: Nullable(Type.String()),
  pickupDueAt: Nullable(Timestamp),
  goodsReceivedAt: Nullable(Timestamp),
  receiptVia: Nullable(Type.String()),
  processDueAt: Nullable(Timestamp),
  inspectedAt: Nullable(Timestamp),
  inspectionPassed: Nullable(Type.Boolean()),
  inspectionNote: Nullable(Type.String()),
  checklist: Nullable(Checklist),
  refundDueAt: Nullable(Timestamp),
  sendBackDueAt: Nullable(Timestamp),
  exchangeDueAt: Nullable(Timestamp),
  invoiceFen: Nullable(Type.Integer()),
  refundFen: Nullable(Type.Integer()),
  refundStatus: Type.String(),
  refundApprovedAt: Nullable(Timestamp),
  replacementSerialNo: Nullable(Type.String()),
  shippedAt: Nullable(Timestamp),
  sentBackAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  nextDueAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const ReturnSummary = Type.Object(ReturnFields);
export const ReturnRequest = Type.Object({ ...ReturnFields, events: Type.Array(ReturnEvent) });
