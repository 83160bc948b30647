import { type TObject, type TProperties, Type } from '@sinclair/typebox';
import { Code, Nullable, PageQuery, Phone, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';
import type { OrgEntity } from './org-dal.ts';

const common = {
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

// Editable fields per entity; create and update bodies are derived from these so they cannot drift.
const editable = {
  department: {
    nameEn: Nullable(Text(100)),
    parentId: Nullable(Uuid),
    headUserId: Nullable(Uuid),
  },
  service_centre: {
    region: Nullable(Text(100)),
    address: Nullable(Text(300)),
    phone: Nullable(Phone),
    headUserId: Nullable(Uuid),
  },
  dealer: {
    regions: Type.Array(Text(50, 1), { maxItems: 50, uniqueItems: true }),
    contactName: Nullable(Text(100)),
    phone: Nullable(Phone),
    address: Nullable(Text(300)),
  },
} satisfies Record<OrgEntity, TProperties>;

const optional = (props: TProperties) =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Type.Optional(v)]));

export const orgSchemas = (entity: OrgEntity) => {
  const fields = editable[entity];
  return {
    item: Type.Object({ ...common, ...fields }) as TObject,
    create: Type.Object(
      { code: Code, name: Text(100, 1), ...optional(fields) },
      { additionalProperties: false },
    ),
    update: Type.Object(
      {
        version: Version,
        code: Type.Optional(Code),
        name: Type.Optional(Text(100, 1)),
        active: Type.Optional(Type.Boolean()),
        ...optional(fields),
      },
      { additionalProperties: false },
    ),
    list: Type.Object(
      { ...PageQuery, active: Type.Optional(Type.Boolean()) },
      { additionalProperties: false },
    ),
  };
};

export const ORG_PATHS: Record<OrgEntity, string> = {
  department: '/api/departments',
  service_centre: '/api/service-centres',
  dealer: '/api/dealers',
};
