import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import {
  errorResponses,
  IdParams,
  Nullable,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';
import { Asset } from '../assets/index.ts';
import { Customer } from '../customers/index.ts';
import type { ArchiveService } from './archive-service.ts';

const Request = Type.Object({
  id: Uuid,
  customerId: Uuid,
  applicantId: Uuid,
  reason: Type.String(),
  status: Type.String(),
  applicantHeadId: Nullable(Uuid),
  ownerHeadId: Nullable(Uuid),
  decisions: Type.Array(
    Type.Object({
      role: Type.String(),
      userId: Uuid,
      decision: Type.String(),
      note: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
  expiresAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const Archive = Type.Object({
  customer: Customer,
  assets: Type.Array(Asset),
  serviceRecords: Type.Array(Type.Any()),
  contracts: Type.Array(Type.Any()),
  access: Type.Object({ basis: Type.String(), requestId: Nullable(Uuid) }),
});
const LogEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  userId: Uuid,
  userName: Nullable(Type.String()),
  customerId: Uuid,
  what: Type.String(),
  basis: Type.String(),
  requestId: Nullable(Uuid),
  ip: Nullable(Type.String()),
});

export const archiveRoutes = (fastify: FastifyInstance, { archive }: { archive: ArchiveService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['customer archive'];
  const read = { access: 'customer.read' as const };

  app.get(
    '/api/customers/:id/archive',
    { config: read, schema: { tags, params: IdParams, response: { 200: Archive, ...errorResponses } } },
    (req) => archive.view(authed(req), req.params.id),
  );
  app.post(
    '/api/archive-access-requests',
    {
      config: read,
      schema: {
        tags,
        body: Type.Object({ customerId: Uuid, reason: Text(500, 2) }, { additionalProperties: false }),
        response: { 201: Request, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await archive.request(authed(req), req.body)),
  );
  app.get(
    '/api/archive-access-requests',
    {
      config: read,
      schema: {
        tags,
        querystring: Type.Object(
          { mine: Type.Optional(Type.Boolean()), toDecide: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Request) }), ...errorResponses },
      },
    },
    (req) => archive.list(authed(req), req.query),
  );
  app.post(
    '/api/archive-access-requests/:id/decide',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
            note: Type.Optional(Nullable(Text(500))),
          },
          { additionalProperties: false },
        ),
        response: { 200: Request, ...errorResponses },
      },
    },
    (req) => archive.decide(authed(req), req.params.id, req.body),
  );
  app.get(
    '/api/archive-access-log',
    {
      config: { access: 'archive.log.read' },
      schema: {
        tags,
        querystring: Type.Object(
          {
            customerId: Type.Optional(Uuid),
            userId: Type.Optional(Uuid),
            before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(LogEntry), nextCursor: Nullable(Type.String()) }),
          ...errorResponses,
        },
      },
    },
    (req) => archive.log(authed(req), req.query),
  );
};
