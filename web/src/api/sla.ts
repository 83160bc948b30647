import { api } from './client';
import type {
  Calendar,
  CalendarDays,
  CalendarList,
  DeliveryList,
  HolidayNoticeBody,
  SlaPolicy,
  SlaPolicyList,
  Webhook,
  WebhookList,
} from './sla-types';

type Body = Record<string, unknown>;
const at = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;

export const calendarsApi = {
  list: () => api.get<CalendarList>('/api/calendars'),
  get: (id: string) => api.get<Calendar>(at('/api/calendars', id)),
  create: (body: Body) => api.post<Calendar>('/api/calendars', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<Calendar>(at('/api/calendars', id), body),
  /** One year's State Council notice: holidays and make-up working days, replacing that year's. */
  importNotice: (id: string, body: HolidayNoticeBody) =>
    api.post<Calendar>(at('/api/calendars', id, '/holiday-notice'), body),
  /** `month` is YYYY-MM. */
  days: (id: string, month: string) => api.get<CalendarDays>(at('/api/calendars', id, '/days'), { month }),
};

export const slaPoliciesApi = {
  list: () => api.get<SlaPolicyList>('/api/sla-policies'),
  get: (id: string) => api.get<SlaPolicy>(at('/api/sla-policies', id)),
  create: (body: Body) => api.post<SlaPolicy>('/api/sla-policies', body),
  update: (id: string, body: Body & { version: number }) =>
    api.patch<SlaPolicy>(at('/api/sla-policies', id), body),
};

export const webhooksApi = {
  list: () => api.get<WebhookList>('/api/webhooks'),
  create: (body: Body) => api.post<Webhook>('/api/webhooks', body),
  update: (id: string, body: Body & { version: number }) => api.patch<Webhook>(at('/api/webhooks', id), body),
  deliveries: () => api.get<DeliveryList>('/api/notification-deliveries'),
};
