import type { Channel, SlaClock, Ticket, TicketEvent } from './ticket-types';

// Complaints (客户投诉) and improvement suggestions (产品改进建议) as the API returns them.

export const COMPLAINT_STATUSES = [
  'received',
  'investigating',
  'action',
  'feedback_sent',
  'rechecked',
  'closed',
  'cancelled',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const OPEN_COMPLAINT_STATUSES: ComplaintStatus[] = [
  'received',
  'investigating',
  'action',
  'feedback_sent',
  'rechecked',
];
/** The workflow as the Steps bar shows it (cancel is off the path). */
export const COMPLAINT_PATH: ComplaintStatus[] = [
  'received',
  'investigating',
  'action',
  'feedback_sent',
  'rechecked',
  'closed',
];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CAUSE_CLASSES = [
  'product',
  'service',
  'parts',
  'delivery',
  'attitude',
  'price',
  'other',
] as const;
export type CauseClass = (typeof CAUSE_CLASSES)[number];
export type CompensationStatus = 'none' | 'claimed' | 'approved' | 'rejected';
export type ComplaintStep = 'route' | 'action' | 'feedback' | 'recheck' | 'close' | 'cancel';

export const SUGGESTION_STATUSES = ['open', 'in_progress', 'done', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_TARGETS = ['rd', 'quality', 'service', 'parts'] as const;
export type SuggestionTarget = (typeof SUGGESTION_TARGETS)[number];

export interface ComplaintSummary {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  dealerId: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  channel: Channel | string;
  severity: Severity | string;
  subject: string;
  status: ComplaintStatus;
  causeClass: CauseClass | string | null;
  departmentId: string | null;
  departmentName: string | null;
  receivedAt: string;
  feedbackDueAt: string | null;
  feedbackAt: string | null;
  overdue: boolean;
  feedbackOnTime: boolean | null;
  compensationStatus: CompensationStatus | string;
  compensationFen: number | null;
  closedAt: string | null;
  version: number;
}

export interface Suggestion {
  id: string;
  complaintId: string | null;
  complaintNumber: string | null;
  source: string;
  title: string;
  description: string | null;
  target: SuggestionTarget | string;
  ownerUserId: string | null;
  ownerName: string | null;
  dueAt: string | null;
  status: SuggestionStatus | string;
  resolution: string | null;
  doneAt: string | null;
  overdue: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Complaint extends ComplaintSummary {
  description: string;
  aboutTicketId: string | null;
  aboutWorkOrderId: string | null;
  assetId: string | null;
  serialNo: string | null;
  receivedByName: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  actionOwnerUserId: string | null;
  actionOwnerName: string | null;
  actionDueAt: string | null;
  feedbackText: string | null;
  recheckAt: string | null;
  recheckResult: string | null;
  createdAt: string;
  updatedAt: string;
  sla: SlaClock[];
  slaMatch: Ticket['slaMatch'];
  events: TicketEvent[];
  suggestions: Suggestion[];
  nextSteps: { step: ComplaintStep; to: ComplaintStatus; requires: string[] }[];
}

export interface ComplaintCreate {
  customerId: string;
  channel: Channel;
  severity: Severity;
  subject: string;
  description: string;
  assetId?: string | null;
  aboutTicketId?: string | null;
  aboutWorkOrderId?: string | null;
  receivedAt?: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface ComplaintListParams {
  status?: string;
  severity?: string;
  causeClass?: string;
  overdue?: boolean;
  dealerId?: string;
  customerId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface SuggestionListParams {
  status?: string;
  target?: string;
  overdue?: boolean;
  complaintId?: string;
  limit?: number;
  offset?: number;
}

export interface ActionOwner {
  id: string;
  username: string;
  displayName: string;
  roleCode: string;
  departmentId: string | null;
}

export interface CauseRow {
  causeClass: string;
  count: number;
  share: number;
  cumulativeShare: number;
}
