import { api, send } from './client';
import { downloadXlsx } from './excel';
import type { BodyOf, QueryOf, ResponseOf } from './schema';
import type {
  AssignBody,
  AssignTarget,
  BulkResult,
  NotificationList,
  Ticket,
  TicketAttachment,
  TicketCreate,
  TicketListParams,
  TicketPage,
  TicketPatch,
  TransitionBody,
} from './ticket-types';

const at = (id: string, tail = '') => `/api/tickets/${encodeURIComponent(id)}${tail}`;

export type { BulkResult };

export const ticketsApi = {
  list: (params: TicketListParams, signal?: AbortSignal) =>
    api.get<TicketPage>('/api/tickets', { ...params }, signal),
  get: (id: string) => api.get<Ticket>(at(id)),
  create: (body: TicketCreate) => api.post<Ticket>('/api/tickets', body),
  update: (id: string, body: TicketPatch) => api.patch<Ticket>(at(id), body),
  transition: (id: string, body: TransitionBody) => api.post<Ticket>(at(id, '/transition'), body),
  assign: (id: string, body: AssignBody) => api.post<Ticket>(at(id, '/assign'), body),
  bulkAssign: (ids: string[], target: AssignTarget) =>
    api.post<ResponseOf<'/api/tickets/bulk-assign', 'post'>>('/api/tickets/bulk-assign', { ids, ...target }),
  pause: (id: string, body: BodyOf<'/api/tickets/{id}/pause'>) => api.post<Ticket>(at(id, '/pause'), body),
  resume: (id: string, body: BodyOf<'/api/tickets/{id}/resume'>) => api.post<Ticket>(at(id, '/resume'), body),
  reply: (id: string, body: BodyOf<'/api/tickets/{id}/replies'>) =>
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
  list: (params: QueryOf<'/api/notifications'>) =>
    api.get<NotificationList>('/api/notifications', { ...params }),
  read: (body: BodyOf<'/api/notifications/read'>) =>
    api.post<ResponseOf<'/api/notifications/read', 'post'>>('/api/notifications/read', body),
};
