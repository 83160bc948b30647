// Service requests (工单), their SLA clocks, notifications — as the server sends them.
import type { Entitlement } from './catalog-types';

export const TICKET_STATUSES = [
  'new',
  'arranged',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'arranged', 'in_progress', 'waiting_customer'];

export const TICKET_TYPES = [
  'consultation',
  'repair',
  'installation',
  'training',
  'maintenance',
  'return',
  'complaint',
] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const CHANNELS = ['phone', 'email', 'web', 'letter', 'visit', 'im'] as const;
export type Channel = (typeof CHANNELS)[number];

export const METRICS = ['firstResponse', 'arrange', 'onsite', 'resolve'] as const;
export type Metric = (typeof METRICS)[number];

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** Why a clock or a policy match stands where it does; messageEn for English readers. */
export interface Reason {
  code: string;
  message: string;
  messageEn?: string;
  clause?: string | null;
}

export interface SlaClock {
  metric: Metric | string;
  dueAt: string | null;
  status: ClockStatus | string;
  targetMinutes: number;
  startedAt: string;
  stoppedAt: string | null;
  breachedAt: string | null;
  pausedMinutes: number;
  /** Business minutes; null on list rows (only the detail computes them live). */
  elapsedMinutes: number | null;
  remainingMinutes: number | null;
  nextEscalationAt: string | null;
  firedSteps: number[];
  clause: string | null;
  reasons: Reason[];
}

/** none: no policy applies; done: every clock stopped. */
export type SlaState = 'none' | 'running' | 'paused' | 'done';

export interface TicketSummary {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  assetId: string | null;
  serialNo: string | null;
  dealerId: string | null;
  channel: Channel;
  type: TicketType;
  urgent: boolean;
  customerGrade: string | null;
  status: TicketStatus;
  title: string | null;
  description: string;
  request: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  reportedAt: string;
  occurredAt: string | null;
  /** staff | portal | qr */
  source: string;
  slaPolicyId: string | null;
  nextDueAt: string | null;
  slaState: SlaState | string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  assigneeDepartmentId: string | null;
  assigneeDepartmentName: string | null;
  assigneeDealerId: string | null;
  assigneeDealerName: string | null;
  escalationLevel: number;
  resolution: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  sla: SlaClock[];
}

export interface TicketEvent {
  id: string;
  at: string;
  kind: string;
  /** customer: shown in the portal; internal: staff only. */
  visibility: 'customer' | 'internal' | string;
  actorName: string | null;
  body: string | null;
  data: unknown;
}

export interface TicketAttachment {
  id: string;
  fileName: string;
  mimeType: string;
  /** image | video | document */
  kind: string;
  sizeBytes: number;
  visibility: string;
  createdAt: string;
}

/** The entitlement stored when the ticket was registered (查卷), with the instant it was decided. */
export type TicketEntitlement = Entitlement & { decidedAt?: string };

export interface Ticket extends TicketSummary {
  entitlement: TicketEntitlement | null;
  /** Which SLA policy governs the ticket and why; null for customers. */
  slaMatch: { policyId: string | null; policyName: string | null; reasons: Reason[] } | null;
  events: TicketEvent[];
  attachments: TicketAttachment[];
  pauses: { id: string; from: string; to: string | null; reason: string }[];
  escalations: {
    metric: string;
    stepIndex: number;
    percent: number;
    level: number;
    reachedAt: string;
    firedAt: string;
    reasons: unknown;
  }[];
}

export interface TicketListParams {
  /** Comma-separated lists for status, type and channel. */
  status?: string;
  type?: string;
  channel?: string;
  customerId?: string;
  assetId?: string;
  assigneeUserId?: string;
  mine?: boolean;
  unassigned?: boolean;
  overdue?: boolean;
  dueWithinMinutes?: number;
  /** Ticket number prefix. */
  q?: string;
  sort?: 'due' | 'created' | 'number';
  limit?: number;
  offset?: number;
}

export interface TicketPage {
  items: TicketSummary[];
  total: number;
  /** More than the server cares to count: show "10000+". */
  totalCapped: boolean;
}

export interface TicketCreate {
  customerId: string;
  assetId?: string | null;
  channel: Channel;
  type: TicketType;
  description: string;
  reportedAt?: string;
  occurredAt?: string | null;
  urgent?: boolean;
  title?: string;
  request?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  viaQr?: boolean;
}

/** One of the three is set; the others stay out of the body. */
export interface AssignTarget {
  userId?: string;
  departmentId?: string;
  dealerId?: string;
}

export type TransitionTo = 'arranged' | 'in_progress' | 'resolved' | 'closed' | 'cancelled';

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  ticketId: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
