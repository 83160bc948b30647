import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import type { AssetsApi } from '../assets/index.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { OrgApi } from '../org/index.ts';
import type { ProductsApi } from '../products/index.ts';
import { exportWorkbook } from './exports.ts';
import type { ImportDeps } from './importers.ts';
import { importsRoutes } from './imports-routes.ts';
import { importsService } from './imports-service.ts';

// The one Excel sheet writer: every export in the app (tickets, parts, surveys, figures) uses it.
export { type Cell, writeSheet } from './sheet.ts';

/** Excel 导入导出: customer, model and asset imports (background jobs) and exports. */
export const buildImportsModule = (deps: {
  db: Db;
  log: FastifyBaseLogger;
  customers: Pick<CustomersApi, 'listCustomers' | 'customerCodesByIds'> & ImportDeps['customers'];
  products: Pick<ProductsApi, 'listModels'> & ImportDeps['products'];
  assets: Pick<AssetsApi, 'listAssets'> & ImportDeps['assets'];
  org: Pick<OrgApi, 'orgCodes'> & ImportDeps['org'];
}): AppModule => {
  // Imported records are created by the owning modules' own create rules (issue 10 item 5).
  const imports = importsService({ db: deps.db, log: deps.log, deps });
  return {
    name: 'imports',
    routes: (app) =>
      importsRoutes(app, {
        imports,
        exportWorkbook: (actor, kind, template) => exportWorkbook(deps, actor, kind, template),
      }),
    api: {},
  };
};
