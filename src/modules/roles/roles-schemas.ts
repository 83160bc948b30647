import { Type } from '@sinclair/typebox';
import { PERMISSION_CODES, SCOPES } from '../../platform/permissions.ts';
import { Code, Nullable, Text, Version } from '../../platform/schemas.ts';

const PermissionCode = Type.Union(PERMISSION_CODES.map((c) => Type.Literal(c)));
const ScopeSchema = Type.Union(SCOPES.map((s) => Type.Literal(s)));

export const Role = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  description: Nullable(Type.String()),
  scope: Type.String(),
  permissions: Type.Array(Type.String()),
  builtin: Type.Boolean(),
  version: Type.Integer(),
});

export const PermissionInfo = Type.Object({
  code: Type.String(),
  group: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
});

export const CreateRoleBody = Type.Object(
  {
    code: Code,
    name: Text(60, 1),
    nameEn: Type.Optional(Nullable(Text(60))),
    description: Type.Optional(Nullable(Text(500))),
    scope: ScopeSchema,
    permissions: Type.Array(PermissionCode, { maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const UpdateRoleBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text(60, 1)),
    nameEn: Type.Optional(Nullable(Text(60))),
    description: Type.Optional(Nullable(Text(500))),
    permissions: Type.Optional(Type.Array(PermissionCode, { maxItems: 200, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const RoleParams = Type.Object({ code: Code }, { additionalProperties: false });
