import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import type { OrgApi } from '../org/index.ts';
import { activePriceLists, findLocation, findPart } from './parts-dal.ts';
import { partsRoutes } from './parts-routes.ts';
import { partsServices } from './parts-services.ts';
import { consumeReserved, releaseStock, reserveStock } from './stock-ops.ts';

export type { LocationRow, PartRow, PriceListRow } from './parts-dal.ts';
export type { PartsServices } from './parts-services.ts';

// In-transaction reads and stock moves, stateless: the same for every caller.
const api = { findPart, findLocation, activePriceLists, reserveStock, releaseStock, consumeReserved };

/**
 * What other modules may do with parts: read a part, a store and the active price lists, and move
 * stock inside their own transaction (reserve for an order, release, consume what was reserved).
 */
export type PartsApi = typeof api;

// Stateless steps, also imported directly by consumers that are not built from a builder yet.
export { activePriceLists, consumeReserved, findLocation, findPart, releaseStock, reserveStock };

/** 备件与库存: parts catalogue, stores, price lists, stock, stocking plans, old-part returns. */
export const buildPartsModule = (deps: { db: Db; org: Pick<OrgApi, 'findOrg'> }): AppModule<PartsApi> => {
  const services = partsServices(deps);
  return { name: 'parts', routes: (app) => partsRoutes(app, services), api };
};
