import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../platform/audit.ts';
import type { Created } from '../../platform/errors.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { AssetsApi, NewAsset } from '../assets/index.ts';
import { CUSTOMER_KINDS, type CustomersApi, GRADES, type NewCustomer } from '../customers/index.ts';
import type { OrgApi } from '../org/index.ts';
import type { NewModel, ProductsApi } from '../products/index.ts';
import { CellError, date, list, num, oneOf, required, text } from './cells.ts';
import type { SheetRow } from './sheet.ts';

export type RowError = { row: number; field: string; message: string };
export type Prepared = { row: number; values: Record<string, unknown> } | { row: number; error: RowError };

/**
 * What the importers use of the owning modules: code lookups, and the modules' own create rules,
 * so an imported record is checked and written exactly as one created through the API.
 */
export type ImportDeps = {
  customers: Pick<CustomersApi, 'customerIdsByCode' | 'createCustomers'>;
  products: Pick<ProductsApi, 'modelIdsByCode' | 'listCurrentPolicies' | 'createModels'>;
  assets: Pick<AssetsApi, 'createAssets'>;
  org: Pick<OrgApi, 'orgIdsByCode'>;
};

export type Importer = {
  entity: string;
  permission: Permission;
  /** field → accepted header texts (Chinese first); `*` in the template marks required ones. */
  columns: Record<string, string[]>;
  required: string[];
  /** Converts the cells and resolves codes to ids; a row that fails is reported, the others go on. */
  prepare(deps: ImportDeps, tx: Executor, rows: SheetRow[]): Promise<Prepared[]>;
  /** Creates the prepared rows through the owning module: one answer per row, in order. */
  create(
    deps: ImportDeps,
    tx: Executor,
    ctx: Ctx,
    values: Record<string, unknown>[],
  ): Promise<Created<{ id: string }>[]>;
  /** The sheet column that a refusal of the owning module names by its API field (modelId → modelCode). */
  columnOf: Record<string, string>;
};

/** A module's answers with only the new record's id kept. */
const ids = <Row>(created: Created<Row>[], id: (row: Row) => string): Created<{ id: string }>[] =>
  created.map((c) => ('row' in c ? { row: { id: id(c.row) } } : c));

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

/** Rows whose code is already registered are reported one by one, not lost in a bulk conflict. */
const rejectExisting = async (
  idsByCode: (codes: string[]) => Promise<Map<string, string>>,
  prepared: Prepared[],
): Promise<Prepared[]> => {
  const codes = prepared.flatMap((p) => ('values' in p ? [p.values.code as string] : []));
  const taken = await idsByCode(codes);
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
  columnOf: { dealerId: 'dealerCode' },
  prepare: async (deps, tx, rows) => {
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
    const dealerIds = await deps.org.orgIdsByCode(
      tx,
      'dealer',
      prepared.flatMap((p) => ('values' in p ? [p.values.dealerCode as string] : [])),
    );
    return prepared.map((p) => resolve(p, 'dealerCode', 'dealerCode', dealerIds, 'dealerId'));
  },
  // An imported customer has no owning user (the API's create makes the creator its owner).
  create: async (deps, tx, ctx, values) =>
    ids(
      await deps.customers.createCustomers(
        tx,
        ctx,
        values.map((v) => ({ ...v, ownerUserId: null }) as unknown as NewCustomer),
      ),
      (c) => c.customer.id,
    ),
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
  columnOf: { warrantyPolicyId: 'policyName' },
  prepare: async (deps, tx, rows) => {
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
    const policies = await deps.products.listCurrentPolicies(tx);
    const byName = new Map(policies.map((p) => [p.name, p.id]));
    return rejectExisting((codes) => deps.products.modelIdsByCode(tx, codes), prepared).then((checked) =>
      checked.map((p) => {
        if ('error' in p) return p;
        const yuan = p.values.listPriceYuan as number | null;
        delete p.values.listPriceYuan;
        p.values.listPriceFen = yuan === null ? null : Math.round(yuan * 100);
        return resolve(p, 'policyName', 'policyName', byName, 'warrantyPolicyId');
      }),
    );
  },
  create: async (deps, tx, ctx, values) =>
    ids(await deps.products.createModels(tx, ctx, values as unknown as NewModel[]), (m) => m.id),
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
  columnOf: { modelId: 'modelCode', customerId: 'customerCode', dealerId: 'dealerCode' },
  prepare: async (deps, tx, rows) => {
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
      deps.products.modelIdsByCode(tx, ok('modelCode')),
      deps.customers.customerIdsByCode(tx, ok('customerCode')),
      deps.org.orgIdsByCode(tx, 'dealer', ok('dealerCode')),
    ]);
    // The asset rules (current policy version, plan, owner, serial not registered) are the assets
    // module's: createAssets checks them, for an imported unit as for one typed in.
    return prepared.map((p0) => {
      let p = resolve(p0, 'modelCode', 'modelCode', models, 'modelId');
      p = resolve(p, 'customerCode', 'customerCode', custs, 'customerId');
      return resolve(p, 'dealerCode', 'dealerCode', dealerIds, 'dealerId');
    });
  },
  create: async (deps, tx, ctx, values) =>
    ids(await deps.assets.createAssets(tx, ctx, values as unknown as NewAsset[]), (a) => a.id),
};

export const IMPORTERS = {
  customers: customerImporter,
  models: modelImporter,
  assets: assetImporter,
} as const;
export type ImportKind = keyof typeof IMPORTERS;
