// Customer archive access (GK-03): the full archive, query requests and their sign-off, the access
// log, and the half-yearly review — as the server sends them.
import type { Asset, Customer } from './catalog-types';
import { api } from './client';
import type { ReviewChange } from './opaque-types';
import type { BodyOf, Item, QueryOf, ResponseOf, WithItems } from './schema';

type ArchiveJson = ResponseOf<'/api/customers/{id}/archive'>;
/** The customer and assets carry the same snapshot fields as their own routes (see catalog-types). */
export type CustomerArchive = Omit<ArchiveJson, 'customer' | 'assets'> & {
  customer: Customer;
  assets: Asset[];
};
export type AccessBasis = ArchiveJson['access']['basis'];

export type ArchiveRequestList = ResponseOf<'/api/archive-access-requests'>;
/** 查询客户档案申请单: both heads must approve; one rejection ends it. */
export type ArchiveRequest = Item<ArchiveRequestList['items']>;
export type DecideBody = BodyOf<'/api/archive-access-requests/{id}/decide'>;
export type DecisionValue = DecideBody['decision'];
export type RequestDecision = Item<ArchiveRequest['decisions']>;

export type AccessLogPage = ResponseOf<'/api/archive-access-log'>;
export type AccessLogEntry = Item<AccessLogPage['items']>;
export type AccessLogParams = QueryOf<'/api/archive-access-log'>;

type ReviewListJson = ResponseOf<'/api/customer-reviews'>;
export type CustomerReview = Omit<Item<ReviewListJson['items']>, 'changes'> & { changes: ReviewChange[] };
export type ReviewList = WithItems<ReviewListJson, CustomerReview>;
export type { ReviewChange };

const enc = encodeURIComponent;

export const archiveApi = {
  /** Every successful call is written to the access log, so it runs only when the user asks. */
  view: (customerId: string) => api.get<CustomerArchive>(`/api/customers/${enc(customerId)}/archive`),
  request: (body: BodyOf<'/api/archive-access-requests'>) =>
    api.post<ArchiveRequest>('/api/archive-access-requests', body),
  requests: (q: QueryOf<'/api/archive-access-requests'>) =>
    api.get<ArchiveRequestList>('/api/archive-access-requests', q),
  decide: (id: string, body: DecideBody) =>
    api.post<ArchiveRequest>(`/api/archive-access-requests/${enc(id)}/decide`, body),
  log: (q: AccessLogParams) => api.get<AccessLogPage>('/api/archive-access-log', { ...q }),
};

export const reviewsApi = {
  list: (mine: boolean) => api.get<ReviewList>('/api/customer-reviews', { mine: mine || undefined }),
  run: () => api.post<CustomerReview>('/api/customer-reviews'),
};
