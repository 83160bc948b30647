import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { parts, stockLocations } from '../../db/schema/parts.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, assertUnreachable, fieldError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { writeSheet } from '../imports/index.ts';
import type { OrgApi } from '../org/index.ts';
import * as dal from './parts-dal.ts';
import type {
  CreateLocationBody,
  CreatePartBody,
  ExportPartsQuery,
  ListLocationsQuery,
  ListPartsQuery,
  LocationKind,
  UpdateLocationBody,
  UpdatePartBody,
} from './parts-schemas.ts';

const taken = (field: string) =>
  new AppError('duplicate', { details: [{ field, message: 'is already taken' }] });

export const toPartDto = (p: dal.PartRow) => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const toLocationDto = ({ location: l, serviceCentreName, dealerName }: dal.LocationView) => ({
  ...l,
  serviceCentreName,
  dealerName,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

const yuan = (fen: number) => fen / 100;

/**
 * A store belongs to exactly what its kind says: the company store to nobody, a centre store to a
 * service centre, a dealer store to a dealer (which is what puts it in that dealer's data scope).
 */
const checkOwner = async (
  org: Pick<OrgApi, 'findOrg'>,
  tx: Executor,
  l: { kind: LocationKind; serviceCentreId: string | null; dealerId: string | null },
) => {
  const all = { kind: 'all' } as const;
  switch (l.kind) {
    case 'company':
      if (l.serviceCentreId) throw fieldError('serviceCentreId', 'must be empty for the company store');
      if (l.dealerId) throw fieldError('dealerId', 'must be empty for the company store');
      return;
    case 'centre':
      if (!l.serviceCentreId) throw fieldError('serviceCentreId', 'is required for a service centre store');
      if (l.dealerId) throw fieldError('dealerId', 'must be empty for a service centre store');
      if (!(await org.findOrg(tx, 'service_centre', l.serviceCentreId, all)))
        throw fieldError('serviceCentreId', 'refers to a record that does not exist');
      return;
    case 'dealer':
      if (!l.dealerId) throw fieldError('dealerId', 'is required for a dealer store');
      if (l.serviceCentreId) throw fieldError('serviceCentreId', 'must be empty for a dealer store');
      if (!(await org.findOrg(tx, 'dealer', l.dealerId, all)))
        throw fieldError('dealerId', 'refers to a record that does not exist');
      return;
    default:
      assertUnreachable(l.kind);
  }
};

export const partsService = ({ db, org }: { db: Db; org: Pick<OrgApi, 'findOrg'> }) => ({
  list: async (ctx: Ctx, q: Static<typeof ListPartsQuery>) => {
    assertCan(ctx.actor, 'part.read');
    const r = await dal.listParts(db, q);
    return { items: r.items.map(toPartDto), total: r.total };
  },

  get: async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'part.read');
    const row = await dal.findPart(db, id);
    if (!row) throw notFound('part', id);
    return toPartDto(row);
  },

  create: async (ctx: Ctx, input: Static<typeof CreatePartBody>) => {
    assertCan(ctx.actor, 'part.write');
    return db.transaction(async (tx) => {
      if (await dal.partCodeTaken(tx, input.code)) throw taken('code');
      const now = ctx.clock.now();
      const row = await dal.insertPart(tx, { ...input, createdAt: now, updatedAt: now });
      await writeAudit(tx, ctx, { action: 'create', entity: 'part', entityId: row.id, after: row });
      return toPartDto(row);
    });
  },

  update: async (ctx: Ctx, id: string, input: Static<typeof UpdatePartBody>) => {
    assertCan(ctx.actor, 'part.write');
    const { version, ...rest } = input;
    return db.transaction(async (tx) => {
      const before = await dal.findPart(tx, id);
      if (!before) throw notFound('part', id);
      if (rest.code !== undefined && (await dal.partCodeTaken(tx, rest.code, id))) throw taken('code');
      const after = await updateVersioned(tx, {
        table: parts,
        entity: 'part',
        id,
        version,
        patch: definedOnly(rest),
        at: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, { action: 'update', entity: 'part', entityId: id, before, after });
      return toPartDto(after);
    });
  },

  /** The catalogue as filtered, as an .xlsx workbook (prices in yuan, as people read them). */
  exportXlsx: async (ctx: Ctx, q: Static<typeof ExportPartsQuery>) => {
    assertCan(ctx.actor, 'part.read');
    const r = await dal.listParts(db, { ...q, limit: 100_000, offset: 0 });
    return writeSheet({
      sheet: '备件目录',
      columns: [
        { header: '编码', key: 'code' },
        { header: '名称', key: 'name', width: 28 },
        { header: '单位', key: 'unit', width: 8 },
        { header: '易损件', key: 'wear', width: 8 },
        { header: '耗材', key: 'consumable', width: 8 },
        { header: '序列号管理', key: 'serialised', width: 10 },
        { header: '成本价（元）', key: 'costYuan' },
        { header: '销售价（元）', key: 'listYuan' },
        { header: '供应商', key: 'supplier', width: 24 },
        { header: '状态', key: 'active', width: 8 },
      ],
      rows: r.items.map((p) => ({
        ...p,
        wear: p.wear ? '是' : '',
        consumable: p.consumable ? '是' : '',
        serialised: p.serialised ? '是' : '',
        costYuan: yuan(p.costFen),
        listYuan: yuan(p.listFen),
        active: p.active ? '启用' : '停用',
      })),
    });
  },

  listLocations: async (ctx: Ctx, q: Static<typeof ListLocationsQuery>) => {
    assertCan(ctx.actor, 'part.read');
    const r = await dal.listLocations(db, { ...q, scope: scopeFilter(ctx.actor) });
    return { items: r.items.map(toLocationDto), total: r.total };
  },

  createLocation: async (ctx: Ctx, input: Static<typeof CreateLocationBody>) => {
    assertCan(ctx.actor, 'stock.write');
    return db.transaction(async (tx) => {
      const owner = {
        kind: input.kind,
        serviceCentreId: input.serviceCentreId ?? null,
        dealerId: input.dealerId ?? null,
      };
      await checkOwner(org, tx, owner);
      if (await dal.locationCodeTaken(tx, input.code)) throw taken('code');
      const now = ctx.clock.now();
      const row = await dal.insertLocation(tx, { ...input, ...owner, createdAt: now, updatedAt: now });
      await writeAudit(tx, ctx, { action: 'create', entity: 'stock_location', entityId: row.id, after: row });
      return toLocationDto((await dal.findLocation(tx, row.id, { kind: 'all' }))!);
    });
  },

  updateLocation: async (ctx: Ctx, id: string, input: Static<typeof UpdateLocationBody>) => {
    assertCan(ctx.actor, 'stock.write');
    const { version, ...rest } = input;
    return db.transaction(async (tx) => {
      const before = await dal.findLocation(tx, id, scopeFilter(ctx.actor));
      if (!before) throw notFound('stock_location', id);
      const kind = rest.kind ?? (before.location.kind as LocationKind);
      // Changing the kind drops the owner the old kind had unless the body names a new one.
      const kindChanged = rest.kind !== undefined && rest.kind !== before.location.kind;
      const owner = {
        kind,
        serviceCentreId:
          rest.serviceCentreId !== undefined
            ? rest.serviceCentreId
            : kindChanged
              ? null
              : before.location.serviceCentreId,
        dealerId: rest.dealerId !== undefined ? rest.dealerId : kindChanged ? null : before.location.dealerId,
      };
      await checkOwner(org, tx, owner);
      if (rest.code !== undefined && (await dal.locationCodeTaken(tx, rest.code, id))) throw taken('code');
      const after = await updateVersioned(tx, {
        table: stockLocations,
        entity: 'stock_location',
        id,
        version,
        patch: { ...definedOnly(rest), ...owner },
        at: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, {
        action: 'update',
        entity: 'stock_location',
        entityId: id,
        before: before.location,
        after,
      });
      return toLocationDto((await dal.findLocation(tx, id, { kind: 'all' }))!);
    });
  },
});

export type PartsService = ReturnType<typeof partsService>;
