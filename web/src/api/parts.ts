import { api } from './client';
import { downloadXlsx } from './excel';
import type {
  AppraiseBody,
  LocationListParams,
  MoveListParams,
  MovePage,
  OldPartReturn,
  Part,
  PartListParams,
  PartPage,
  PlanListParams,
  PlanPage,
  PriceList,
  PriceListList,
  ReturnListParams,
  ReturnPage,
  StockingPlan,
  StockLevel,
  StockListParams,
  StockLocation,
  StockLocationPage,
  StockPage,
} from './parts-types';
import type { BodyOf, ResponseOf } from './schema';

type Body = Record<string, unknown>;
const at = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;

export const partsApi = {
  list: (params: PartListParams) => api.get<PartPage>('/api/parts', { ...params }),
  get: (id: string) => api.get<Part>(at('/api/parts', id)),
  create: (body: Body) => api.post<Part>('/api/parts', body),
  update: (id: string, body: Body & { version: number }) => api.patch<Part>(at('/api/parts', id), body),
  /** The catalogue as filtered, as .xlsx. */
  exportXlsx: (params: Omit<PartListParams, 'limit' | 'offset'>) =>
    downloadXlsx('/api/parts/export', 'parts.xlsx', { ...params }),
};

export const stockLocationsApi = {
  list: (params: LocationListParams) => api.get<StockLocationPage>('/api/stock-locations', { ...params }),
  create: (body: Body) => api.post<StockLocation>('/api/stock-locations', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<StockLocation>(at('/api/stock-locations', id), body),
};

export type ReceiveBody = BodyOf<'/api/stock/receive'>;
export type TransferBody = BodyOf<'/api/stock/transfer'>;
export type AdjustBody = BodyOf<'/api/stock/adjust'>;

export const stockApi = {
  list: (params: StockListParams) => api.get<StockPage>('/api/stock', { ...params }),
  lowCount: () => api.get<ResponseOf<'/api/stock/low-count'>>('/api/stock/low-count'),
  receive: (body: ReceiveBody) => api.post<StockLevel>('/api/stock/receive', body),
  transfer: (body: TransferBody) =>
    api.post<ResponseOf<'/api/stock/transfer', 'post'>>('/api/stock/transfer', body),
  adjust: (body: AdjustBody) => api.post<StockLevel>('/api/stock/adjust', body),
  setMin: (body: BodyOf<'/api/stock/min', 'patch'>) => api.patch<StockLevel>('/api/stock/min', body),
  moves: (params: MoveListParams) => api.get<MovePage>('/api/stock/moves', { ...params }),
};

export const stockingPlansApi = {
  list: (params: PlanListParams) => api.get<PlanPage>('/api/stocking-plans', { ...params }),
  get: (id: string) => api.get<StockingPlan>(at('/api/stocking-plans', id)),
  create: (body: Body) => api.post<StockingPlan>('/api/stocking-plans', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<StockingPlan>(at('/api/stocking-plans', id), body),
  submit: (id: string, version: number) =>
    api.post<StockingPlan>(at('/api/stocking-plans', id, '/submit'), { version }),
  approve: (id: string, version: number, note?: string | null) =>
    api.post<StockingPlan>(at('/api/stocking-plans', id, '/approve'), { version, note }),
};

export const priceListsApi = {
  list: () => api.get<PriceListList>('/api/price-lists'),
  get: (id: string) => api.get<PriceList>(at('/api/price-lists', id)),
  create: (body: Body) => api.post<PriceList>('/api/price-lists', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<PriceList>(at('/api/price-lists', id), body),
};

export const oldPartReturnsApi = {
  list: (params: ReturnListParams) => api.get<ReturnPage>('/api/old-part-returns', { ...params }),
  receive: (id: string, version: number) =>
    api.post<OldPartReturn>(at('/api/old-part-returns', id, '/receive'), { version }),
  appraise: (id: string, body: AppraiseBody) =>
    api.post<OldPartReturn>(at('/api/old-part-returns', id, '/appraise'), body),
};
