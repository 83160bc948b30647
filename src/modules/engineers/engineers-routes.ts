import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import { CreateEngineerBody, Engineer, ListEngineersQuery, UpdateEngineerBody } from './engineers-schemas.ts';
import type { EngineersService } from './engineers-service.ts';

export const engineersRoutes = (fastify: FastifyInstance, { engineers }: { engineers: EngineersService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['engineers'];
  const read = { access: 'engineer.read' as const };
  const write = { access: 'engineer.write' as const };

  app.get(
    '/api/engineers',
    {
      config: read,
      schema: { tags, querystring: ListEngineersQuery, response: { 200: Page(Engineer), ...errorResponses } },
    },
    (req) => engineers.list(authed(req), req.query),
  );
  app.post(
    '/api/engineers',
    {
      config: write,
      schema: { tags, body: CreateEngineerBody, response: { 201: Engineer, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await engineers.create(authed(req), req.body)),
  );
  app.get(
    '/api/engineers/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Engineer, ...errorResponses } } },
    (req) => engineers.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/engineers/:id',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: UpdateEngineerBody,
        response: { 200: Engineer, ...errorResponses },
      },
    },
    (req) => engineers.update(authed(req), req.params.id, req.body),
  );
};
