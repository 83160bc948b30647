import { Type } from '@sinclair/typebox';
import { Nullable, Phone, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

const Tags = Type.Array(Text(60, 1), { maxItems: 50, uniqueItems: true });

export const CreateEngineerBody = Type.Object(
  {
    name: Text(100, 1),
    userId: Type.Optional(Nullable(Uuid)),
    phone: Type.Optional(Nullable(Phone)),
    trade: Text(60, 1),
    skills: Type.Optional(Tags),
    regions: Type.Optional(Tags),
    serviceCentreId: Type.Optional(Nullable(Uuid)),
    dealerId: Type.Optional(Nullable(Uuid)),
    calendarId: Type.Optional(Nullable(Uuid)),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateEngineerBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text(100, 1)),
    userId: Type.Optional(Nullable(Uuid)),
    phone: Type.Optional(Nullable(Phone)),
    trade: Type.Optional(Text(60, 1)),
    skills: Type.Optional(Tags),
    regions: Type.Optional(Tags),
    serviceCentreId: Type.Optional(Nullable(Uuid)),
    dealerId: Type.Optional(Nullable(Uuid)),
    calendarId: Type.Optional(Nullable(Uuid)),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ListEngineersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 40 })),
    active: Type.Optional(Type.Boolean()),
    dealerId: Type.Optional(Uuid),
    serviceCentreId: Type.Optional(Uuid),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const Engineer = Type.Object({
  id: Uuid,
  userId: Nullable(Uuid),
  username: Nullable(Type.String()),
  name: Type.String(),
  phone: Nullable(Type.String()),
  trade: Type.String(),
  skills: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  serviceCentreId: Nullable(Uuid),
  serviceCentreName: Nullable(Type.String()),
  dealerId: Nullable(Uuid),
  dealerName: Nullable(Type.String()),
  calendarId: Nullable(Uuid),
  capacity: Type.Integer(),
  /** Open work orders now assigned to the engineer. */
  openOrders: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
