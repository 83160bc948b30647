import type { Executor } from '../../db/client.ts';
import { visitDueAt } from '../../domain/followup/visit-questions.ts';
import { type RequestContext, writeAudit } from '../../platform/audit.ts';
import * as dal from './visits-dal.ts';

// How return visits come to exist: never by hand, always in the transaction of the event that owes
// one — a ticket closing (kind service) or a complaint being resolved (kind complaint, the 二次回访
// of seed 004). The partial unique indexes (ticket + kind without a complaint; complaint) make both
// idempotent: a second call for the same ticket or complaint inserts nothing and returns null.
// The new visit has no assignee: it waits in the queue of the quality department and the desk.

type Common = {
  customerId: string;
  dealerId?: string | null;
  assetId?: string | null;
  /** When the service ended; the visit is due three days later. Defaults to ctx's clock (else now). */
  at?: Date;
  /** For the audit row (who closed the ticket / resolved the complaint); no audit row without it. */
  ctx?: RequestContext;
};

const insert = async (
  tx: Executor,
  row: Common & { kind: 'service' | 'complaint'; ticketId: string | null; complaintId: string | null },
  engineerId: string | null,
) => {
  const now = row.ctx?.clock.now() ?? new Date();
  const visit = await dal.insertVisit(tx, {
    kind: row.kind,
    ticketId: row.ticketId,
    complaintId: row.complaintId,
    customerId: row.customerId,
    dealerId: row.dealerId ?? null,
    assetId: row.assetId ?? null,
    engineerId,
    dueAt: visitDueAt(row.at ?? now),
    createdAt: now,
    updatedAt: now,
  });
  if (visit && row.ctx)
    await writeAudit(tx, row.ctx, {
      action: 'create',
      entity: 'follow_up_visit',
      entityId: visit.id,
      after: visit,
    });
  return visit;
};

/**
 * The return visit after a closed ticket. Call it inside the transaction that closes the ticket.
 * Complaint tickets get their visit from the complaint instead (createComplaintVisit), so they are
 * skipped here. The engineer asked about is the lead engineer of the ticket's latest work order.
 */
export const createServiceVisit = async (
  tx: Executor,
  input: Common & { ticketId: string; ticketType?: string },
): Promise<dal.VisitRow | null> => {
  if (input.ticketType === 'complaint') return null;
  const engineerId = await dal.engineerOfTicket(tx, input.ticketId);
  return insert(tx, { ...input, kind: 'service', complaintId: null }, engineerId);
};

/**
 * The second visit after a complaint is resolved (对于客户投诉要在为客户解决问题之后进行二次回访).
 * Call it inside the transaction that resolves the complaint; a second call returns null. `ticketId`
 * is the service the complaint was about, if any: its lead engineer is the one asked about unless
 * `engineerId` names one.
 */
export const createComplaintVisit = async (
  tx: Executor,
  input: Common & {
    complaintId: string;
    ticketId?: string | null;
    engineerId?: string | null;
  },
): Promise<dal.VisitRow | null> => {
  const engineerId =
    input.engineerId ?? (input.ticketId ? await dal.engineerOfTicket(tx, input.ticketId) : null);
  return insert(tx, { ...input, kind: 'complaint', ticketId: input.ticketId ?? null }, engineerId);
};
