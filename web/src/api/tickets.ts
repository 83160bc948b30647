import { api, send } from './client';
import { downloadXlsx } from './excel';
import type {
  AppNotification,
  AssignTarget,
  Ticket,
  TicketAttachment,
  TicketCreate,
  TicketListParams,
  TicketPage,
  TransitionTo,
} from './ticket-types';

const at = (id: string, tail = '') => `/api/tickets/${encodeURIComponent(id)}${tail}`;

export interface BulkResult {
  id: string;
  ok: boolean;
  error?: { code?: string; message?: string } | string;
}

export const ticketsApi = {
  list: (params: TicketListParams, signal?: AbortSignal) =>
    api.get<TicketPage>('/api/tickets', { ...params }, signal),
  get: (id: string) => api.get<Ticket>(at(id)),
  create: (body: TicketCreate) => api.post<Ticket>('/api/tickets', body),
  update: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<Ticket>(at(id), body),
  transition: (id: string, body: { to: TransitionTo; note?: string; resolution?: string; version: number }) =>
    api.post<Ticket>(at(id, '/transition'), body),
  assign: (id: string, body: AssignTarget & { note?: string; version: number }) =>
    api.post<Ticket>(at(id, '/assign'), body),
  bulkAssign: (ids: string[], target: AssignTarget) =>
    api.post<{ results: BulkResult[] }>('/api/tickets/bulk-assign', { ids, ...target }),
  pause: (id: string, body: { at: string; reason: string }) => api.post<Ticket>(at(id, '/pause'), body),
  resume: (id: string, body: { at: string }) => api.post<Ticket>(at(id, '/resume'), body),
  reply: (id: string, body: { body: string; visibility: 'customer' | 'internal' }) =>
    api.post<Ticket>(at(id, '/replies'), body),
  /** multipart/form-data with the file under "file"; the browser sets the boundary. */
  upload: async (id: string, file: File): Promise<TicketAttachment> => {
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await send('POST', at(id, '/attachments'), {
      body: form,
      headers: { Accept: 'application/json' },
    });
    return (await res.json()) as TicketAttachment;
  },
  /** Served with the session cookie, so it works directly as <img src> or a link. */
  attachmentUrl: (id: string, attachmentId: string) =>
    at(id, `/attachments/${encodeURIComponent(attachmentId)}`),
  exportXlsx: (params: TicketListParams) =>
    downloadXlsx('/api/tickets/export', 'tickets.xlsx', { ...params, limit: undefined, offset: undefined }),
};

export const notificationsApi = {
  list: (params: { unread?: boolean; limit?: number }) =>
    api.get<{ unread: number; items: AppNotification[] }>('/api/notifications', { ...params }),
  read: (body: { ids: string[] } | { all: true }) =>
    api.post<{ unread: number }>('/api/notifications/read', body),
};
