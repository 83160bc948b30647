import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { assertCan } from '../../platform/permissions.ts';
import { errorResponses, Nullable, Timestamp, Uuid } from '../../platform/schemas.ts';
import type { AuditQuery as AuditFilter, AuditRow } from './audit-dal.ts';

const AuditQuery = Type.Object(
  {
    entity: Type.Optional(Type.String({ maxLength: 60 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Uuid),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

const AuditEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Any(),
  after: Type.Any(),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});

// Read-only view of the audit log; writes happen only through writeAudit inside each module's transaction.
export const auditRoutes = (
  fastify: FastifyInstance,
  { listAudit }: { listAudit: (q: AuditFilter) => Promise<AuditRow[]> },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/audit-log',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: {
          200: Type.Object({ items: Type.Array(AuditEntry), nextCursor: Nullable(Type.String()) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      assertCan(authed(req).actor, 'audit.read');
      const { before, ...q } = req.query;
      const rows = await listAudit({ ...q, before: before ? Number(before) : undefined });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
        nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
      };
    },
  );
};
