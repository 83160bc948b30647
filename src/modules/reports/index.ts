import type { Db } from '../../db/client.ts';
import type { JobHandlers } from '../../jobs/jobs.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppModule } from '../../platform/module.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { dashboardService } from './dashboard-service.ts';
import { reportsRoutes } from './reports-routes.ts';
import { reportsService } from './reports-service.ts';
import { statsService } from './stats-service.ts';

/** Nothing yet: no other module calls reports. */
export type ReportsApi = Record<string, never>;

/** 看板与报表: dashboards, the summary-table refresh and the scheduled reports, with their jobs' handlers. */
export const buildReportsModule = (deps: {
  db: Db;
  clock: Clock;
  notifications: NotificationsApi;
}): AppModule<ReportsApi> => {
  const dashboard = dashboardService(deps);
  const stats = statsService(deps);
  const reports = reportsService({ ...deps, dashboard, stats });
  const handlers: JobHandlers = {
    'stats-refresh': (p) => stats.refresh(p),
    'report-daily': (p) => reports.runScheduled('daily_problems', p.period),
    'report-weekly': (p) => reports.runScheduled('weekly_satisfaction', p.period),
    'report-monthly': (p) => reports.runScheduled('monthly', p.period),
  };
  return {
    name: 'reports',
    routes: (app) => {
      dashboardRoutes(app, { dashboard, reports });
      reportsRoutes(app, { reports });
    },
    handlers,
    api: {},
  };
};
