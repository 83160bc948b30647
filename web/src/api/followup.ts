import { api, request } from './client';
import { downloadXlsx } from './excel';
import type {
  CompleteVisitBody,
  InvitationParams,
  Invitations,
  InviteResult,
  PublicSurvey,
  ResultDimension,
  SendResult,
  Survey,
  SurveyAnswerBody,
  SurveyAnswerResult,
  SurveyListParams,
  SurveyPage,
  SurveyResults,
  Visit,
  VisitListParams,
  VisitPage,
} from './followup-types';

type Body = Record<string, unknown>;
const at = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;
const V = '/api/follow-up-visits';
const S = '/api/surveys';

export const visitsApi = {
  list: (params: VisitListParams) => api.get<VisitPage>(V, { ...params }),
  get: (id: string) => api.get<Visit>(at(V, id)),
  assign: (id: string, version: number, userId: string | null) =>
    api.post<Visit>(at(V, id, '/assign'), { version, userId }),
  complete: (id: string, body: CompleteVisitBody) => api.post<Visit>(at(V, id, '/complete'), body),
  unreachable: (id: string, version: number, note: string) =>
    api.post<Visit>(at(V, id, '/unreachable'), { version, note }),
  followUpDone: (id: string, version: number, note: string) =>
    api.post<Visit>(at(V, id, '/follow-up-done'), { version, note }),
};

export const surveysApi = {
  list: (params: SurveyListParams) => api.get<SurveyPage>(S, { ...params }),
  get: (id: string) => api.get<Survey>(at(S, id)),
  create: (body: Body) => api.post<Survey>(S, body),
  update: (id: string, body: Body & { version: number }) => api.patch<Survey>(at(S, id), body),
  send: (id: string, period?: string) => api.post<SendResult>(at(S, id, '/send'), period ? { period } : {}),
  invite: (id: string, customerId: string, period?: string) =>
    api.post<InviteResult>(at(S, id, '/invite'), period ? { customerId, period } : { customerId }),
  results: (id: string, by: ResultDimension, period?: string) =>
    api.get<SurveyResults>(at(S, id, '/results'), { by, period }),
  exportResults: (id: string, by: ResultDimension, period?: string) =>
    downloadXlsx(at(S, id, '/results/export'), `survey-results-${by}.xlsx`, { by, period }),
  invitations: (id: string, params: InvitationParams) =>
    api.get<Invitations>(at(S, id, '/invitations'), { ...params }),
};

/** The customer's answer page: no session, so a 401 must never bounce it to the login page. */
export const publicSurveyApi = {
  get: (token: string) =>
    request<PublicSurvey>('GET', at('/api/public/surveys', token), { skipAuthRedirect: true }),
  answer: (token: string, answers: SurveyAnswerBody['answers']) =>
    request<SurveyAnswerResult>('POST', at('/api/public/surveys', token), {
      body: { answers },
      skipAuthRedirect: true,
    }),
};
