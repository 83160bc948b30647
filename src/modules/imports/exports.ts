import type { Db } from '../../db/client.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import type { AssetsApi } from '../assets/index.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { OrgApi } from '../org/index.ts';
import type { ProductsApi } from '../products/index.ts';
import { IMPORTERS, type ImportKind } from './importers.ts';
import { writeSheet } from './sheet.ts';

const day = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null);
// Exports reuse the import headers, so an exported file can be edited and imported back.
const columnsOf = (kind: ImportKind) =>
  Object.entries(IMPORTERS[kind].columns).map(([key, names]) => ({
    header: `${names[0]}${IMPORTERS[kind].required.includes(key) ? ' *' : ''}`,
    key,
  }));

const ALL = 1_000_000;
const SHEETS: Record<ImportKind, string> = { customers: '客户档案', models: '产品型号', assets: '设备档案' };

export type ExportDeps = {
  db: Db;
  customers: Pick<CustomersApi, 'listCustomers' | 'customerCodesByIds'>;
  products: Pick<ProductsApi, 'listModels'>;
  assets: Pick<AssetsApi, 'listAssets'>;
  org: Pick<OrgApi, 'orgCodes'>;
};

/** The rows the actor may see, as an .xlsx workbook; with `template` only the header row. */
export const exportWorkbook = async (
  { db, customers: customersApi, products, assets, org }: ExportDeps,
  actor: Actor,
  kind: ImportKind,
  template: boolean,
) => {
  const perm = kind === 'customers' ? 'customer.read' : kind === 'models' ? 'product.read' : 'asset.read';
  assertCan(actor, perm);
  const scope = scopeFilter(actor);
  let rows: Record<string, unknown>[] = [];
  const dealerCodes = await org.orgCodes(db, 'dealer');
  if (!template && kind === 'customers') {
    rows = (await customersApi.listCustomers(db, { scope, limit: ALL, offset: 0 })).items.map((c) => ({
      ...c,
      dealerCode: c.dealerId ? dealerCodes.get(c.dealerId) : null,
    }));
  } else if (!template && kind === 'models') {
    rows = (await products.listModels(db, { limit: ALL, offset: 0 })).items.map((m) => ({
      ...m,
      wearParts: m.wearParts.join(','),
      consumables: m.consumables.join(','),
      listPriceYuan: m.listPriceFen === null ? null : m.listPriceFen / 100,
    }));
  } else if (!template) {
    const items = (await assets.listAssets(db, { scope, limit: ALL, offset: 0 })).items;
    const custCodes = await customersApi.customerCodesByIds(
      db,
      items.map((i) => i.asset.customerId),
    );
    rows = items.map(({ asset: a, modelCode }) => ({
      ...a,
      modelCode,
      customerCode: custCodes.get(a.customerId),
      dealerCode: a.dealerId ? dealerCodes.get(a.dealerId) : null,
      deliveredAt: day(a.deliveredAt),
      invoiceAt: day(a.invoiceAt),
      acceptedAt: day(a.acceptedAt),
      completedAt: day(a.completedAt),
      warrantyCardReturnedAt: day(a.warrantyCardReturnedAt),
      attachments: a.attachments.join(','),
    }));
  }
  return writeSheet({ sheet: SHEETS[kind], columns: columnsOf(kind), rows });
};
