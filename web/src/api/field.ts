import { api, request as call, send } from './client';
import type {
  Board,
  BoardParams,
  Cause,
  Engineer,
  EngineerListParams,
  FeedbackBody,
  FeedbackListItem,
  PartLineBody,
  PartOption,
  PrintForm,
  StockOption,
  Suggestion,
  TransitionTarget,
  WorkOrder,
  WorkOrderCreate,
  WorkOrderListParams,
  WorkOrderPhoto,
  WorkOrderSummary,
} from './field-types';
import type { Page } from './types';

const enc = encodeURIComponent;
const wo = (id: string, tail = '') => `/api/work-orders/${enc(id)}${tail}`;

export const engineersApi = {
  list: (params: EngineerListParams) => api.get<Page<Engineer>>('/api/engineers', { ...params }),
  get: (id: string) => api.get<Engineer>(`/api/engineers/${enc(id)}`),
  create: (body: Record<string, unknown>) => api.post<Engineer>('/api/engineers', body),
  update: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<Engineer>(`/api/engineers/${enc(id)}`, body),
};

type V = { version: number };

export const workOrdersApi = {
  list: (params: WorkOrderListParams, signal?: AbortSignal) =>
    api.get<Page<WorkOrderSummary>>('/api/work-orders', { ...params }, signal),
  get: (id: string) => api.get<WorkOrder>(wo(id)),
  create: (ticketId: string, body: WorkOrderCreate) =>
    api.post<WorkOrder>(`/api/tickets/${enc(ticketId)}/work-orders`, body),
  update: (id: string, body: Record<string, unknown> & V) => api.patch<WorkOrder>(wo(id), body),
  suggestions: (id: string) => api.get<{ items: Suggestion[] }>(wo(id, '/suggestions')),
  dispatch: (
    id: string,
    body: V & { engineerIds: string[]; leadEngineerId?: string; plannedDate?: string | null },
  ) => api.post<WorkOrder>(wo(id, '/dispatch'), body),
  transition: (id: string, body: V & { to: TransitionTarget; at?: string; note?: string }) =>
    api.post<WorkOrder>(wo(id, '/transition'), body),
  diagnosis: (
    id: string,
    body: V & { cause: Cause; diagnosis: string; meterHours?: number | null; majorFault?: boolean },
  ) => call<WorkOrder>('PUT', wo(id, '/diagnosis'), { body }),
  addItem: (
    id: string,
    body: { description: string; method?: string | null; quantity: number; labourMinutes: number },
  ) => api.post<WorkOrder>(wo(id, '/items'), body),
  removeItem: (id: string, itemId: string) => call<WorkOrder>('DELETE', wo(id, `/items/${enc(itemId)}`)),
  addPart: (id: string, body: PartLineBody) => api.post<WorkOrder>(wo(id, '/parts'), body),
  consumePart: (
    id: string,
    lineId: string,
    body: { removedSerial?: string | null; fittedSerial?: string | null },
  ) => api.post<WorkOrder>(wo(id, `/parts/${enc(lineId)}/consume`), body),
  releasePart: (id: string, lineId: string) => call<WorkOrder>('DELETE', wo(id, `/parts/${enc(lineId)}`)),
  /** multipart: the phase field first, then the file (the server reads fields in order). */
  uploadPhoto: async (id: string, phase: 'before' | 'after', file: File): Promise<WorkOrderPhoto> => {
    const form = new FormData();
    form.append('phase', phase);
    form.append('file', file, file.name);
    const res = await send('POST', wo(id, '/photos'), {
      body: form,
      headers: { Accept: 'application/json' },
    });
    return (await res.json()) as WorkOrderPhoto;
  },
  /** Served with the session cookie: usable as <img src>. */
  photoUrl: (id: string, photoId: string) => wo(id, `/photos/${enc(photoId)}`),
  signatureUrl: (id: string, version?: number) => wo(id, `/signature${version ? `?v=${version}` : ''}`),
  sign: (id: string, body: V & { signedBy: string; image: string; comment?: string | null }) =>
    api.post<WorkOrder>(wo(id, '/signature'), body),
  sendQuote: (id: string, body: V) => api.post<WorkOrder>(wo(id, '/quote'), body),
  decideQuote: (id: string, body: V & { accepted: boolean; decidedBy?: string; note?: string }) =>
    api.post<WorkOrder>(wo(id, '/quote/decision'), body),
  urgentApproval: (id: string, body: V & { reason: string }) =>
    api.post<WorkOrder>(wo(id, '/urgent-approval'), body),
  regularise: (id: string, body: V) => api.post<WorkOrder>(wo(id, '/regularise'), body),
  openPaperwork: () => api.get<{ items: WorkOrderSummary[] }>('/api/work-orders/open-paperwork'),
  saveFeedback: (id: string, body: FeedbackBody) => call<WorkOrder>('PUT', wo(id, '/feedback'), { body }),
  signFeedback: (id: string, body: V) => api.post<WorkOrder>(wo(id, '/feedback/sign'), body),
  writeOff: (id: string, body: V) => api.post<WorkOrder>(wo(id, '/write-off'), body),
  reimburse: (id: string, body: V) => api.post<WorkOrder>(wo(id, '/reimburse'), body),
  printUrl: (id: string, form: PrintForm, pdf = false) => wo(id, `/print/${form}${pdf ? '?format=pdf' : ''}`),
};

export const boardApi = {
  get: (params: BoardParams) => api.get<Board>('/api/dispatch-board', { ...params }),
};

export const feedbackApi = {
  list: (params: { overdue?: boolean }) =>
    api.get<{ items: FeedbackListItem[] }>('/api/field-feedback', params),
};

/** The parts module's catalogue and stock, only as far as the work-order pickers need them. */
export const partPickerApi = {
  parts: (q: string) => api.get<{ items: PartOption[] }>('/api/parts', { q, active: true, limit: 20 }),
  stock: (partId: string) => api.get<{ items: StockOption[] }>('/api/stock', { partId }),
};

export const printLinks = {
  historyCard: (assetId: string) => `/api/assets/${enc(assetId)}/print/history-card`,
  outOfWarrantyParts: (ticketId: string) => `/api/tickets/${enc(ticketId)}/print/out-of-warranty-parts`,
};
