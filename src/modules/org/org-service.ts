import type { Db } from '../../db/client.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import * as dal from './org-dal.ts';

type Row = Record<string, unknown> & { createdAt: Date; updatedAt: Date };

const toDto = (r: Row) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const duplicateCode = () =>
  new AppError('duplicate', { details: [{ field: 'code', message: 'is already taken' }] });

const checkReferences = async (
  tx: Parameters<typeof dal.missingReference>[0],
  input: Record<string, unknown>,
) => {
  const missing = await dal.missingReference(tx, input);
  if (missing) throw fieldError(missing, 'refers to a record that does not exist');
};

export const orgService = ({ db }: { db: Db }) => ({
  list: async (
    ctx: Ctx,
    entity: dal.OrgEntity,
    q: { q?: string; active?: boolean; limit: number; offset: number },
  ) => {
    assertCan(ctx.actor, 'org.read');
    const r = await dal.listOrg(db, entity, { ...q, scope: scopeFilter(ctx.actor) });
    return { items: r.items.map((i) => toDto(i as Row)), total: r.total };
  },

  get: async (ctx: Ctx, entity: dal.OrgEntity, id: string) => {
    assertCan(ctx.actor, 'org.read');
    const row = await dal.findOrg(db, entity, id, scopeFilter(ctx.actor));
    if (!row) throw notFound(entity, id);
    return toDto(row as Row);
  },

  create: async (ctx: Ctx, entity: dal.OrgEntity, input: Record<string, unknown> & { code: string }) => {
    assertCan(ctx.actor, 'org.write');
    return db.transaction(async (tx) => {
      if (await dal.codeTaken(tx, entity, input.code)) throw duplicateCode();
      await checkReferences(tx, input);
      const now = ctx.clock.now();
      const row = await dal.insertOrg(tx, entity, { ...input, createdAt: now, updatedAt: now });
      await writeAudit(tx, ctx, { action: 'create', entity, entityId: row.id, after: row });
      return toDto(row as Row);
    });
  },

  update: async (
    ctx: Ctx,
    entity: dal.OrgEntity,
    id: string,
    input: Record<string, unknown> & { version: number },
  ) => {
    assertCan(ctx.actor, 'org.write');
    return db.transaction(async (tx) => {
      const before = await dal.findOrg(tx, entity, id, scopeFilter(ctx.actor));
      if (!before) throw notFound(entity, id);
      const { version, ...changes } = input;
      const patch = definedOnly(changes);
      if (
        typeof patch.code === 'string' &&
        patch.code !== before.code &&
        (await dal.codeTaken(tx, entity, patch.code))
      ) {
        throw duplicateCode();
      }
      await checkReferences(tx, patch);
      if (patch.parentId === id) throw fieldError('parentId', 'cannot be the department itself');
      const row = await updateVersioned(tx, {
        table: dal.ORG_TABLES[entity].table,
        entity,
        id,
        version,
        patch,
        at: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, { action: 'update', entity, entityId: id, before, after: row });
      return toDto(row as Row);
    });
  },
});

export type OrgService = ReturnType<typeof orgService>;
