import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import {
  KindParams,
  ReportRun,
  ReportRunSummary,
  RunBody,
  RunsQuery,
  Subscriptions,
  SubscriptionsBody,
} from './reports-schemas.ts';
import type { ReportsService } from './reports-service.ts';

// Stored scheduled reports (每日问题客户清单, 每周满意度报告, 月度报告), running one now, and the caller's
// own e-mail subscriptions. Company-wide data: all-scope staff with report.read only.
export const reportsRoutes = (fastify: FastifyInstance, { reports }: { reports: ReportsService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reports'];
  const config = { access: 'report.read' as const };

  app.post(
    '/api/reports/:kind/run',
    {
      config: { access: 'report.run' },
      schema: {
        tags,
        description:
          'Computes the report for `period` (2026-11-23, 2026-W48 or 2026-11; default the period that just ended) now and stores it.',
        params: KindParams,
        body: Type.Optional(RunBody),
        response: { 201: ReportRun, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await reports.runNow(authed(req), req.params.kind, req.body ?? {})),
  );
  app.get(
    '/api/reports',
    {
      config,
      schema: {
        tags,
        querystring: RunsQuery,
        response: { 200: Type.Object({ items: Type.Array(ReportRunSummary) }), ...errorResponses },
      },
    },
    (req) => reports.list(authed(req), req.query),
  );
  app.get(
    '/api/reports/:id',
    { config, schema: { tags, params: IdParams, response: { 200: ReportRun, ...errorResponses } } },
    (req) => reports.get(authed(req), req.params.id),
  );
  app.get(
    '/api/report-subscriptions',
    { config, schema: { tags, response: { 200: Subscriptions, ...errorResponses } } },
    (req) => reports.subscriptions(authed(req)),
  );
  app.put(
    '/api/report-subscriptions',
    {
      config,
      schema: { tags, body: SubscriptionsBody, response: { 200: Subscriptions, ...errorResponses } },
    },
    (req) => reports.setSubscriptions(authed(req), req.body.kinds),
  );
};
