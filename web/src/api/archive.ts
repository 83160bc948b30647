// Customer archive access (GK-03): the full archive, query requests and their sign-off, the access
// log, and the half-yearly review — as the server sends them.
import type { Asset, Customer } from './catalog-types';
import { api } from './client';

export const ACCESS_BASES = ['admin', 'owner', 'own_department', 'dealer', 'customer', 'request'] as const;
export type AccessBasis = (typeof ACCESS_BASES)[number];

export interface CustomerArchive {
  customer: Customer;
  assets: Asset[];
  serviceRecords: unknown[];
  contracts: unknown[];
  access: { basis: AccessBasis; requestId: string | null };
}

export type RequestStatus = 'pending' | 'approved' | 'rejected';
export type SignerRole = 'applicant_head' | 'owner_head';
export type DecisionValue = 'approve' | 'reject';

export interface RequestDecision {
  role: SignerRole;
  userId: string;
  decision: DecisionValue;
  note: string | null;
  at: string;
}

/** 查询客户档案申请单: both heads must approve; one rejection ends it. */
export interface ArchiveRequest {
  id: string;
  customerId: string;
  applicantId: string;
  reason: string;
  status: RequestStatus;
  /** Null when the department has no head: administrators sign instead. */
  applicantHeadId: string | null;
  ownerHeadId: string | null;
  decisions: RequestDecision[];
  expiresAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  userId: string;
  userName: string | null;
  customerId: string;
  what: string;
  basis: AccessBasis;
  requestId: string | null;
  ip: string | null;
}

export interface AccessLogParams {
  customerId?: string;
  userId?: string;
  limit: number;
  before?: string;
}

export interface ReviewChange {
  customerId: string;
  customerName: string;
  ownerUserId: string | null;
  change: 'promote' | 'archive';
  from: string;
  to: string;
  clause: string;
  message: string;
  messageEn: string;
}

export interface CustomerReview {
  id: string;
  period: string;
  trigger: 'scheduled' | 'manual';
  startedBy: string | null;
  changes: ReviewChange[];
  ranAt: string;
}

const enc = encodeURIComponent;

export const archiveApi = {
  /** Every successful call is written to the access log, so it runs only when the user asks. */
  view: (customerId: string) => api.get<CustomerArchive>(`/api/customers/${enc(customerId)}/archive`),
  request: (body: { customerId: string; reason: string }) =>
    api.post<ArchiveRequest>('/api/archive-access-requests', body),
  requests: (q: { mine?: boolean; toDecide?: boolean }) =>
    api.get<{ items: ArchiveRequest[] }>('/api/archive-access-requests', q),
  decide: (id: string, body: { version: number; decision: DecisionValue; note?: string | null }) =>
    api.post<ArchiveRequest>(`/api/archive-access-requests/${enc(id)}/decide`, body),
  log: (q: AccessLogParams) =>
    api.get<{ items: AccessLogEntry[]; nextCursor: string | null }>('/api/archive-access-log', { ...q }),
};

export const reviewsApi = {
  list: (mine: boolean) =>
    api.get<{ items: CustomerReview[] }>('/api/customer-reviews', { mine: mine || undefined }),
  run: () => api.post<CustomerReview>('/api/customer-reviews'),
};
