import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import { CreateSlaPolicyBody, SlaPolicy, UpdateSlaPolicyBody } from './sla-schemas.ts';
import type { SlaService } from './sla-service.ts';

export const slaRoutes = (fastify: FastifyInstance, { sla }: { sla: SlaService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['sla'];
  const read = { access: 'sla.read' as const };
  const write = { access: 'sla.write' as const };

  app.get(
    '/api/sla-policies',
    {
      config: read,
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(SlaPolicy) }), ...errorResponses } },
    },
    (req) => sla.list(authed(req)),
  );
  app.post(
    '/api/sla-policies',
    {
      config: write,
      schema: { tags, body: CreateSlaPolicyBody, response: { 201: SlaPolicy, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await sla.create(authed(req), req.body)),
  );
  app.get(
    '/api/sla-policies/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: SlaPolicy, ...errorResponses } } },
    (req) => sla.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/sla-policies/:id',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: UpdateSlaPolicyBody,
        response: { 200: SlaPolicy, ...errorResponses },
      },
    },
    (req) => sla.update(authed(req), req.params.id, req.body),
  );
};
