import { Type } from '@sinclair/typebox';
import {
  Code,
  DateOrTime,
  Nullable,
  PageQuery,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';

const Hours = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Months = Type.Integer({ minimum: 0, maximum: 600 });
const SpecialTerms = Type.Object(
  { months: Months, hoursLimit: Nullable(Hours) },
  { additionalProperties: false },
);
const AttachmentCode = Type.String({ pattern: '^[a-z0-9_]{1,40}$' });

const assetFields = {
  customerId: Uuid,
  dealerId: Nullable(Uuid),
  soldAt: Nullable(DateOrTime),
  deliveredAt: Nullable(DateOrTime),
  invoiceAt: Nullable(DateOrTime),
  acceptedAt: Nullable(DateOrTime),
  completedAt: Nullable(DateOrTime),
  plan: Nullable(Code),
  attachments: Type.Array(AttachmentCode, { maxItems: 20, uniqueItems: true }),
  specialTerms: Nullable(SpecialTerms),
  specialPrice: Type.Boolean(),
  secondHand: Type.Boolean(),
  warrantyCardReturnedAt: Nullable(DateOrTime),
  location: Nullable(Text(300)),
  notes: Nullable(Text(2000)),
};

export const CreateAssetBody = Type.Composite(
  [
    Type.Object({
      serialNo: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9][A-Za-z0-9_./-]*$' }),
      modelId: Uuid,
      customerId: Uuid,
    }),
    Type.Partial(Type.Object({ ...assetFields, customerId: Uuid })),
  ],
  { additionalProperties: false },
);

export const UpdateAssetBody = Type.Composite(
  [Type.Object({ version: Version }), Type.Partial(Type.Object(assetFields))],
  {
    additionalProperties: false,
  },
);

export const Asset = Type.Object({
  id: Uuid,
  serialNo: Type.String(),
  modelId: Uuid,
  modelCode: Type.String(),
  modelName: Type.String(),
  customerId: Uuid,
  customerName: Type.String(),
  dealerId: Nullable(Uuid),
  warrantyPolicyId: Uuid,
  soldAt: Nullable(Timestamp),
  deliveredAt: Nullable(Timestamp),
  invoiceAt: Nullable(Timestamp),
  acceptedAt: Nullable(Timestamp),
  completedAt: Nullable(Timestamp),
  plan: Nullable(Type.String()),
  attachments: Type.Array(Type.String()),
  specialTerms: Type.Any(),
  specialPrice: Type.Boolean(),
  secondHand: Type.Boolean(),
  warrantyCardReturnedAt: Nullable(Timestamp),
  location: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  latestHours: Nullable(Type.Number()),
  latestReadAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ListAssetsQuery = Type.Object(
  {
    ...PageQuery,
    serialPrefix: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    customerId: Type.Optional(Uuid),
    modelId: Type.Optional(Uuid),
    dealerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const MeterReadingBody = Type.Object(
  {
    hours: Type.Number({ minimum: 0, maximum: 1_000_000 }),
    readAt: DateOrTime,
    source: Type.Optional(Text(40, 1)),
  },
  { additionalProperties: false },
);
export const MeterReading = Type.Object({
  id: Uuid,
  assetId: Uuid,
  hours: Type.Number(),
  readAt: Timestamp,
  source: Type.String(),
  createdAt: Timestamp,
});

export const AssetEventBody = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('gps_tamper'),
      Type.Literal('part_replaced'),
      Type.Literal('repair'),
      Type.Literal('maintenance'),
    ]),
    at: DateOrTime,
    partCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
    // repair: the fault repaired; maintenance: the meter reading the inspection was done at.
    faultCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
    hours: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1_000_000 }))),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export const AssetEvent = Type.Object({
  id: Uuid,
  assetId: Uuid,
  kind: Type.String(),
  at: Timestamp,
  partCode: Nullable(Type.String()),
  faultCode: Nullable(Type.String()),
  hours: Nullable(Type.Number()),
  sourceType: Nullable(Type.String()),
  sourceId: Nullable(Uuid),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const EntitlementQuery = Type.Object(
  {
    at: Type.Optional(DateOrTime),
    hours: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    partCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    cause: Type.Optional(
      Type.Union(
        ['defect', 'supplier', 'workmanship', 'customer', 'force_majeure', 'wear', 'unknown'].map((c) =>
          Type.Literal(c),
        ),
      ),
    ),
    reportedAt: Type.Optional(DateOrTime),
    evidence: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const Reason = Type.Object({
  code: Type.String(),
  clause: Nullable(Type.String()),
  message: Type.String(),
  messageEn: Type.String(),
});
export const EntitlementResult = Type.Object({
  inWarranty: Type.Boolean(),
  coverage: Type.Union([Type.Literal('free'), Type.Literal('cost'), Type.Literal('charged')]),
  warrantyStart: Nullable(Timestamp),
  warrantyEnd: Nullable(Timestamp),
  hoursLimit: Nullable(Type.Number()),
  quoteRequired: Type.Boolean(),
  partWarranty: Type.Any(),
  reasons: Type.Array(Reason),
  inputs: Type.Any(),
  // Present for policies with software service tiers [seed 000 第一篇].
  serviceTiers: Type.Any(),
  policy: Type.Object({ id: Uuid, name: Type.String(), version: Type.Integer() }),
});
