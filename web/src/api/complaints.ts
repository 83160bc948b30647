import { api } from './client';
import type {
  Complaint,
  ComplaintCreate,
  ComplaintListParams,
  ComplaintPage,
  ComplaintStep,
  Suggestion,
  SuggestionListParams,
  SuggestionPage,
} from './complaint-types';
import type { BodyOf, QueryOf, ResponseOf } from './schema';

const enc = encodeURIComponent;
const at = (id: string, tail = '') => `/api/complaints/${enc(id)}${tail}`;
type V = { version: number };

export const complaintsApi = {
  list: (params: ComplaintListParams, signal?: AbortSignal) =>
    api.get<ComplaintPage>('/api/complaints', { ...params }, signal),
  get: (id: string) => api.get<Complaint>(at(id)),
  create: (body: ComplaintCreate) => api.post<Complaint>('/api/complaints', body),
  /** One workflow step: route, action, feedback, recheck, close or cancel. */
  step: (id: string, step: ComplaintStep, body: V & Record<string, unknown>) =>
    api.post<Complaint>(at(id, `/${step}`), body),
  claim: (id: string, body: BodyOf<'/api/complaints/{id}/compensation'>) =>
    api.post<Complaint>(at(id, '/compensation'), body),
  decide: (id: string, body: BodyOf<'/api/complaints/{id}/compensation/decision'>) =>
    api.post<Complaint>(at(id, '/compensation/decision'), body),
  causes: (params: QueryOf<'/api/complaints/causes'>) =>
    api.get<ResponseOf<'/api/complaints/causes'>>('/api/complaints/causes', params),
  actionOwners: () => api.get<ResponseOf<'/api/complaints/action-owners'>>('/api/complaints/action-owners'),
  addSuggestion: (id: string, body: Record<string, unknown>) =>
    api.post<Suggestion>(at(id, '/suggestions'), body),
};

export const suggestionsApi = {
  list: (params: SuggestionListParams, signal?: AbortSignal) =>
    api.get<SuggestionPage>('/api/improvement-suggestions', { ...params }, signal),
  create: (body: Record<string, unknown>) => api.post<Suggestion>('/api/improvement-suggestions', body),
  update: (id: string, body: V & Record<string, unknown>) =>
    api.patch<Suggestion>(`/api/improvement-suggestions/${enc(id)}`, body),
};
