import { inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { assets, customers, dealers, productModels, warrantyPolicies } from '../../db/schema/index.ts';
import type { Permission } from '../../platform/permissions.ts';
import { CUSTOMER_KINDS, GRADES } from '../customers/index.ts';
import { CellError, date, list, num, oneOf, required, text } from './cells.ts';
import type { SheetRow } from './sheet.ts';

export type RowError = { row: number; field: string; message: string };
export type Prepared = { row: number; values: Record<string, unknown> } | { row: number; error: RowError };

export type Importer = {
  entity: string;
  permission: Permission;
  /** field → accepted header texts (Chinese first); `*` in the template marks required ones. */
  columns: Record<string, string[]>;
  required: string[];
  prepare(tx: Executor, rows: SheetRow[]): Promise<Prepared[]>;
  insert(tx: Executor, values: Record<string, unknown>[]): Promise<{ id: string }[]>;
};

/** Converts one row field by field, so the report names the first bad field of each bad row. */
const convert = (
  row: SheetRow,
  fns: Record<string, (v: SheetRow['values'][string]) => unknown>,
): Prepared => {
  const values: Record<string, unknown> = {};
  for (const [field, fn] of Object.entries(fns)) {
    try {
      values[field] = fn(row.values[field] ?? null);
    } catch (e) {
      if (e instanceof CellError) return { row: row.row, error: { row: row.row, field, message: e.message } };
      throw e;
    }
  }
  return { row: row.row, values };
};

const idsByCode = async (
  tx: Executor,
  table: typeof dealers | typeof customers | typeof productModels,
  codes: string[],
) => {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: table.id, code: table.code })
    .from(table)
    .where(inArray(table.code, unique));
  return new Map(rows.map((r) => [r.code, r.id]));
};

/** Rows whose code is already registered are reported one by one, not lost in a bulk conflict. */
const rejectExisting = async (
  tx: Executor,
  table: typeof customers | typeof productModels,
  prepared: Prepared[],
): Promise<Prepared[]> => {
  const codes = prepared.flatMap((p) => ('values' in p ? [p.values.code as string] : []));
  const taken = await idsByCode(tx, table, codes);
  const seen = new Set<string>();
  return prepared.map((p) => {
    if ('error' in p) return p;
    const code = p.values.code as string;
    if (taken.has(code))
      return { row: p.row, error: { row: p.row, field: 'code', message: 'is already registered' } };
    if (seen.has(code))
      return { row: p.row, error: { row: p.row, field: 'code', message: 'appears twice in the file' } };
    seen.add(code);
    return p;
  });
};

/** Rows that passed conversion get their references resolved; an unknown code fails only that row. */
const resolve = (
  p: Prepared,
  field: string,
  key: string,
  map: Map<string, string>,
  target: string,
): Prepared => {
  if ('error' in p) return p;
  const code = p.values[key] as string | null;
  delete p.values[key];
  if (code === null) return p;
  const id = map.get(code);
  if (!id) return { row: p.row, error: { row: p.row, field, message: `"${code}" does not exist` } };
  p.values[target] = id;
  return p;
};

const KIND_LABELS = {
  老客户: 'existing',
  新客户: 'new',
  潜在客户: 'potential',
  竞争对手: 'competitor',
  合作伙伴: 'partner',
  协作院所: 'institute',
} as const;

export const customerImporter: Importer = {
  entity: 'customer',
  permission: 'customer.write',
  columns: {
    code: ['客户编码'],
    name: ['客户名称', '名称'],
    kind: ['客户类型', '类型'],
    grade: ['等级', '客户等级'],
    dealerCode: ['经销商编码'],
    region: ['区域'],
    address: ['地址'],
    phone: ['电话'],
    industry: ['行业'],
  },
  required: ['code', 'name', 'kind', 'grade'],
  prepare: async (tx, rows) => {
    const prepared = rows.map((r) =>
      convert(r, {
        code: (v) => required(text(v, 40)),
        name: (v) => required(text(v, 200)),
        kind: (v) => required(oneOf(v, CUSTOMER_KINDS, KIND_LABELS)),
        grade: (v) => required(oneOf(v, GRADES)),
        dealerCode: (v) => text(v, 40),
        region: (v) => text(v, 100),
        address: (v) => text(v, 300),
        phone: (v) => text(v, 40),
        industry: (v) => text(v, 100),
      }),
    );
    const dealerIds = await idsByCode(
      tx,
      dealers,
      prepared.flatMap((p) => ('values' in p ? [p.values.dealerCode as string] : [])),
    );
    return prepared.map((p) => resolve(p, 'dealerCode', 'dealerCode', dealerIds, 'dealerId'));
  },
  insert: (tx, values) =>
    tx
      .insert(customers)
      .values(values as never[])
      .onConflictDoNothing()
      .returning({ id: customers.id }),
};

export const modelImporter: Importer = {
  entity: 'product_model',
  permission: 'product.write',
  columns: {
    code: ['型号编码', '型号'],
    name: ['型号名称', '名称'],
    category: ['类别', '产品类别'],
    operatingWeightT: ['工作质量(t)', '工作质量'],
    policyName: ['保修政策'],
    hoursLimitOverride: ['小时上限'],
    wearParts: ['易损件'],
    consumables: ['耗材'],
    listPriceYuan: ['标准价(元)', '标准价'],
  },
  required: ['code', 'name', 'category', 'policyName'],
  prepare: async (tx, rows) => {
    const prepared = rows.map((r) =>
      convert(r, {
        code: (v) => required(text(v, 40)),
        name: (v) => required(text(v, 200)),
        category: (v) => required(text(v, 100)),
        operatingWeightT: (v) => num(v, { min: 0, max: 10_000 }),
        policyName: (v) => required(text(v, 100)),
        hoursLimitOverride: (v) => num(v, { min: 0, integer: true }),
        wearParts: list,
        consumables: list,
        listPriceYuan: (v) => num(v, { min: 0 }),
      }),
    );
    const policies = await tx
      .select({ id: warrantyPolicies.id, name: warrantyPolicies.name })
      .from(warrantyPolicies)
      .where(isNull(warrantyPolicies.supersededAt));
    const byName = new Map(policies.map((p) => [p.name, p.id]));
    return rejectExisting(tx, productModels, prepared).then((checked) =>
      checked.map((p) => {
        if ('error' in p) return p;
        const yuan = p.values.listPriceYuan as number | null;
        delete p.values.listPriceYuan;
        p.values.listPriceFen = yuan === null ? null : Math.round(yuan * 100);
        return resolve(p, 'policyName', 'policyName', byName, 'warrantyPolicyId');
      }),
    );
  },
  insert: (tx, values) =>
    tx
      .insert(productModels)
      .values(values as never[])
      .onConflictDoNothing()
      .returning({ id: productModels.id }),
};

export const assetImporter: Importer = {
  entity: 'asset',
  permission: 'asset.write',
  columns: {
    serialNo: ['序列号', '出厂编号'],
    modelCode: ['型号编码', '型号'],
    customerCode: ['客户编码'],
    dealerCode: ['经销商编码'],
    deliveredAt: ['交付日期'],
    invoiceAt: ['发票日期'],
    acceptedAt: ['验收日期'],
    completedAt: ['竣工日期'],
    plan: ['保修方案'],
    attachments: ['属具'],
    warrantyCardReturnedAt: ['回执卡返回日期'],
  },
  required: ['serialNo', 'modelCode', 'customerCode'],
  prepare: async (tx, rows) => {
    const seen = new Set<string>();
    const prepared = rows.map((r) => {
      const p = convert(r, {
        serialNo: (v) => {
          const s = required(text(v, 60));
          if (!/^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(s))
            throw new CellError('has characters a serial number cannot have');
          if (seen.has(s.toLowerCase())) throw new CellError('appears twice in the file');
          seen.add(s.toLowerCase());
          return s;
        },
        modelCode: (v) => required(text(v, 40)),
        customerCode: (v) => required(text(v, 40)),
        dealerCode: (v) => text(v, 40),
        deliveredAt: date,
        invoiceAt: date,
        acceptedAt: date,
        completedAt: date,
        plan: (v) => text(v, 40),
        attachments: list,
        warrantyCardReturnedAt: date,
      });
      return p;
    });
    const ok = (k: string) => prepared.flatMap((p) => ('values' in p ? [p.values[k] as string] : []));
    const [models, custs, dealerIds] = await Promise.all([
      idsByCode(tx, productModels, ok('modelCode')),
      idsByCode(tx, customers, ok('customerCode')),
      idsByCode(tx, dealers, ok('dealerCode')),
    ]);
    // Each model's current policy version and its plans, in one query.
    const modelIds = [...new Set(models.values())];
    const policyRows = modelIds.length
      ? await tx
          .select({ modelId: productModels.id, policyId: warrantyPolicies.id, plans: warrantyPolicies.plans })
          .from(productModels)
          .innerJoin(
            warrantyPolicies,
            sql`${warrantyPolicies.policyKey} = (select policy_key from warranty_policies w where w.id = ${productModels.warrantyPolicyId}) and ${warrantyPolicies.supersededAt} is null`,
          )
          .where(inArray(productModels.id, modelIds))
      : [];
    const policyOf = new Map(policyRows.map((r) => [r.modelId, r]));
    const existing = new Set(
      (
        await tx
          .select({ s: sql<string>`lower(${assets.serialNo})` })
          .from(assets)
          .where(
            inArray(
              sql`lower(${assets.serialNo})`,
              ok('serialNo').map((s) => s.toLowerCase()),
            ),
          )
      ).map((r) => r.s),
    );
    return prepared.map((p0) => {
      let p = resolve(p0, 'modelCode', 'modelCode', models, 'modelId');
      p = resolve(p, 'customerCode', 'customerCode', custs, 'customerId');
      p = resolve(p, 'dealerCode', 'dealerCode', dealerIds, 'dealerId');
      if ('error' in p) return p;
      if (existing.has((p.values.serialNo as string).toLowerCase()))
        return { row: p.row, error: { row: p.row, field: 'serialNo', message: 'is already registered' } };
      const policy = policyOf.get(p.values.modelId as string);
      if (!policy)
        return {
          row: p.row,
          error: { row: p.row, field: 'modelCode', message: 'has no current warranty policy' },
        };
      if (p.values.plan && !(policy.plans as { code: string }[]).some((x) => x.code === p.values.plan)) {
        return {
          row: p.row,
          error: { row: p.row, field: 'plan', message: 'is not a plan of the warranty policy' },
        };
      }
      p.values.warrantyPolicyId = policy.policyId;
      return p;
    });
  },
  insert: (tx, values) =>
    tx
      .insert(assets)
      .values(values as never[])
      .onConflictDoNothing()
      .returning({ id: assets.id }),
};

export const IMPORTERS = {
  customers: customerImporter,
  models: modelImporter,
  assets: assetImporter,
} as const;
export type ImportKind = keyof typeof IMPORTERS;
