import { Type } from '@sinclair/typebox';
import {
  Code,
  Email,
  Nullable,
  PageQuery,
  Phone,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';

export const CUSTOMER_KINDS = ['existing', 'new', 'potential', 'competitor', 'partner', 'institute'] as const;
export const GRADES = ['A', 'B', 'C', 'D'] as const;
const Kind = Type.Union(CUSTOMER_KINDS.map((k) => Type.Literal(k)));
const Grade = Type.Union(GRADES.map((g) => Type.Literal(g)));

export const ContactInput = Type.Object(
  {
    name: Text(100, 1),
    title: Type.Optional(Nullable(Text(100))),
    phone: Type.Optional(Nullable(Phone)),
    email: Type.Optional(Nullable(Email)),
    primary: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const Contact = Type.Object({
  id: Uuid,
  name: Type.String(),
  title: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  primary: Type.Boolean(),
});

export const Customer = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  grade: Type.String(),
  dealerId: Nullable(Uuid),
  region: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  industry: Nullable(Type.String()),
  ownerUserId: Nullable(Uuid),
  status: Type.String(),
  businessStatus: Type.String(),
  archivedAt: Nullable(Timestamp),
  archivedReason: Nullable(Type.String()),
  completedCooperations: Type.Integer(),
  lastReview: Type.Any(),
  notes: Nullable(Type.String()),
  contacts: Type.Array(Contact),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const BusinessStatus = Type.Union([
  Type.Literal('operating'),
  Type.Literal('bankrupt'),
  Type.Literal('closed'),
]);

const editable = {
  kind: Kind,
  businessStatus: BusinessStatus,
  grade: Grade,
  dealerId: Nullable(Uuid),
  region: Nullable(Text(100)),
  address: Nullable(Text(300)),
  phone: Nullable(Phone),
  industry: Nullable(Text(100)),
  ownerUserId: Nullable(Uuid),
  notes: Nullable(Text(2000)),
  contacts: Type.Array(ContactInput, { maxItems: 50 }),
};

export const CreateCustomerBody = Type.Object(
  {
    name: Text(200, 1),
    kind: Kind,
    grade: Grade,
    code: Type.Optional(Code),
    businessStatus: Type.Optional(editable.businessStatus),
    dealerId: Type.Optional(editable.dealerId),
    region: Type.Optional(editable.region),
    address: Type.Optional(editable.address),
    phone: Type.Optional(editable.phone),
    industry: Type.Optional(editable.industry),
    ownerUserId: Type.Optional(editable.ownerUserId),
    notes: Type.Optional(editable.notes),
    contacts: Type.Optional(editable.contacts),
  },
  { additionalProperties: false },
);

export const UpdateCustomerBody = Type.Composite(
  [Type.Object({ version: Version, name: Type.Optional(Text(200, 1)) }), Type.Partial(Type.Object(editable))],
  { additionalProperties: false },
);

export const ArchiveCustomerBody = Type.Object(
  { version: Version, reason: Text(500, 1) },
  { additionalProperties: false },
);

export const ListCustomersQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(Kind),
    grade: Type.Optional(Grade),
    dealerId: Type.Optional(Uuid),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
  },
  { additionalProperties: false },
);
