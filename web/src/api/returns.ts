import { api } from './client';
import { downloadXlsx } from './excel';
import type { ReturnCreate, ReturnListParams, ReturnPage, ReturnRequest } from './return-types';
import type { BodyOf, ResponseOf } from './schema';

const at = (id: string, tail = '') => `/api/returns/${encodeURIComponent(id)}${tail}`;

/** The steps after registration, each its own endpoint (SPEC §4). */
export type ReturnStepPath =
  | '/decision'
  | '/receipt'
  | '/inspection'
  | '/refund'
  | '/refund/approve'
  | '/exchange'
  | '/repair'
  | '/send-back';

export const returnsApi = {
  list: (params: ReturnListParams, signal?: AbortSignal) =>
    api.get<ReturnPage>('/api/returns', { ...params }, signal),
  get: (id: string) => api.get<ReturnRequest>(at(id)),
  create: (body: ReturnCreate) => api.post<ReturnRequest>('/api/returns', body),
  step: (id: string, step: ReturnStepPath, body: Record<string, unknown>) =>
    api.post<ReturnRequest>(at(id, step), body),
  exportXlsx: (params: ReturnListParams) =>
    downloadXlsx('/api/returns/export', 'returns.xlsx', { ...params, limit: undefined, offset: undefined }),
  pickupCities: () => api.get<ResponseOf<'/api/return-pickup-cities'>>('/api/return-pickup-cities'),
  setPickupCities: (body: BodyOf<'/api/return-pickup-cities', 'put'>) =>
    api.put<ResponseOf<'/api/return-pickup-cities', 'put'>>('/api/return-pickup-cities', body),
};
