import { Type } from '@sinclair/typebox';
import { Nullable, NullableTimestamp, PageQuery, Text, Timestamp, Uuid } from '../../platform/schemas.ts';

const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Note = Nullable(Text(500));

export const StockLevel = Type.Object({
  id: Uuid,
  partId: Uuid,
  partCode: Type.String(),
  partName: Type.String(),
  unit: Type.String(),
  wear: Type.Boolean(),
  consumable: Type.Boolean(),
  locationId: Uuid,
  locationCode: Type.String(),
  locationName: Type.String(),
  locationKind: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  /** onHand − reserved: what can still be reserved or moved. */
  available: Type.Integer(),
  minQty: Type.Integer(),
  /** available ≤ minQty (安全库存): the row needs replenishing. */
  low: Type.Boolean(),
  updatedAt: NullableTimestamp,
});

export const ListStockQuery = Type.Object(
  {
    ...PageQuery,
    partId: Type.Optional(Uuid),
    locationId: Type.Optional(Uuid),
    low: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ReceiveBody = Type.Object(
  { partId: Uuid, locationId: Uuid, quantity: Quantity, note: Type.Optional(Note) },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  {
    partId: Uuid,
    fromLocationId: Uuid,
    toLocationId: Uuid,
    quantity: Quantity,
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);

/** Stock-take (盘点): the counted quantity replaces on hand; the difference is a ledger row. */
export const AdjustBody = Type.Object(
  { partId: Uuid, locationId: Uuid, onHand: Count, note: Text(500, 1) },
  { additionalProperties: false },
);

export const MinQtyBody = Type.Object(
  { partId: Uuid, locationId: Uuid, minQty: Count },
  { additionalProperties: false },
);

export const TransferResult = Type.Object({ from: StockLevel, to: StockLevel });

export const MOVE_KINDS = [
  'receive',
  'transfer',
  'reserve',
  'release',
  'consume',
  'adjust',
  'old_part_in',
] as const;

export const StockMove = Type.Object({
  id: Uuid,
  kind: Type.String(),
  partId: Uuid,
  partCode: Type.String(),
  partName: Type.String(),
  fromLocationId: Nullable(Uuid),
  fromLocationName: Nullable(Type.String()),
  toLocationId: Nullable(Uuid),
  toLocationName: Nullable(Type.String()),
  quantity: Type.Integer(),
  workOrderId: Nullable(Uuid),
  note: Nullable(Type.String()),
  createdBy: Nullable(Uuid),
  createdByName: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const ListMovesQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    partId: Type.Optional(Uuid),
    locationId: Type.Optional(Uuid),
    kind: Type.Optional(Type.Union(MOVE_KINDS.map((k) => Type.Literal(k)))),
    workOrderId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const LowCount = Type.Object({ count: Type.Integer() });
