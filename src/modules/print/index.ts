import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import type { AssetsApi } from '../assets/index.ts';
import type { TicketsApi } from '../tickets/index.ts';
import type { WorkOrdersApi } from '../work-orders/index.ts';
import { printRoutes } from './print-routes.ts';
import { printService } from './print-service.ts';

/** Nothing yet: no other module calls print. */
export type PrintApi = Record<string, never>;

/**
 * 打印: the printable forms (service notice, repair record, service sheet, major fault report,
 * history card, out-of-warranty parts list), read through the owning modules' APIs so each form
 * applies the same permission and scope rules as the API.
 */
export const buildPrintModule = (deps: {
  db: Db;
  workOrders: Pick<WorkOrdersApi, 'get' | 'list' | 'signature'>;
  assets: Pick<AssetsApi, 'get' | 'entitlement'>;
  tickets: Pick<TicketsApi, 'get'>;
}): AppModule<PrintApi> => {
  const print = printService(deps);
  return { name: 'print', routes: (app) => printRoutes(app, { print }), api: {} };
};
