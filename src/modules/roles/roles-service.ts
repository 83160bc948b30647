import type { Static } from '@sinclair/typebox';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roles } from '../../db/schema/auth.ts';
import { definedOnly } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, PERMISSIONS } from '../../platform/permissions.ts';
import * as dal from './roles-dal.ts';
import type { CreateRoleBody, UpdateRoleBody } from './roles-schemas.ts';

const toDto = (r: dal.RoleRow) => ({
  code: r.code,
  name: r.name,
  nameEn: r.nameEn,
  description: r.description,
  scope: r.scope,
  permissions: r.permissions,
  builtin: r.builtin,
  version: r.version,
});

export const rolesService = ({ db }: { db: Db }) => ({
  permissions: (ctx: Ctx) => {
    assertCan(ctx.actor, 'role.read');
    return { items: PERMISSIONS.map((p) => ({ ...p })) };
  },

  list: async (ctx: Ctx) => {
    assertCan(ctx.actor, 'role.read');
    return { items: (await dal.listRoles(db)).map(toDto) };
  },

  create: async (ctx: Ctx, input: Static<typeof CreateRoleBody>) => {
    assertCan(ctx.actor, 'role.write');
    return db.transaction(async (tx) => {
      if (await dal.findRole(tx, input.code)) {
        throw new AppError('duplicate', { details: [{ field: 'code', message: 'is already taken' }] });
      }
      const now = ctx.clock.now();
      const row = await dal.insertRole(tx, { ...input, builtin: false, createdAt: now, updatedAt: now });
      await writeAudit(tx, ctx, { action: 'create', entity: 'role', entityId: row.code, after: row });
      return toDto(row);
    });
  },

  update: async (ctx: Ctx, code: string, input: Static<typeof UpdateRoleBody>) => {
    assertCan(ctx.actor, 'role.write');
    // The admin role always holds every permission, so nobody can lock the system out of administration.
    if (code === 'admin' && input.permissions)
      throw fieldError('permissions', 'the admin role keeps every permission');
    return db.transaction(async (tx) => {
      const before = await dal.findRole(tx, code);
      if (!before) throw notFound('role', code);
      const { version, ...changes } = input;
      const rows = await tx
        .update(roles)
        .set({ ...definedOnly(changes), version: sql`${roles.version} + 1`, updatedAt: ctx.clock.now() })
        .where(and(eq(roles.code, code), eq(roles.version, version)))
        .returning();
      if (!rows[0]) throw versionConflict('role', code, before.version);
      await writeAudit(tx, ctx, { action: 'update', entity: 'role', entityId: code, before, after: rows[0] });
      return toDto(rows[0]);
    });
  },
});

export type RolesService = ReturnType<typeof rolesService>;
