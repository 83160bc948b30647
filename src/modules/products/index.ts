import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { currentVersionOf, findModel, findPolicy, listModels } from './products-dal.ts';
import { productsRoutes } from './products-routes.ts';
import { productsService } from './products-service.ts';

export type { ModelRow, PolicyRow } from './products-dal.ts';
export type { ProductsService } from './products-service.ts';

const api = { findModel, findPolicy, currentVersionOf, listModels };

/** Product models and warranty policy versions read in the caller's transaction. */
export type ProductsApi = typeof api;

// Stateless reads, also imported directly by the entitlement rules (asset module, not built per call).
export { currentVersionOf, findModel, findPolicy, listModels };

/** 产品型号与三包政策: product models and versioned warranty policies. */
export const buildProductsModule = ({ db }: { db: Db }): AppModule<ProductsApi> => {
  const products = productsService({ db });
  return { name: 'products', routes: (app) => productsRoutes(app, { products }), api };
};
