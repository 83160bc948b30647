import { api, request } from './client';
import { downloadXlsx } from './excel';
import type {
  Dashboard,
  DashboardParams,
  DrillPage,
  Figure,
  ReportKind,
  ReportRun,
  ReportRunSummary,
} from './reports-types';

export const dashboardApi = {
  get: (params: DashboardParams) => api.get<Dashboard>('/api/dashboard', { ...params }),
  /** The figure's table as .xlsx, for the same period and dealer. */
  exportXlsx: (figure: Figure, params: DashboardParams) =>
    downloadXlsx(`/api/dashboard/${figure}/export`, `dashboard-${figure}.xlsx`, { ...params }),
  records: (figure: Figure, params: DashboardParams & { key: string; limit: number; offset: number }) =>
    api.get<DrillPage>(`/api/dashboard/${figure}/records`, { ...params }),
  refresh: () => api.post<{ from: string; to: string; days: number; ms: number }>('/api/dashboard/refresh'),
};

export const reportsApi = {
  list: (kind?: ReportKind) => api.get<{ items: ReportRunSummary[] }>('/api/reports', { kind }),
  get: (id: string) => api.get<ReportRun>(`/api/reports/${encodeURIComponent(id)}`),
  run: (kind: ReportKind, period?: string) =>
    api.post<ReportRun>(`/api/reports/${kind}/run`, period ? { period } : {}),
  subscriptions: () => api.get<{ kinds: ReportKind[] }>('/api/report-subscriptions'),
  setSubscriptions: (kinds: ReportKind[]) =>
    request<{ kinds: ReportKind[] }>('PUT', '/api/report-subscriptions', { body: { kinds } }),
};
