import { Type } from '@sinclair/typebox';
import { Nullable, Password, Text, Uuid } from '../../platform/schemas.ts';

export const LoginBody = Type.Object(
  { username: Text(64, 1), password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  roleCode: Type.String(),
  role: Type.Object({
    code: Type.String(),
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    scope: Type.String(),
  }),
  permissions: Type.Array(Type.String()),
  departmentId: Nullable(Uuid),
  serviceCentreId: Nullable(Uuid),
  dealerId: Nullable(Uuid),
  customerId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  serviceCentreName: Nullable(Type.String()),
  dealerName: Nullable(Type.String()),
  locale: Type.String(),
  mustChangePassword: Type.Boolean(),
});

export const LoginResponse = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: Me,
});

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Password },
  { additionalProperties: false },
);
