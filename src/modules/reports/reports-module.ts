import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { JobHandlers } from '../../jobs/jobs.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { dashboardService } from './dashboard-service.ts';
import { reportsRoutes } from './reports-routes.ts';
import { reportsService } from './reports-service.ts';
import { statsService } from './stats-service.ts';

/** Dashboards, the summary-table refresh and the scheduled reports, with the handlers of their jobs. */
export const buildReportServices = (deps: { db: Db; clock: Clock; notifications: NotificationsApi }) => {
  const dashboard = dashboardService(deps);
  const stats = statsService(deps);
  const reports = reportsService({ ...deps, dashboard, stats });
  const handlers: JobHandlers = {
    'stats-refresh': (p) => stats.refresh(p),
    'report-daily': (p) => reports.runScheduled('daily_problems', p.period),
    'report-weekly': (p) => reports.runScheduled('weekly_satisfaction', p.period),
    'report-monthly': (p) => reports.runScheduled('monthly', p.period),
  };
  return { dashboard, stats, reports, handlers };
};

export type ReportServices = ReturnType<typeof buildReportServices>;

export const reportRoutes = (app: FastifyInstance, s: ReportServices) => {
  dashboardRoutes(app, s);
  reportsRoutes(app, s);
};
