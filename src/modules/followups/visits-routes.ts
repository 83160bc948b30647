import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import {
  AssignVisitBody,
  CompleteVisitBody,
  ListVisitsQuery,
  Visit,
  VisitNoteBody,
  VisitSummary,
} from './visits-schemas.ts';
import type { VisitsService } from './visits-service.ts';

export const visitsRoutes = (fastify: FastifyInstance, { visits }: { visits: VisitsService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['follow-up'];
  const read = { access: 'followup.read' as const };
  const write = { access: 'followup.write' as const };
  const one = { 200: Visit, ...errorResponses };

  app.get(
    '/api/follow-up-visits',
    {
      config: read,
      schema: {
        tags,
        querystring: ListVisitsQuery,
        response: { 200: Page(VisitSummary), ...errorResponses },
      },
    },
    (req) => visits.list(authed(req), req.query),
  );
  app.get(
    '/api/follow-up-visits/:id',
    { config: read, schema: { tags, params: IdParams, response: one } },
    (req) => visits.get(authed(req), req.params.id),
  );
  app.post(
    '/api/follow-up-visits/:id/assign',
    { config: write, schema: { tags, params: IdParams, body: AssignVisitBody, response: one } },
    (req) => visits.assign(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/follow-up-visits/:id/complete',
    { config: write, schema: { tags, params: IdParams, body: CompleteVisitBody, response: one } },
    (req) => visits.complete(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/follow-up-visits/:id/unreachable',
    { config: write, schema: { tags, params: IdParams, body: VisitNoteBody, response: one } },
    (req) => visits.unreachable(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/follow-up-visits/:id/follow-up-done',
    { config: write, schema: { tags, params: IdParams, body: VisitNoteBody, response: one } },
    (req) => visits.followUpDone(authed(req), req.params.id, req.body),
  );
};
