// Service requests (工单), their SLA clocks, notifications: named from the generated API types.
import type { Entitlement } from './catalog-types';
import type { EntitlementDecided, SlaMatch } from './opaque-types';
import { allOf, type BodyOf, type Item, type QueryOf, type ResponseOf } from './schema';

type Detail = ResponseOf<'/api/tickets/{id}'>;

export type TicketPage = ResponseOf<'/api/tickets'>;
export type TicketSummary = Item<TicketPage['items']>;
export type TicketStatus = TicketSummary['status'];
export type TicketCreate = BodyOf<'/api/tickets'>;
export type TicketType = TicketCreate['type'];
export type Channel = TicketCreate['channel'];
export type SlaClock = Item<TicketSummary['sla']>;
export type Metric = Item<BodyOf<'/api/sla-policies'>['targets']>['metric'];
/** Why a clock or a policy match stands where it does; messageEn for English readers. */
export type Reason = Item<SlaClock['reasons']> | Item<SlaMatch['reasons']>;
export type TicketEvent = Item<Detail['events']>;
export type TicketAttachment = Item<Detail['attachments']>;

export const TICKET_STATUSES = allOf<TicketStatus>()([
  'new',
  'arranged',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
  'cancelled',
]);
/** Statuses in which the request still needs the service side (a new status counts as open). */
export const OPEN_STATUSES = allOf<Exclude<TicketStatus, 'resolved' | 'closed' | 'cancelled'>>()([
  'new',
  'arranged',
  'in_progress',
  'waiting_customer',
]);
export const TICKET_TYPES = allOf<TicketType>()([
  'consultation',
  'repair',
  'installation',
  'training',
  'maintenance',
  'return',
  'complaint',
]);
export const CHANNELS = allOf<Channel>()(['phone', 'email', 'web', 'letter', 'visit', 'im']);
export const METRICS = allOf<Metric>()(['firstResponse', 'arrange', 'onsite', 'resolve']);

/** The entitlement stored when the ticket was registered (查卷), with the instant it was decided. */
export type TicketEntitlement = Entitlement & EntitlementDecided;
export type { SlaMatch };

export type Ticket = Omit<Detail, 'entitlement' | 'slaMatch'> & {
  entitlement: TicketEntitlement | null;
  /** Which SLA policy governs the ticket and why; null for customers. */
  slaMatch: SlaMatch | null;
};

export type TicketListParams = QueryOf<'/api/tickets'>;
export type TicketPatch = BodyOf<'/api/tickets/{id}', 'patch'>;
export type TransitionBody = BodyOf<'/api/tickets/{id}/transition'>;
export type TransitionTo = TransitionBody['to'];
export type AssignBody = BodyOf<'/api/tickets/{id}/assign'>;
/** One of the three is set; the others stay out of the body. */
export type AssignTarget = Pick<AssignBody, 'userId' | 'departmentId' | 'dealerId'>;
export type BulkResult = Item<ResponseOf<'/api/tickets/bulk-assign', 'post'>['results']>;
export type NotificationList = ResponseOf<'/api/notifications'>;
export type AppNotification = Item<NotificationList['items']>;
