import type { Db } from '../../db/client.ts';
import type { FollowupsApi } from '../followups/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { complaintCompensation } from './complaint-compensation.ts';
import { createComplaint } from './complaint-create.ts';
import { complaintSteps } from './complaint-steps.ts';
import { type ComplaintTickets, complaintsService } from './complaints-service.ts';
import { improvementService } from './improvement-service.ts';

/** Complaints (客户投诉) and improvement suggestions (产品改进建议), built once for the routes. */
export const complaintServices = (deps: {
  db: Db;
  notifications: NotificationsApi;
  tickets: ComplaintTickets;
  followups: Pick<FollowupsApi, 'createComplaintVisit'>;
}) => {
  const complaints = complaintsService(deps);
  return {
    complaints,
    create: createComplaint({ ...deps, complaints }),
    steps: {
      ...complaintSteps({ complaints, followups: deps.followups }),
      ...complaintCompensation({ complaints }),
    },
    improvements: improvementService(deps),
  };
};

export type ComplaintServices = ReturnType<typeof complaintServices>;
