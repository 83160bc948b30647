import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { productModels } from '../../db/schema/assets.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, createdOrThrow, fieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import { createModels, MODEL_CODE_TAKEN } from './products-create.ts';
import * as dal from './products-dal.ts';
import type {
  CreateModelBody,
  CreatePolicyBody,
  ListModelsQuery,
  UpdateModelBody,
  UpdatePolicyBody,
} from './products-schemas.ts';

export const toPolicyDto = (p: dal.PolicyRow) => ({
  ...p,
  plans: p.plans as { code: string; months: number; hoursLimit: number | null }[],
  weightHourLimits: p.weightHourLimits as { maxWeightT: number; hoursLimit: number }[],
  attachmentHourReductions: p.attachmentHourReductions as Record<string, number>,
  clauses: p.clauses as Record<string, string>,
  exclusions: p.exclusions as string[],
  current: p.supersededAt === null,
  supersededAt: iso(p.supersededAt),
  createdAt: p.createdAt.toISOString(),
});

export const toModelDto = (m: dal.ModelRow) => ({
  ...m,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

type PolicyTerms = Static<typeof CreatePolicyBody>;

const checkPolicy = (t: PolicyTerms) => {
  const codes = new Set<string>();
  (t.plans ?? []).forEach((p, i) => {
    if (codes.has(p.code)) throw fieldError(`plans.${i}.code`, 'is used twice');
    codes.add(p.code);
  });
};

const policyRow = (t: PolicyTerms) => ({
  name: t.name,
  startBasis: t.startBasis,
  months: t.months,
  hoursLimit: t.hoursLimit,
  plans: t.plans ?? [],
  weightHourLimits: t.weightHourLimits ?? [],
  attachmentHourReductions: t.attachmentHourReductions ?? {},
  partMonths: t.partMonths ?? 12,
  clauses: t.clauses ?? {},
  serviceTiers: t.serviceTiers ?? null,
  exclusions: t.exclusions ?? [],
});

export const productsService = ({ db }: { db: Db }) => ({
  listPolicies: async (ctx: Ctx) => {
    assertCan(ctx.actor, 'product.read');
    return { items: (await dal.listCurrentPolicies(db)).map(toPolicyDto) };
  },

  getPolicy: async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'product.read');
    const p = await dal.findPolicy(db, id);
    if (!p) throw notFound('warranty_policy', id);
    return toPolicyDto(p);
  },

  policyVersions: async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'product.read');
    const p = await dal.findPolicy(db, id);
    if (!p) throw notFound('warranty_policy', id);
    return { items: (await dal.policyVersions(db, p.policyKey)).map(toPolicyDto) };
  },

  createPolicy: async (ctx: Ctx, input: PolicyTerms) => {
    assertCan(ctx.actor, 'policy.write');
    checkPolicy(input);
    return db.transaction(async (tx) => {
      const row = await dal.insertPolicy(tx, {
        ...policyRow(input),
        policyKey: randomUUID(),
        version: 1,
        createdAt: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, {
        action: 'create',
        entity: 'warranty_policy',
        entityId: row.id,
        after: row,
      });
      return toPolicyDto(row);
    });
  },

  /**
   * Editing never changes terms already sold: it adds version N+1 and supersedes N. Only the current
   * version can be edited, so an editor working from an old version gets 409.
   */
  revisePolicy: async (ctx: Ctx, id: string, input: Static<typeof UpdatePolicyBody>) => {
    assertCan(ctx.actor, 'policy.write');
    return db.transaction(async (tx) => {
      const current = await dal.findPolicy(tx, id);
      if (!current) throw notFound('warranty_policy', id);
      const merged = { ...toPolicyDto(current), ...definedOnly(input) } as PolicyTerms;
      checkPolicy(merged);
      const now = ctx.clock.now();
      if (!(await dal.supersede(tx, id, now))) throw versionConflict('warranty_policy', id, null);
      const row = await dal.insertPolicy(tx, {
        ...policyRow(merged),
        policyKey: current.policyKey,
        version: current.version + 1,
        createdAt: now,
      });
      await writeAudit(tx, ctx, {
        action: 'revise',
        entity: 'warranty_policy',
        entityId: row.id,
        before: current,
        after: row,
      });
      return toPolicyDto(row);
    });
  },

  listModels: async (ctx: Ctx, q: Static<typeof ListModelsQuery>) => {
    assertCan(ctx.actor, 'product.read');
    const r = await dal.listModels(db, q);
    return { items: r.items.map(toModelDto), total: r.total };
  },

  getModel: async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'product.read');
    const m = await dal.findModel(db, id);
    if (!m) throw notFound('product_model', id);
    return toModelDto(m);
  },

  createModel: async (ctx: Ctx, input: Static<typeof CreateModelBody>) => {
    assertCan(ctx.actor, 'product.write');
    return db.transaction(async (tx) => {
      const [created] = await createModels(tx, ctx, [input]);
      const row = createdOrThrow(created, MODEL_CODE_TAKEN);
      await writeAudit(tx, ctx, { action: 'create', entity: 'product_model', entityId: row.id, after: row });
      return toModelDto(row);
    });
  },

  updateModel: async (ctx: Ctx, id: string, input: Static<typeof UpdateModelBody>) => {
    assertCan(ctx.actor, 'product.write');
    return db.transaction(async (tx) => {
      const before = await dal.findModel(tx, id);
      if (!before) throw notFound('product_model', id);
      const { version, ...changes } = input;
      const patch = definedOnly(changes);
      if (patch.code && patch.code !== before.code && (await dal.modelCodeTaken(tx, patch.code))) {
        throw new AppError('duplicate', { details: [{ field: 'code', message: 'is already taken' }] });
      }
      if (patch.warrantyPolicyId && !(await dal.findPolicy(tx, patch.warrantyPolicyId))) {
        throw fieldError('warrantyPolicyId', 'refers to a record that does not exist');
      }
      const row = await updateVersioned(tx, {
        table: productModels,
        entity: 'product_model',
        id,
        version,
        patch,
        at: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, {
        action: 'update',
        entity: 'product_model',
        entityId: id,
        before,
        after: row,
      });
      return toModelDto(row);
    });
  },
});

export type ProductsService = ReturnType<typeof productsService>;
