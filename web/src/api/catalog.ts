import type {
  Asset,
  AssetEvent,
  AssetEventKind,
  AssetListParams,
  Customer,
  CustomerListParams,
  Entitlement,
  EntitlementQuery,
  MeterReading,
  ModelListParams,
  Policy,
  ProductModel,
} from './catalog-types';
import { api } from './client';
import type { Page } from './types';

type Body = Record<string, unknown>;
const at = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;

export const customersApi = {
  list: (params: CustomerListParams) => api.get<Page<Customer>>('/api/customers', { ...params }),
  get: (id: string) => api.get<Customer>(at('/api/customers', id)),
  create: (body: Body) => api.post<Customer>('/api/customers', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<Customer>(at('/api/customers', id), body),
  archive: (id: string, version: number, reason: string) =>
    api.post<Customer>(at('/api/customers', id, '/archive'), { version, reason }),
};

export const policiesApi = {
  /** Current versions only. */
  list: () => api.get<{ items: Policy[] }>('/api/warranty-policies'),
  get: (id: string) => api.get<Policy>(at('/api/warranty-policies', id)),
  versions: (id: string) => api.get<{ items: Policy[] }>(at('/api/warranty-policies', id, '/versions')),
  create: (body: Body) => api.post<Policy>('/api/warranty-policies', body),
  /** Answers with the new version; `id` must be the current one. */
  revise: (id: string, body: Body) => api.patch<Policy>(at('/api/warranty-policies', id), body),
};

export const modelsApi = {
  list: (params: ModelListParams) => api.get<Page<ProductModel>>('/api/product-models', { ...params }),
  get: (id: string) => api.get<ProductModel>(at('/api/product-models', id)),
  create: (body: Body) => api.post<ProductModel>('/api/product-models', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<ProductModel>(at('/api/product-models', id), body),
};

export const assetsApi = {
  list: (params: AssetListParams) => api.get<Page<Asset>>('/api/assets', { ...params }),
  get: (id: string) => api.get<Asset>(at('/api/assets', id)),
  create: (body: Body) => api.post<Asset>('/api/assets', body),
  update: (id: string, body: Body & { version: number }) => api.patch<Asset>(at('/api/assets', id), body),
  readings: (id: string) => api.get<{ items: MeterReading[] }>(at('/api/assets', id, '/meter-readings')),
  addReading: (id: string, body: { hours: number; readAt: string }) =>
    api.post<MeterReading>(at('/api/assets', id, '/meter-readings'), body),
  events: (id: string) => api.get<{ items: AssetEvent[] }>(at('/api/assets', id, '/events')),
  addEvent: (id: string, body: { kind: AssetEventKind; at: string; partCode?: string; note?: string }) =>
    api.post<AssetEvent>(at('/api/assets', id, '/events'), body),
  /** PNG of the nameplate QR code; it points at the portal's report form for this serial number. */
  qrUrl: (id: string) => at('/api/assets', id, '/qr'),
  entitlement: (id: string, query: EntitlementQuery, signal?: AbortSignal) =>
    api.get<Entitlement>(at('/api/assets', id, '/entitlement'), { ...query }, signal),
};
