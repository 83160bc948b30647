// Lifecycle of a service request (服务请求) [SPEC §2.4]: its statuses, which status may follow which
// through an explicit step, and which clocks a step ends. One place for what "open" means, used by the
// queues, the dashboards, the reports and the steps that other modules (work orders, complaints) take.

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

/** Statuses in which the request still needs the service side. */
export const OPEN_TICKET_STATUSES = ['new', 'arranged', 'in_progress', 'waiting_customer'] as const;
export type OpenTicketStatus = (typeof OPEN_TICKET_STATUSES)[number];

export const isOpenTicketStatus = (s: string): s is OpenTicketStatus =>
  (OPEN_TICKET_STATUSES as readonly string[]).includes(s);

/** Where an explicit transition step may go (pausing and resuming are their own steps). */
export const TRANSITION_TARGETS = ['arranged', 'in_progress', 'resolved', 'closed', 'cancelled'] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

const ALLOWED: Record<TicketStatus, readonly TransitionTarget[]> = {
  new: ['arranged', 'in_progress', 'resolved', 'cancelled'],
  arranged: ['in_progress', 'resolved', 'cancelled'],
  in_progress: ['resolved', 'cancelled'],
  waiting_customer: ['resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

export const canTransition = (from: TicketStatus, to: TransitionTarget): boolean =>
  ALLOWED[from].includes(to);

/** Waiting for the customer is possible only while the request is being worked on. */
export const canPause = (s: string): boolean => s === 'new' || s === 'arranged' || s === 'in_progress';

/**
 * Statuses a work order or a complaint moves its ticket into as a side effect of its own step, and
 * from where: dispatching arranges a new request, the check-in on site (or handing a complaint to a
 * department) starts the work. Anything else is left alone (a paused ticket keeps its pause).
 */
const FOLLOWS: Record<'arranged' | 'in_progress', readonly TicketStatus[]> = {
  arranged: ['new'],
  in_progress: ['new', 'arranged'],
};
export const followsFrom = (to: 'arranged' | 'in_progress', from: string): boolean =>
  (FOLLOWS[to] as readonly string[]).includes(from);

/** The clocks a step ends: arranged ends "arrange", work starting ends "onsite" too, the end all. */
export const clocksStoppedBy = (to: TransitionTarget): readonly string[] | 'all' =>
  to === 'arranged' ? ['arrange'] : to === 'in_progress' ? ['arrange', 'onsite'] : 'all';
