import { Type } from '@sinclair/typebox';
import { Code, Nullable, PageQuery, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

// Money travels as integer fen (SPEC §3); the bound keeps sums far inside JavaScript's safe integers.
export const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

// ── 备件目录 ─────────────────────────────────────────────────────────────────────────────────────
export const Part = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  wear: Type.Boolean(),
  consumable: Type.Boolean(),
  serialised: Type.Boolean(),
  costFen: Type.Integer(),
  listFen: Type.Integer(),
  supplier: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const partFields = {
  code: Code,
  name: Text(200, 1),
  unit: Text(20, 1),
  wear: Type.Boolean(),
  consumable: Type.Boolean(),
  serialised: Type.Boolean(),
  costFen: Fen,
  listFen: Fen,
  supplier: Nullable(Text(200)),
  active: Type.Boolean(),
};

export const CreatePartBody = Type.Object(
  {
    code: partFields.code,
    name: partFields.name,
    costFen: partFields.costFen,
    listFen: partFields.listFen,
    unit: Type.Optional(partFields.unit),
    wear: Type.Optional(partFields.wear),
    consumable: Type.Optional(partFields.consumable),
    serialised: Type.Optional(partFields.serialised),
    supplier: Type.Optional(partFields.supplier),
    active: Type.Optional(partFields.active),
  },
  { additionalProperties: false },
);

export const UpdatePartBody = Type.Composite(
  [Type.Object({ version: Version }), Type.Partial(Type.Object(partFields))],
  { additionalProperties: false },
);

const PartFilters = {
  wear: Type.Optional(Type.Boolean()),
  consumable: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
};

export const ListPartsQuery = Type.Object({ ...PageQuery, ...PartFilters }, { additionalProperties: false });
export const ExportPartsQuery = Type.Object(
  { q: PageQuery.q, ...PartFilters },
  { additionalProperties: false },
);

// ── 库存地点 ─────────────────────────────────────────────────────────────────────────────────────
export const LOCATION_KINDS = ['company', 'centre', 'dealer'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const StockLocation = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  serviceCentreId: Nullable(Uuid),
  serviceCentreName: Nullable(Type.String()),
  dealerId: Nullable(Uuid),
  dealerName: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const locationFields = {
  code: Code,
  name: Text(100, 1),
  kind: lit(LOCATION_KINDS),
  serviceCentreId: Nullable(Uuid),
  dealerId: Nullable(Uuid),
  active: Type.Boolean(),
};

export const CreateLocationBody = Type.Object(
  {
    code: locationFields.code,
    name: locationFields.name,
    kind: locationFields.kind,
    serviceCentreId: Type.Optional(locationFields.serviceCentreId),
    dealerId: Type.Optional(locationFields.dealerId),
    active: Type.Optional(locationFields.active),
  },
  { additionalProperties: false },
);

export const UpdateLocationBody = Type.Composite(
  [Type.Object({ version: Version }), Type.Partial(Type.Object(locationFields))],
  { additionalProperties: false },
);

export const ListLocationsQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(lit(LOCATION_KINDS)),
    active: Type.Optional(Type.Boolean()),
    dealerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

// ── 价格表 ───────────────────────────────────────────────────────────────────────────────────────
export const PRICE_LIST_KINDS = ['warranty_period', 'market'] as const;
export const PARTS_BASES = ['cost', 'list'] as const;

export const PriceList = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  labourRateFen: Type.Integer(),
  travelPerKmFen: Type.Integer(),
  travelFlatFen: Type.Integer(),
  partsBasis: Type.String(),
  partsMarkupBp: Type.Integer(),
  taxRateBp: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const priceListFields = {
  code: Code,
  name: Text(200, 1),
  kind: lit(PRICE_LIST_KINDS),
  labourRateFen: Fen,
  travelPerKmFen: Fen,
  travelFlatFen: Fen,
  partsBasis: lit(PARTS_BASES),
  // Basis points: 1000 = 10 % on top of the parts basis; up to 10× the basis.
  partsMarkupBp: Type.Integer({ minimum: 0, maximum: 100_000 }),
  // 1300 = 13 % VAT; a rate above 100 % is a typing error.
  taxRateBp: Type.Integer({ minimum: 0, maximum: 10_000 }),
  active: Type.Boolean(),
};

export const CreatePriceListBody = Type.Object(
  {
    code: priceListFields.code,
    name: priceListFields.name,
    kind: priceListFields.kind,
    labourRateFen: priceListFields.labourRateFen,
    partsBasis: priceListFields.partsBasis,
    taxRateBp: priceListFields.taxRateBp,
    travelPerKmFen: Type.Optional(priceListFields.travelPerKmFen),
    travelFlatFen: Type.Optional(priceListFields.travelFlatFen),
    partsMarkupBp: Type.Optional(priceListFields.partsMarkupBp),
    active: Type.Optional(priceListFields.active),
  },
  { additionalProperties: false },
);

export const UpdatePriceListBody = Type.Composite(
  [Type.Object({ version: Version }), Type.Partial(Type.Object(priceListFields))],
  { additionalProperties: false },
);

export const ListPriceListsQuery = Type.Object(
  { kind: Type.Optional(lit(PRICE_LIST_KINDS)), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
