import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, Nullable, Timestamp, Uuid } from '../../platform/schemas.ts';
import type { ReviewsService } from './reviews-service.ts';

const Review = Type.Object({
  id: Uuid,
  period: Type.String(),
  trigger: Type.String(),
  startedBy: Nullable(Uuid),
  changes: Type.Array(Type.Any()),
  ranAt: Timestamp,
});

export const reviewsRoutes = (fastify: FastifyInstance, { reviews }: { reviews: ReviewsService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['customer archive'];
  app.get(
    '/api/customer-reviews',
    {
      config: { access: 'customer.read' },
      schema: {
        tags,
        querystring: Type.Object({ mine: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Review) }), ...errorResponses },
      },
    },
    (req) => reviews.list(authed(req), req.query),
  );
  app.post(
    '/api/customer-reviews',
    { config: { access: 'customer.write' }, schema: { tags, response: { 201: Review, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await reviews.runManual(authed(req))),
  );
};
