import { Type } from '@sinclair/typebox';
import { Code, Nullable, PageQuery, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

const StartBasis = Type.Union(
  ['delivery', 'invoice', 'acceptance', 'completion'].map((s) => Type.Literal(s)),
);
const Months = Type.Integer({ minimum: 0, maximum: 600 });
const Hours = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const PartCode = Type.String({ minLength: 1, maxLength: 60 });

const Plan = Type.Object(
  { code: Code, months: Months, hoursLimit: Nullable(Hours) },
  { additionalProperties: false },
);
const WeightLimit = Type.Object(
  { maxWeightT: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }), hoursLimit: Hours },
  { additionalProperties: false },
);
const ServiceTiers = Type.Object(
  {
    lifetimeFree: Type.Array(Text(200, 1), { maxItems: 50 }),
    firstYearFree: Type.Array(Text(200, 1), { maxItems: 50 }),
    annualFeeRate: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);

// One body describes a policy version; editing sends the whole set of terms again (a new version).
const policyTerms = {
  name: Text(100, 1),
  startBasis: StartBasis,
  months: Months,
  hoursLimit: Nullable(Hours),
  plans: Type.Optional(Type.Array(Plan, { maxItems: 20 })),
  weightHourLimits: Type.Optional(Type.Array(WeightLimit, { maxItems: 20 })),
  attachmentHourReductions: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), Hours)),
  partMonths: Type.Optional(Months),
  clauses: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9_]{1,60}$' }), Text(60, 1))),
  serviceTiers: Type.Optional(Nullable(ServiceTiers)),
  exclusions: Type.Optional(Type.Array(Text(200, 1), { maxItems: 50 })),
};

export const CreatePolicyBody = Type.Object(policyTerms, { additionalProperties: false });
// PATCH names only what changes; the service merges it onto the current version into a new one.
export const UpdatePolicyBody = Type.Partial(Type.Object(policyTerms), { additionalProperties: false });

export const Policy = Type.Object({
  id: Uuid,
  policyKey: Uuid,
  version: Type.Integer(),
  name: Type.String(),
  startBasis: Type.String(),
  months: Type.Integer(),
  hoursLimit: Nullable(Type.Integer()),
  plans: Type.Array(
    Type.Object({ code: Type.String(), months: Type.Integer(), hoursLimit: Nullable(Type.Integer()) }),
  ),
  weightHourLimits: Type.Array(Type.Object({ maxWeightT: Type.Number(), hoursLimit: Type.Integer() })),
  attachmentHourReductions: Type.Record(Type.String(), Type.Integer()),
  partMonths: Type.Integer(),
  clauses: Type.Record(Type.String(), Type.String()),
  serviceTiers: Type.Any(),
  exclusions: Type.Array(Type.String()),
  current: Type.Boolean(),
  supersededAt: Nullable(Timestamp),
  createdAt: Timestamp,
});

const modelFields = {
  name: Text(200, 1),
  category: Text(100, 1),
  operatingWeightT: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 10_000 })),
  listPriceFen: Nullable(Type.Integer({ minimum: 0 })),
  warrantyPolicyId: Uuid,
  hoursLimitOverride: Nullable(Hours),
  wearParts: Type.Array(PartCode, { maxItems: 500, uniqueItems: true }),
  consumables: Type.Array(PartCode, { maxItems: 500, uniqueItems: true }),
};

export const CreateModelBody = Type.Object(
  {
    code: Code,
    name: modelFields.name,
    category: modelFields.category,
    warrantyPolicyId: modelFields.warrantyPolicyId,
    operatingWeightT: Type.Optional(modelFields.operatingWeightT),
    listPriceFen: Type.Optional(modelFields.listPriceFen),
    hoursLimitOverride: Type.Optional(modelFields.hoursLimitOverride),
    wearParts: Type.Optional(modelFields.wearParts),
    consumables: Type.Optional(modelFields.consumables),
  },
  { additionalProperties: false },
);

export const UpdateModelBody = Type.Composite(
  [
    Type.Object({ version: Version, code: Type.Optional(Code), active: Type.Optional(Type.Boolean()) }),
    Type.Partial(Type.Object(modelFields)),
  ],
  { additionalProperties: false },
);

export const Model = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  operatingWeightT: Nullable(Type.Number()),
  listPriceFen: Nullable(Type.Integer()),
  warrantyPolicyId: Uuid,
  hoursLimitOverride: Nullable(Type.Integer()),
  wearParts: Type.Array(Type.String()),
  consumables: Type.Array(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ListModelsQuery = Type.Object(
  { ...PageQuery, category: Type.Optional(Text(100)) },
  { additionalProperties: false },
);
