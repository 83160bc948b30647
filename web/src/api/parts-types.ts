// Parts, stock, stocking plans, price lists and old-part returns: named from the generated API types.
// Money in integer fen.
import { allOf, type BodyOf, type Item, type QueryOf, type ResponseOf } from './schema';

export type Part = ResponseOf<'/api/parts/{id}'>;
export type PartPage = ResponseOf<'/api/parts'>;
export type PartListParams = QueryOf<'/api/parts'>;

export type StockLocation = Item<StockLocationPage['items']>;
export type StockLocationPage = ResponseOf<'/api/stock-locations'>;
export type LocationListParams = QueryOf<'/api/stock-locations'>;
export type LocationKind = NonNullable<LocationListParams['kind']>;

export type StockPage = ResponseOf<'/api/stock'>;
export type StockLevel = Item<StockPage['items']>;
export type StockListParams = QueryOf<'/api/stock'>;

export type MovePage = ResponseOf<'/api/stock/moves'>;
export type StockMove = Item<MovePage['items']>;
export type MoveListParams = QueryOf<'/api/stock/moves'>;
export type MoveKind = NonNullable<MoveListParams['kind']>;

export type PlanPage = ResponseOf<'/api/stocking-plans'>;
export type StockingPlan = ResponseOf<'/api/stocking-plans/{id}'>;
export type PlanLine = Item<StockingPlan['lines']>;
export type PlanListParams = QueryOf<'/api/stocking-plans'>;
export type PlanStatus = NonNullable<PlanListParams['status']>;

export type PriceListList = ResponseOf<'/api/price-lists'>;
export type PriceList = ResponseOf<'/api/price-lists/{id}'>;
export type PriceListKind = BodyOf<'/api/price-lists'>['kind'];

export type ReturnPage = ResponseOf<'/api/old-part-returns'>;
export type OldPartReturn = Item<ReturnPage['items']>;
export type ReturnListParams = QueryOf<'/api/old-part-returns'>;
export type ReturnStatus = NonNullable<ReturnListParams['status']>;
export type AppraiseBody = BodyOf<'/api/old-part-returns/{id}/appraise'>;
export type Appraisal = AppraiseBody['appraisal'];
export type PartsBasis = BodyOf<'/api/price-lists'>['partsBasis'];

export const PRICE_LIST_KINDS = allOf<PriceListKind>()(['warranty_period', 'market']);
export const PARTS_BASES = allOf<PartsBasis>()(['cost', 'list']);
export const LOCATION_KINDS = allOf<LocationKind>()(['company', 'centre', 'dealer']);
export const RETURN_STATUSES = allOf<ReturnStatus>()(['pending', 'received', 'appraised']);
export const PLAN_STATUSES = allOf<PlanStatus>()(['draft', 'submitted', 'approved']);
export const APPRAISALS = allOf<Appraisal>()(['reusable', 'scrap', 'supplier_claim']);
