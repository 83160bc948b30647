import type { Db } from '../../db/client.ts';
import type { JobHandlers } from '../../jobs/jobs.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppModule } from '../../platform/module.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { publicSurveys } from './public-survey.ts';
import { surveySender } from './survey-send.ts';
import { surveysRoutes } from './surveys-routes.ts';
import { surveysService } from './surveys-service.ts';
import { createComplaintVisit, createServiceVisit } from './visit-create.ts';
import { visitsRoutes } from './visits-routes.ts';
import { visitsService } from './visits-service.ts';

// 回访与满意度调查 (SPEC §2.12): return visits, surveys and the public answer page, with the handlers
// of their jobs (survey-send quarterly, survey-remind daily; schedules in src/jobs/workers.ts).

export type { VisitRow } from './visits-dal.ts';

// In-transaction steps, stateless: the same for every caller.
const api = { createServiceVisit, createComplaintVisit };

/**
 * What other modules may do with follow-ups: open the return visit a closed ticket or a resolved
 * complaint owes, inside the transaction of that event (idempotent; never by hand).
 */
export type FollowupsApi = typeof api;

// Stateless steps, also imported directly by tests that open a visit without a ticket or complaint.
export { createComplaintVisit, createServiceVisit };

/** 回访与满意度调查: return visits, surveys and the public survey page. */
export const buildFollowupsModule = (deps: {
  db: Db;
  notifications: NotificationsApi;
  clock: Clock;
  publicUrl: string;
}): AppModule<FollowupsApi> => {
  const visits = visitsService(deps);
  const surveys = surveysService(deps);
  const sender = surveySender(deps);
  const jobCtx = { actor: null, requestId: 'job', ip: null, clock: deps.clock };
  const handlers: JobHandlers = {
    'survey-send': (p) => sender.sendAll(jobCtx, p.period),
    'survey-remind': () => sender.remind(jobCtx),
  };
  return {
    name: 'followups',
    routes: (app) => {
      visitsRoutes(app, { visits });
      surveysRoutes(app, { surveys, sender, publicSurveys: publicSurveys(deps) });
    },
    handlers,
    api,
  };
};
