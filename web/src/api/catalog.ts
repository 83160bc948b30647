import type {
  Asset,
  AssetEvent,
  AssetEventBody,
  AssetListParams,
  AssetPage,
  Customer,
  CustomerListParams,
  CustomerPage,
  Entitlement,
  EntitlementQuery,
  MeterReading,
  ModelListParams,
  ModelPage,
  Policy,
  PolicyList,
  ProductModel,
} from './catalog-types';
import { api } from './client';
import type { BodyOf, ResponseOf } from './schema';

type Body = Record<string, unknown>;
const at = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;

export const customersApi = {
  list: (params: CustomerListParams) => api.get<CustomerPage>('/api/customers', { ...params }),
  get: (id: string) => api.get<Customer>(at('/api/customers', id)),
  create: (body: Body) => api.post<Customer>('/api/customers', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<Customer>(at('/api/customers', id), body),
  archive: (id: string, version: number, reason: string) =>
    api.post<Customer>(at('/api/customers', id, '/archive'), { version, reason }),
};

export const policiesApi = {
  /** Current versions only. */
  list: () => api.get<PolicyList>('/api/warranty-policies'),
  get: (id: string) => api.get<Policy>(at('/api/warranty-policies', id)),
  versions: (id: string) => api.get<PolicyList>(at('/api/warranty-policies', id, '/versions')),
  create: (body: Body) => api.post<Policy>('/api/warranty-policies', body),
  /** Answers with the new version; `id` must be the current one. */
  revise: (id: string, body: Body) => api.patch<Policy>(at('/api/warranty-policies', id), body),
};

export const modelsApi = {
  list: (params: ModelListParams) => api.get<ModelPage>('/api/product-models', { ...params }),
  get: (id: string) => api.get<ProductModel>(at('/api/product-models', id)),
  create: (body: Body) => api.post<ProductModel>('/api/product-models', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<ProductModel>(at('/api/product-models', id), body),
};

export const assetsApi = {
  list: (params: AssetListParams) => api.get<AssetPage>('/api/assets', { ...params }),
  get: (id: string) => api.get<Asset>(at('/api/assets', id)),
  create: (body: Body) => api.post<Asset>('/api/assets', body),
  update: (id: string, body: Body & { version: number }) => api.patch<Asset>(at('/api/assets', id), body),
  readings: (id: string) =>
    api.get<ResponseOf<'/api/assets/{id}/meter-readings'>>(at('/api/assets', id, '/meter-readings')),
  addReading: (id: string, body: BodyOf<'/api/assets/{id}/meter-readings', 'post'>) =>
    api.post<MeterReading>(at('/api/assets', id, '/meter-readings'), body),
  events: (id: string) => api.get<ResponseOf<'/api/assets/{id}/events'>>(at('/api/assets', id, '/events')),
  addEvent: (id: string, body: AssetEventBody) =>
    api.post<AssetEvent>(at('/api/assets', id, '/events'), body),
  /** PNG of the nameplate QR code; it points at the portal's report form for this serial number. */
  qrUrl: (id: string) => at('/api/assets', id, '/qr'),
  entitlement: (id: string, query: EntitlementQuery, signal?: AbortSignal) =>
    api.get<Entitlement>(at('/api/assets', id, '/entitlement'), { ...query }, signal),
};
