import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { createModels } from './products-create.ts';
import {
  currentVersionOf,
  currentVersionsOf,
  findModel,
  findModelsByIds,
  findPolicy,
  listCurrentPolicies,
  listModels,
  modelIdsByCode,
} from './products-dal.ts';
import { productsRoutes } from './products-routes.ts';
import { productsService } from './products-service.ts';

export type { NewModel } from './products-create.ts';
export type { ModelRow, PolicyRow } from './products-dal.ts';
export type { ProductsService } from './products-service.ts';

const api = {
  findModel,
  findModelsByIds,
  modelIdsByCode,
  findPolicy,
  currentVersionOf,
  currentVersionsOf,
  listCurrentPolicies,
  listModels,
  createModels,
};

/**
 * Product models and warranty policy versions read in the caller's transaction, and models created
 * by the one set of creation rules (products-create.ts; audit is the caller's).
 */
export type ProductsApi = typeof api;

// Stateless reads, also imported directly by the entitlement rules (asset module, not built per call).
export { currentVersionOf, findModel, findPolicy, listModels };

/** 产品型号与三包政策: product models and versioned warranty policies. */
export const buildProductsModule = ({ db }: { db: Db }): AppModule<ProductsApi> => {
  const products = productsService({ db });
  return { name: 'products', routes: (app) => productsRoutes(app, { products }), api };
};
