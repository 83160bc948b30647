import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { JobHandlers } from '../../jobs/jobs.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { publicSurveys } from './public-survey.ts';
import { surveySender } from './survey-send.ts';
import { surveysRoutes } from './surveys-routes.ts';
import { surveysService } from './surveys-service.ts';
import { visitsRoutes } from './visits-routes.ts';
import { visitsService } from './visits-service.ts';

// 回访与满意度调查 (SPEC §2.12): return visits, surveys and the public answer page, with the handlers
// of their jobs (survey-send quarterly, survey-remind daily; schedules in src/jobs/workers.ts).
// Visits are created by other modules through visit-create.ts (createServiceVisit, createComplaintVisit).

export const buildFollowupServices = (deps: {
  db: Db;
  notifications: NotificationsApi;
  clock: Clock;
  publicUrl: string;
}) => {
  const visits = visitsService(deps);
  const surveys = surveysService(deps);
  const sender = surveySender(deps);
  const jobCtx = { actor: null, requestId: 'job', ip: null, clock: deps.clock };
  const handlers: JobHandlers = {
    'survey-send': (p) => sender.sendAll(jobCtx, p.period),
    'survey-remind': () => sender.remind(jobCtx),
  };
  return { visits, surveys, sender, publicSurveys: publicSurveys(deps), handlers };
};

export type FollowupServices = ReturnType<typeof buildFollowupServices>;

export const followupRoutes = (app: FastifyInstance, s: FollowupServices) => {
  visitsRoutes(app, s);
  surveysRoutes(app, s);
};
