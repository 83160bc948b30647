import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import type { FollowupsApi } from '../followups/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { type ComplaintServices, complaintServices } from './complaint-services.ts';
import { complaintsRoutes } from './complaints-routes.ts';
import type { ComplaintTickets } from './complaints-service.ts';

export type { ComplaintServices } from './complaint-services.ts';

/** Nothing yet: no other module calls complaints. */
export type ComplaintsApi = Record<string, never>;

/** 客户投诉 and 产品改进建议: complaints with their own ticket, and improvement suggestions. */
export const buildComplaintsModule = (deps: {
  db: Db;
  notifications: NotificationsApi;
  /** The complaint's own ticket: registered, read and moved with each step, in its transaction. */
  tickets: ComplaintTickets;
  /** The second return visit once the customer has the feedback. */
  followups: Pick<FollowupsApi, 'createComplaintVisit'>;
}): AppModule<ComplaintsApi> & { services: ComplaintServices } => {
  const services = complaintServices(deps);
  return { name: 'complaints', routes: (app) => complaintsRoutes(app, services), api: {}, services };
};
