import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { assets } from '../../db/schema/assets.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { createdOrThrow, fieldError, notFound, refusalError } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { iso, toInstant, toInstantOrNull } from '../../platform/schemas.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { ProductsApi } from '../products/index.ts';
import { createAssets, decideOwner, type NewAsset, SERIAL_TAKEN } from './assets-create.ts';
import * as dal from './assets-dal.ts';
import type {
  AssetEventBody,
  CreateAssetBody,
  ListAssetsQuery,
  MeterReadingBody,
  UpdateAssetBody,
} from './assets-schemas.ts';
import { entitlementFor } from './entitlement-service.ts';
import { recordMeterReading } from './meter-readings.ts';

export const toAssetDto = ({ asset: a, modelCode, modelName, customerName }: dal.AssetWithNames) => ({
  ...a,
  modelCode,
  modelName,
  customerName,
  soldAt: iso(a.soldAt),
  deliveredAt: iso(a.deliveredAt),
  invoiceAt: iso(a.invoiceAt),
  acceptedAt: iso(a.acceptedAt),
  completedAt: iso(a.completedAt),
  warrantyCardReturnedAt: iso(a.warrantyCardReturnedAt),
  latestReadAt: iso(a.latestReadAt),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

const DATE_FIELDS = [
  'soldAt',
  'deliveredAt',
  'invoiceAt',
  'acceptedAt',
  'completedAt',
  'warrantyCardReturnedAt',
] as const;

const withDates = <T extends Record<string, unknown>>(input: T) => {
  const out: Record<string, unknown> = { ...input };
  for (const f of DATE_FIELDS) if (f in out) out[f] = toInstantOrNull(out[f] as string | null | undefined);
  return out;
};

export const assetsService = ({
  db,
  customers,
  products,
}: {
  db: Db;
  customers: Pick<CustomersApi, 'findCustomer' | 'findCustomersByIds'>;
  products: Pick<ProductsApi, 'findPolicy' | 'findModelsByIds' | 'currentVersionsOf'>;
}) => {
  const load = async (tx: Executor, ctx: Ctx, id: string) => {
    const row = await dal.findAsset(tx, id, scopeFilter(ctx.actor));
    if (!row) throw notFound('asset', id);
    return row;
  };

  /** The owner rule of createAssets (decideOwner), for an edit that moves the unit. */
  const checkOwner = async (
    tx: Executor,
    ctx: Ctx,
    customerId: string,
    dealerId: string | null | undefined,
  ) => {
    const visible = (await customers.findCustomer(tx, customerId, scopeFilter(ctx.actor))) !== null;
    const owner = decideOwner(ctx, visible, dealerId);
    if ('refusal' in owner) throw refusalError(owner.refusal);
    return owner.dealerId;
  };

  const checkPlan = (plan: string | null | undefined, plans: unknown) => {
    if (plan && !(plans as { code: string }[]).some((p) => p.code === plan))
      throw fieldError('plan', 'is not a plan of the warranty policy');
  };

  return {
    list: async (ctx: Ctx, q: Static<typeof ListAssetsQuery>) => {
      assertCan(ctx.actor, 'asset.read');
      const r = await dal.listAssets(db, { ...q, scope: scopeFilter(ctx.actor) });
      return { items: r.items.map(toAssetDto), total: r.total };
    },

    get: async (ctx: Ctx, id: string) => {
      assertCan(ctx.actor, 'asset.read');
      return toAssetDto(await load(db, ctx, id));
    },

    create: async (ctx: Ctx, input: Static<typeof CreateAssetBody>) => {
      assertCan(ctx.actor, 'asset.write');
      return db.transaction(async (tx) => {
        const [created] = await createAssets({ customers, products }, tx, ctx, [
          withDates(input) as unknown as NewAsset,
        ]);
        const row = createdOrThrow(created, SERIAL_TAKEN);
        await writeAudit(tx, ctx, { action: 'create', entity: 'asset', entityId: row.id, after: row });
        return toAssetDto((await dal.findAsset(tx, row.id, { kind: 'all' }))!);
      });
    },

    update: async (ctx: Ctx, id: string, input: Static<typeof UpdateAssetBody>) => {
      assertCan(ctx.actor, 'asset.write');
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id);
        const { version, ...changes } = input;
        const patch = withDates(definedOnly(changes));
        if (patch.customerId !== undefined || patch.dealerId !== undefined) {
          patch.dealerId = await checkOwner(
            tx,
            ctx,
            (patch.customerId as string) ?? before.asset.customerId,
            (patch.dealerId as string | null) ?? before.asset.dealerId,
          );
        }
        if (patch.plan !== undefined) {
          checkPlan(
            patch.plan as string | null,
            (await products.findPolicy(tx, before.asset.warrantyPolicyId))?.plans ?? [],
          );
        }
        const row = await updateVersioned(tx, {
          table: assets,
          entity: 'asset',
          id,
          version,
          patch,
          at: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, {
          action: 'update',
          entity: 'asset',
          entityId: id,
          before: before.asset,
          after: row,
        });
        return toAssetDto((await dal.findAsset(tx, id, { kind: 'all' }))!);
      });
    },

    readings: async (ctx: Ctx, id: string) => {
      assertCan(ctx.actor, 'asset.read');
      await load(db, ctx, id);
      const rows = await dal.readingsOf(db, id);
      return {
        items: rows.map((r) => ({
          ...r,
          readAt: r.readAt.toISOString(),
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    /** Hour meters only go forward: a reading must not be below an earlier one or above a later one. */
    addReading: async (ctx: Ctx, id: string, input: Static<typeof MeterReadingBody>) => {
      assertCan(ctx.actor, 'asset.record');
      const readAt = toInstant(input.readAt);
      return db.transaction(async (tx) => {
        await load(tx, ctx, id);
        const row = await recordMeterReading(tx, ctx, id, {
          hours: input.hours,
          readAt,
          source: input.source ?? 'manual',
        });
        return { ...row, readAt: row.readAt.toISOString(), createdAt: row.createdAt.toISOString() };
      });
    },

    events: async (ctx: Ctx, id: string) => {
      assertCan(ctx.actor, 'asset.read');
      await load(db, ctx, id);
      const rows = await dal.eventsOf(db, id);
      return {
        items: rows.map((e) => ({ ...e, at: e.at.toISOString(), createdAt: e.createdAt.toISOString() })),
      };
    },

    addEvent: async (ctx: Ctx, id: string, input: Static<typeof AssetEventBody>) => {
      assertCan(ctx.actor, 'asset.record');
      if (input.kind === 'part_replaced' && !input.partCode)
        throw fieldError('partCode', 'is required for a replaced part');
      if (input.kind === 'repair' && !input.faultCode)
        throw fieldError('faultCode', 'is required for a repair');
      if (input.kind === 'maintenance' && (input.hours === undefined || input.hours === null))
        throw fieldError('hours', 'is required for a maintenance');
      return db.transaction(async (tx) => {
        await load(tx, ctx, id);
        const row = await dal.insertEvent(tx, {
          assetId: id,
          kind: input.kind,
          at: toInstant(input.at),
          partCode: input.partCode ?? null,
          faultCode: input.kind === 'repair' ? (input.faultCode ?? null) : null,
          hours: input.kind === 'maintenance' ? (input.hours ?? null) : null,
          note: input.note ?? null,
          createdBy: ctx.actor.userId,
          createdAt: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'asset_event', entity: 'asset', entityId: id, after: row });
        return { ...row, at: row.at.toISOString(), createdAt: row.createdAt.toISOString() };
      });
    },

    entitlement: async (ctx: Ctx, id: string, q: Parameters<typeof entitlementFor>[2]) => {
      assertCan(ctx.actor, 'asset.read');
      const found = await load(db, ctx, id);
      return entitlementFor(db, found.asset, q, ctx.clock.now());
    },
  };
};

export type AssetsService = ReturnType<typeof assetsService>;
