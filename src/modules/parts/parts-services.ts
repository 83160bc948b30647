import type { Db } from '../../db/client.ts';
import type { OrgApi } from '../org/index.ts';
import { oldPartsService } from './old-parts-service.ts';
import { partsService } from './parts-service.ts';
import { priceListsService } from './price-lists-service.ts';
import { stockService } from './stock-service.ts';
import { stockingPlansService } from './stocking-plans-service.ts';

/** Every service of the parts area, built once for its routes. */
export const partsServices = ({ db, org }: { db: Db; org: Pick<OrgApi, 'findOrg'> }) => ({
  parts: partsService({ db, org }),
  priceLists: priceListsService({ db }),
  stock: stockService({ db }),
  plans: stockingPlansService({ db, org }),
  oldParts: oldPartsService({ db }),
});

export type PartsServices = ReturnType<typeof partsServices>;
