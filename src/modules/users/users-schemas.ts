import { Type } from '@sinclair/typebox';
import {
  Code,
  Email,
  Nullable,
  NullableTimestamp,
  PageQuery,
  Password,
  Phone,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';

export const User = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  roleCode: Type.String(),
  departmentId: Nullable(Uuid),
  serviceCentreId: Nullable(Uuid),
  dealerId: Nullable(Uuid),
  customerId: Nullable(Uuid),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  locale: Type.String(),
  lockedUntil: NullableTimestamp,
  lastLoginAt: NullableTimestamp,
  mustChangePassword: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});

const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
    displayName: Text(100, 1),
    password: Password,
    roleCode: Code,
    departmentId: Type.Optional(Nullable(Uuid)),
    serviceCentreId: Type.Optional(Nullable(Uuid)),
    dealerId: Type.Optional(Nullable(Uuid)),
    customerId: Type.Optional(Nullable(Uuid)),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    version: Version,
    displayName: Type.Optional(Text(100, 1)),
    roleCode: Type.Optional(Code),
    departmentId: Type.Optional(Nullable(Uuid)),
    serviceCentreId: Type.Optional(Nullable(Uuid)),
    dealerId: Type.Optional(Nullable(Uuid)),
    customerId: Type.Optional(Nullable(Uuid)),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    locale: Type.Optional(Locale),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object({ newPassword: Password }, { additionalProperties: false });

export const ListUsersQuery = Type.Object(
  {
    ...PageQuery,
    roleCode: Type.Optional(Code),
    active: Type.Optional(Type.Boolean()),
    dealerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
