import type { Executor } from '../../db/client.ts';
import type { RequestContext } from '../../platform/audit.ts';
import type { FollowupsApi } from '../followups/index.ts';
import type { ComplaintRow } from './complaints-dal.ts';

// 二次回访 [seed 004 售后服务部 11]: once the customer has the feedback, a second return visit is owed.
// The follow-up module owns visits; its entry point is idempotent per complaint, so a second
// feedback (after a failed re-check) adds nothing.

export const openComplaintVisit = async (
  followups: Pick<FollowupsApi, 'createComplaintVisit'>,
  tx: Executor,
  ctx: RequestContext,
  c: ComplaintRow,
  at: Date,
) => {
  await followups.createComplaintVisit(tx, {
    complaintId: c.id,
    customerId: c.customerId,
    dealerId: c.dealerId,
    assetId: c.assetId,
    // The service the complaint is about names the engineer the visit asks about; without one, the
    // complaint's own ticket.
    ticketId: c.aboutTicketId ?? c.ticketId,
    at,
    ctx,
  });
};
