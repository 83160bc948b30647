import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schemas.ts';
import type { DashboardService } from './dashboard-service.ts';
import { figureWorkbook } from './figure-export.ts';
import {
  Dashboard,
  DashboardQuery,
  DrillPage,
  FigureParams,
  RecordsQuery,
  RefreshResult,
} from './reports-schemas.ts';
import type { ReportsService } from './reports-service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const dashboardRoutes = (
  fastify: FastifyInstance,
  { dashboard, reports }: { dashboard: DashboardService; reports: ReportsService },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dashboard'];
  const config = { access: 'report.read' as const };
  const run = { access: 'report.run' as const };

  app.get(
    '/api/dashboard',
    {
      config,
      schema: {
        tags,
        description:
          'Every figure for the period (local dates, default the last six months) from one snapshot. Dealer users always get their own dealer.',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...errorResponses },
      },
    },
    (req) => dashboard.get(authed(req), req.query),
  );
  app.get(
    '/api/dashboard/:figure/export',
    {
      config,
      schema: {
        tags,
        description: "The figure's table as .xlsx.",
        params: FigureParams,
        querystring: DashboardQuery,
      },
    },
    async (req, reply) => {
      const rows = await dashboard.figure(authed(req), req.params.figure, req.query);
      const f = dashboard.filter(authed(req), req.query);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="dashboard-${req.params.figure}-${f.from}-${f.to}.xlsx"`,
        )
        .send(await figureWorkbook(req.params.figure, rows));
    },
  );
  app.get(
    '/api/dashboard/:figure/records',
    {
      config,
      schema: {
        tags,
        description: "The records behind one row of a figure; `key` is the row's key.",
        params: FigureParams,
        querystring: RecordsQuery,
        response: { 200: DrillPage, ...errorResponses },
      },
    },
    (req) => dashboard.records(authed(req), req.params.figure, req.query),
  );
  app.post(
    '/api/dashboard/refresh',
    {
      config: run,
      schema: {
        tags,
        description:
          'Recomputes the summary tables for today and yesterday now (the job does it every 5 minutes).',
        response: { 200: RefreshResult, ...errorResponses },
      },
    },
    (req) => reports.refreshNow(authed(req)),
  );
};
