import type { TicketStatus } from '../../domain/tickets/ticket-status.ts';
import { iso } from '../../platform/schemas.ts';
import { clockDto } from './ticket-sla.ts';
import type * as dal from './tickets-dal.ts';

type ClockLike = Parameters<typeof clockDto>[0];

export const ticketSummaryDto = (row: dal.TicketWithNames, clocks: ClockLike[], now: Date) => {
  const t = row.ticket;
  return {
    id: t.id,
    number: t.number,
    customerId: t.customerId,
    customerName: row.customerName,
    assetId: t.assetId,
    serialNo: row.serialNo ?? null,
    dealerId: t.dealerId,
    channel: t.channel,
    type: t.type,
    urgent: t.urgent,
    customerGrade: t.customerGrade,
    // The column is text; every write goes through the state machine's statuses.
    status: t.status as TicketStatus,
    title: t.title,
    description: t.description,
    request: t.request,
    contactName: t.contactName,
    contactPhone: t.contactPhone,
    address: t.address,
    reportedAt: t.reportedAt.toISOString(),
    occurredAt: iso(t.occurredAt),
    source: t.source,
    slaPolicyId: t.slaPolicyId,
    nextDueAt: iso(t.nextDueAt),
    slaState: t.slaState,
    assigneeUserId: t.assigneeUserId,
    assigneeName: row.assigneeName ?? null,
    assigneeDepartmentId: t.assigneeDepartmentId,
    assigneeDepartmentName: row.assigneeDepartmentName ?? null,
    assigneeDealerId: t.assigneeDealerId,
    assigneeDealerName: row.assigneeDealerName ?? null,
    escalationLevel: t.escalationLevel,
    resolution: t.resolution,
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    sla: clocks.map((c) => clockDto(c, now)),
  };
};

export const eventDto = (e: Omit<dal.EventRow, 'seq'>) => ({
  id: e.id,
  at: e.at.toISOString(),
  kind: e.kind,
  visibility: e.visibility,
  actorName: e.actorName,
  body: e.body,
  data: e.data ?? null,
});

export const attachmentDto = (a: dal.AttachmentRow) => ({
  id: a.id,
  fileName: a.fileName,
  mimeType: a.mimeType,
  kind: a.kind,
  sizeBytes: a.sizeBytes,
  visibility: a.visibility,
  createdAt: a.createdAt.toISOString(),
});

export type NewEvent = {
  kind: string;
  visibility?: 'internal' | 'customer';
  body?: string | null;
  data?: unknown;
};

/** Timeline rows for events of one ticket; without an actor they are the system's (jobs). */
export const eventRows = (opts: {
  actor: { userId: string; displayName: string } | null;
  ticketId: string;
  events: NewEvent[];
  at: Date;
}) =>
  opts.events.map((e) => ({
    id: crypto.randomUUID(),
    ticketId: opts.ticketId,
    at: opts.at,
    kind: e.kind,
    visibility: e.visibility ?? 'internal',
    actorId: opts.actor?.userId ?? null,
    actorName: opts.actor?.displayName ?? '系统',
    body: e.body ?? null,
    data: e.data ?? null,
  }));
