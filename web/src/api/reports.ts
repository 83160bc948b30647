import { api, request } from './client';
import { downloadXlsx } from './excel';
import type {
  Dashboard,
  DashboardParams,
  DrillPage,
  DrillParams,
  Figure,
  ReportKind,
  ReportRun,
  ReportRunList,
  Subscriptions,
} from './reports-types';
import type { ResponseOf } from './schema';

export const dashboardApi = {
  get: (params: DashboardParams) => api.get<Dashboard>('/api/dashboard', { ...params }),
  /** The figure's table as .xlsx, for the same period and dealer. */
  exportXlsx: (figure: Figure, params: DashboardParams) =>
    downloadXlsx(`/api/dashboard/${figure}/export`, `dashboard-${figure}.xlsx`, { ...params }),
  records: (figure: Figure, params: DrillParams) =>
    api.get<DrillPage>(`/api/dashboard/${figure}/records`, { ...params }),
  refresh: () => api.post<ResponseOf<'/api/dashboard/refresh', 'post'>>('/api/dashboard/refresh'),
};

export const reportsApi = {
  list: (kind?: ReportKind) => api.get<ReportRunList>('/api/reports', { kind }),
  get: (id: string) => api.get<ReportRun>(`/api/reports/${encodeURIComponent(id)}`),
  run: (kind: ReportKind, period?: string) =>
    api.post<ReportRun>(`/api/reports/${kind}/run`, period ? { period } : {}),
  subscriptions: () => api.get<Subscriptions>('/api/report-subscriptions'),
  setSubscriptions: (kinds: ReportKind[]) =>
    request<Subscriptions>('PUT', '/api/report-subscriptions', { body: { kinds } }),
};
