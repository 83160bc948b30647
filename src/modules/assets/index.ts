import type { Db, Executor } from '../../db/client.ts';
import type { Ctx } from '../../platform/audit.ts';
import type { AppModule } from '../../platform/module.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { ProductsApi } from '../products/index.ts';
import { createAssets, type NewAsset } from './assets-create.ts';
import { findAsset, insertEvent, listAssets, repairsOf } from './assets-dal.ts';
import { assetsRoutes } from './assets-routes.ts';
import { assetsService, toAssetDto } from './assets-service.ts';
import { entitlementFor, loadEntitlementBasis } from './entitlement-service.ts';
import { recordMeterReading } from './meter-readings.ts';
import { nameplateRoutes } from './nameplate-routes.ts';

export type { NewAsset } from './assets-create.ts';
export type { AssetRow, AssetWithNames } from './assets-dal.ts';
export { Asset } from './assets-schemas.ts';
export type { AssetsService } from './assets-service.ts';

// In-transaction steps and reads, stateless: the same for every caller.
const steps = {
  findAsset,
  listAssets,
  insertEvent,
  repairsOf,
  recordMeterReading,
  entitlementFor,
  loadEntitlementBasis,
  toAssetDto,
};

// Stateless steps, also imported directly by consumers that are not built from a builder yet.
export {
  entitlementFor,
  findAsset,
  insertEvent,
  listAssets,
  loadEntitlementBasis,
  recordMeterReading,
  toAssetDto,
};

/**
 * What other modules may do with assets: read one as the actor (`get`, `entitlement`, for printed
 * forms), and, inside their own transaction, find an asset, decide its entitlement (三包判定),
 * record a meter reading or an asset event.
 */
export type AssetsApi = typeof steps &
  Pick<ReturnType<typeof assetsService>, 'get' | 'entitlement'> & {
    /** Creates assets in the caller's transaction by the one set of creation rules (assets-create.ts). */
    createAssets: (tx: Executor, ctx: Ctx, inputs: NewAsset[]) => ReturnType<typeof createAssets>;
  };

/** 设备档案: assets, their meter readings, events, entitlement and nameplate QR code. */
export const buildAssetsModule = (deps: {
  db: Db;
  customers: Pick<CustomersApi, 'findCustomer' | 'findCustomersByIds'>;
  products: Pick<ProductsApi, 'findPolicy' | 'findModelsByIds' | 'currentVersionsOf'>;
  publicUrl: string;
}): AppModule<AssetsApi> => {
  const assets = assetsService(deps);
  return {
    name: 'assets',
    routes: (app) => {
      assetsRoutes(app, { assets });
      nameplateRoutes(app, { assets, publicUrl: deps.publicUrl });
    },
    api: {
      ...steps,
      get: assets.get,
      entitlement: assets.entitlement,
      createAssets: (tx, ctx, inputs) => createAssets(deps, tx, ctx, inputs),
    },
  };
};
