import { api, request as call, send } from './client';
import type {
  Board,
  BoardParams,
  DiagnosisBody,
  Engineer,
  EngineerListParams,
  EngineerPage,
  FeedbackBody,
  FeedbackList,
  PartLineBody,
  PrintForm,
  SuggestionList,
  TransitionBody,
  WorkOrder,
  WorkOrderCreate,
  WorkOrderListParams,
  WorkOrderPage,
  WorkOrderPhoto,
} from './field-types';
import type { PartPage, StockPage } from './parts-types';
import type { BodyOf, QueryOf, ResponseOf } from './schema';

const enc = encodeURIComponent;
const wo = (id: string, tail = '') => `/api/work-orders/${enc(id)}${tail}`;

export const engineersApi = {
  list: (params: EngineerListParams) => api.get<EngineerPage>('/api/engineers', { ...params }),
  get: (id: string) => api.get<Engineer>(`/api/engineers/${enc(id)}`),
  create: (body: Record<string, unknown>) => api.post<Engineer>('/api/engineers', body),
  update: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<Engineer>(`/api/engineers/${enc(id)}`, body),
};

type V = { version: number };

export const workOrdersApi = {
  list: (params: WorkOrderListParams, signal?: AbortSignal) =>
    api.get<WorkOrderPage>('/api/work-orders', { ...params }, signal),
  get: (id: string) => api.get<WorkOrder>(wo(id)),
  create: (ticketId: string, body: WorkOrderCreate) =>
    api.post<WorkOrder>(`/api/tickets/${enc(ticketId)}/work-orders`, body),
  update: (id: string, body: Record<string, unknown> & V) => api.patch<WorkOrder>(wo(id), body),
  suggestions: (id: string) => api.get<SuggestionList>(wo(id, '/suggestions')),
  dispatch: (id: string, body: BodyOf<'/api/work-orders/{id}/dispatch'>) =>
    api.post<WorkOrder>(wo(id, '/dispatch'), body),
  transition: (id: string, body: TransitionBody) => api.post<WorkOrder>(wo(id, '/transition'), body),
  diagnosis: (id: string, body: DiagnosisBody) => call<WorkOrder>('PUT', wo(id, '/diagnosis'), { body }),
  addItem: (id: string, body: BodyOf<'/api/work-orders/{id}/items'>) =>
    api.post<WorkOrder>(wo(id, '/items'), body),
  removeItem: (id: string, itemId: string) => call<WorkOrder>('DELETE', wo(id, `/items/${enc(itemId)}`)),
  addPart: (id: string, body: PartLineBody) => api.post<WorkOrder>(wo(id, '/parts'), body),
  consumePart: (id: string, lineId: string, body: BodyOf<'/api/work-orders/{id}/parts/{lineId}/consume'>) =>
    api.post<WorkOrder>(wo(id, `/parts/${enc(lineId)}/consume`), body),
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
  sign: (id: string, body: BodyOf<'/api/work-orders/{id}/signature'>) =>
    api.post<WorkOrder>(wo(id, '/signature'), body),
  sendQuote: (id: string, body: V) => api.post<WorkOrder>(wo(id, '/quote'), body),
  decideQuote: (id: string, body: BodyOf<'/api/work-orders/{id}/quote/decision'>) =>
    api.post<WorkOrder>(wo(id, '/quote/decision'), body),
  urgentApproval: (id: string, body: BodyOf<'/api/work-orders/{id}/urgent-approval'>) =>
    api.post<WorkOrder>(wo(id, '/urgent-approval'), body),
  regularise: (id: string, body: V) => api.post<WorkOrder>(wo(id, '/regularise'), body),
  openPaperwork: () =>
    api.get<ResponseOf<'/api/work-orders/open-paperwork'>>('/api/work-orders/open-paperwork'),
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
  list: (params: QueryOf<'/api/field-feedback'>) => api.get<FeedbackList>('/api/field-feedback', params),
};

/** The parts module's catalogue and stock, only as far as the work-order pickers need them. */
export const partPickerApi = {
  parts: (q: string) => api.get<PartPage>('/api/parts', { q, active: true, limit: 20 }),
  stock: (partId: string) => api.get<StockPage>('/api/stock', { partId }),
};

export const printLinks = {
  historyCard: (assetId: string) => `/api/assets/${enc(assetId)}/print/history-card`,
  outOfWarrantyParts: (ticketId: string) => `/api/tickets/${enc(ticketId)}/print/out-of-warranty-parts`,
};
