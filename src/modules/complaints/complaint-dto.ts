import {
  type ComplaintStatus,
  isFeedbackOverdue,
  nextSteps,
} from '../../domain/complaints/complaint-status.ts';
import { isSuggestionOverdue, type SuggestionStatus } from '../../domain/complaints/improvement.ts';
import { iso } from '../../platform/schemas.ts';
import type { TicketDto } from '../tickets/index.ts';
import type { ComplaintWithNames } from './complaints-dal.ts';
import type { SuggestionWithNames } from './improvement-dal.ts';

// Complaints and suggestions as the API shows them. Customers see where their complaint stands, the
// cause found, the corrective action and the feedback; not who inside owns it or what R&D is asked.

type Clock = { metric: string; status: string };

/** Met or breached from the feedback clock when there is one, else from the stored due time. */
const onTime = (c: ComplaintWithNames['complaint'], clocks?: Clock[]): boolean | null => {
  if (!c.feedbackAt) return null;
  const resolve = clocks?.find((k) => k.metric === 'resolve');
  if (resolve && (resolve.status === 'met' || resolve.status === 'breached')) return resolve.status === 'met';
  return c.feedbackDueAt ? c.feedbackAt.getTime() <= c.feedbackDueAt.getTime() : null;
};

export const summaryDto = (r: ComplaintWithNames, now: Date, clocks?: Clock[]) => {
  const c = r.complaint;
  return {
    id: c.id,
    number: c.number,
    customerId: c.customerId,
    customerName: r.customerName,
    dealerId: c.dealerId,
    ticketId: c.ticketId,
    ticketNumber: r.ticketNumber,
    channel: c.channel,
    severity: c.severity,
    subject: c.subject,
    status: c.status as ComplaintStatus,
    causeClass: c.causeClass,
    departmentId: c.departmentId,
    departmentName: r.departmentName,
    receivedAt: c.receivedAt.toISOString(),
    feedbackDueAt: iso(c.feedbackDueAt),
    feedbackAt: iso(c.feedbackAt),
    overdue: isFeedbackOverdue({ status: c.status as ComplaintStatus, feedbackDueAt: c.feedbackDueAt }, now),
    feedbackOnTime: onTime(c, clocks),
    compensationStatus: c.compensationStatus,
    compensationFen: c.compensationFen,
    closedAt: iso(c.closedAt),
    version: c.version,
  };
};

export const suggestionDto = (r: SuggestionWithNames, now: Date) => {
  const s = r.suggestion;
  return {
    id: s.id,
    complaintId: s.complaintId,
    complaintNumber: r.complaintNumber,
    source: s.source,
    title: s.title,
    description: s.description,
    target: s.target,
    ownerUserId: s.ownerUserId,
    ownerName: r.ownerName,
    dueAt: iso(s.dueAt),
    status: s.status,
    resolution: s.resolution,
    doneAt: iso(s.doneAt),
    overdue: isSuggestionOverdue({ status: s.status as SuggestionStatus, dueAt: s.dueAt }, now),
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
};

export const detailDto = (o: {
  row: ComplaintWithNames;
  now: Date;
  customerView: boolean;
  ticket: TicketDto | null;
  suggestions: SuggestionWithNames[];
}) => {
  const c = o.row.complaint;
  const hide = <T>(v: T): T | null => (o.customerView ? null : v);
  return {
    ...summaryDto(o.row, o.now, o.ticket?.sla),
    description: c.description,
    aboutTicketId: c.aboutTicketId,
    aboutWorkOrderId: c.aboutWorkOrderId,
    assetId: c.assetId,
    serialNo: o.row.serialNo,
    receivedByName: hide(o.row.receivedByName),
    rootCause: c.rootCause,
    correctiveAction: c.correctiveAction,
    actionOwnerUserId: hide(c.actionOwnerUserId),
    actionOwnerName: hide(o.row.actionOwnerName),
    actionDueAt: iso(c.actionDueAt),
    feedbackText: c.feedbackText,
    recheckAt: iso(c.recheckAt),
    recheckResult: c.recheckResult,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    sla: o.ticket?.sla ?? [],
    slaMatch: o.ticket?.slaMatch ?? null,
    events: o.ticket?.events ?? [],
    suggestions: o.customerView ? [] : o.suggestions.map((s) => suggestionDto(s, o.now)),
    nextSteps: o.customerView ? [] : nextSteps(c.status as ComplaintStatus),
  };
};
