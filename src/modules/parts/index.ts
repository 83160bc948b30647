import type { Db, Executor } from '../../db/client.ts';
import { type Clock, systemClock } from '../../platform/clock.ts';
import type { AppModule } from '../../platform/module.ts';
import type { OrgApi } from '../org/index.ts';
import { activePriceLists, findLocation, findPart } from './parts-dal.ts';
import { partsRoutes } from './parts-routes.ts';
import { partsServices } from './parts-services.ts';
import * as ops from './stock-ops.ts';

export type { LocationRow, PartRow, PriceListRow } from './parts-dal.ts';
export type { PartsServices } from './parts-services.ts';

type Move = Omit<ops.Move, 'at'>;

/** In-transaction reads, and stock moves stamped with the given clock's time. */
const partsApi = (clock: Clock) => ({
  findPart,
  findLocation,
  activePriceLists,
  reserveStock: (tx: Executor, m: Move) => ops.reserveStock(tx, { ...m, at: clock.now() }),
  releaseStock: (tx: Executor, m: Move) => ops.releaseStock(tx, { ...m, at: clock.now() }),
  consumeReserved: (tx: Executor, m: Move) => ops.consumeReserved(tx, { ...m, at: clock.now() }),
});

/**
 * What other modules may do with parts: read a part, a store and the active price lists, and move
 * stock inside their own transaction (reserve for an order, release, consume what was reserved).
 */
export type PartsApi = ReturnType<typeof partsApi>;

// Also imported directly by consumers that are not built from a builder yet (work orders): their
// stock moves take the system clock's time until they call the built module's `api` instead.
export const { reserveStock, releaseStock, consumeReserved } = partsApi(systemClock);
export { activePriceLists, findLocation, findPart };

/** 备件与库存: parts catalogue, stores, price lists, stock, stocking plans, old-part returns. */
export const buildPartsModule = (deps: {
  db: Db;
  clock: Clock;
  org: Pick<OrgApi, 'findOrg'>;
}): AppModule<PartsApi> => {
  const services = partsServices(deps);
  return { name: 'parts', routes: (app) => partsRoutes(app, services), api: partsApi(deps.clock) };
};
