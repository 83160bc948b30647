import { api } from './client';
import { downloadXlsx } from './excel';
import type {
  LocationListParams,
  MoveListParams,
  OldPartReturn,
  Part,
  PartListParams,
  PlanListParams,
  PriceList,
  ReturnListParams,
  StockingPlan,
  StockLevel,
  StockListParams,
  StockLocation,
  StockMove,
} from './parts-types';
import type { Page } from './types';

type Body = Record<string, unknown>;
const at = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;

export const partsApi = {
  list: (params: PartListParams) => api.get<Page<Part>>('/api/parts', { ...params }),
  get: (id: string) => api.get<Part>(at('/api/parts', id)),
  create: (body: Body) => api.post<Part>('/api/parts', body),
  update: (id: string, body: Body & { version: number }) => api.patch<Part>(at('/api/parts', id), body),
  /** The catalogue as filtered, as .xlsx. */
  exportXlsx: (params: Omit<PartListParams, 'limit' | 'offset'>) =>
    downloadXlsx('/api/parts/export', 'parts.xlsx', { ...params }),
};

export const stockLocationsApi = {
  list: (params: LocationListParams) => api.get<Page<StockLocation>>('/api/stock-locations', { ...params }),
  create: (body: Body) => api.post<StockLocation>('/api/stock-locations', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<StockLocation>(at('/api/stock-locations', id), body),
};

export interface ReceiveBody {
  partId: string;
  locationId: string;
  quantity: number;
  note?: string | null;
}
export interface TransferBody {
  partId: string;
  fromLocationId: string;
  toLocationId: string;
  quantity: number;
  note?: string | null;
}
export interface AdjustBody {
  partId: string;
  locationId: string;
  onHand: number;
  note: string;
}

export const stockApi = {
  list: (params: StockListParams) => api.get<Page<StockLevel>>('/api/stock', { ...params }),
  lowCount: () => api.get<{ count: number }>('/api/stock/low-count'),
  receive: (body: ReceiveBody) => api.post<StockLevel>('/api/stock/receive', body),
  transfer: (body: TransferBody) =>
    api.post<{ from: StockLevel; to: StockLevel }>('/api/stock/transfer', body),
  adjust: (body: AdjustBody) => api.post<StockLevel>('/api/stock/adjust', body),
  setMin: (body: { partId: string; locationId: string; minQty: number }) =>
    api.patch<StockLevel>('/api/stock/min', body),
  moves: (params: MoveListParams) => api.get<Page<StockMove>>('/api/stock/moves', { ...params }),
};

export const stockingPlansApi = {
  list: (params: PlanListParams) => api.get<Page<StockingPlan>>('/api/stocking-plans', { ...params }),
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
  list: () => api.get<{ items: PriceList[] }>('/api/price-lists'),
  get: (id: string) => api.get<PriceList>(at('/api/price-lists', id)),
  create: (body: Body) => api.post<PriceList>('/api/price-lists', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<PriceList>(at('/api/price-lists', id), body),
};

export const oldPartReturnsApi = {
  list: (params: ReturnListParams) => api.get<Page<OldPartReturn>>('/api/old-part-returns', { ...params }),
  receive: (id: string, version: number) =>
    api.post<OldPartReturn>(at('/api/old-part-returns', id, '/receive'), { version }),
  appraise: (
    id: string,
    body: { version: number; appraisal: string; storeLocationId: string; note?: string | null },
  ) => api.post<OldPartReturn>(at('/api/old-part-returns', id, '/appraise'), body),
};
