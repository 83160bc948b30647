import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import type { Actor } from '../../platform/permissions.ts';
import { errorResponses, IdParams, Nullable, Timestamp, Uuid } from '../../platform/schemas.ts';
import type { ImportKind } from './importers.ts';
import type { ImportsService } from './imports-service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Kind = Type.Object(
  { kind: Type.Union([Type.Literal('customers'), Type.Literal('models'), Type.Literal('assets')]) },
  { additionalProperties: false },
);
const Job = Type.Object({
  id: Uuid,
  kind: Type.String(),
  fileName: Nullable(Type.String()),
  status: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  imported: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
  message: Nullable(Type.String()),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
});

// Permission depends on the kind (customer/product/asset), so the services check it.
export const importsRoutes = (
  fastify: FastifyInstance,
  {
    imports,
    exportWorkbook,
  }: {
    imports: ImportsService;
    /** The rows the actor may see as a workbook (the routes are not handed the database). */
    exportWorkbook: (actor: Actor, kind: ImportKind, template: boolean) => Promise<Buffer>;
  },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['import/export'];
  const any = { access: 'authenticated' as const };

  app.addContentTypeParser(
    [XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/imports/:kind',
    {
      config: any,
      schema: {
        tags,
        params: Kind,
        description:
          'Body: the .xlsx file itself (Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). Answers 202; poll GET /api/imports/{id}.',
        response: { 202: Job, ...errorResponses },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        return reply.status(415).send({
          error: {
            code: 'unsupported_media_type',
            message: 'send the .xlsx file as the request body',
            details: { contentType: XLSX },
          },
        });
      }
      const name = req.headers['x-file-name'];
      const fileName = typeof name === 'string' ? decodeURIComponent(name).slice(0, 200) : null;
      return reply
        .status(202)
        .send(await imports.start(authed(req), req.params.kind as ImportKind, fileName, req.body));
    },
  );
  app.get(
    '/api/imports',
    {
      config: any,
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Job) }), ...errorResponses } },
    },
    (req) => imports.listMine(authed(req)),
  );
  app.get(
    '/api/imports/:id',
    { config: any, schema: { tags, params: IdParams, response: { 200: Job, ...errorResponses } } },
    (req) => imports.get(authed(req), req.params.id),
  );

  const sendBook = async (
    kind: ImportKind,
    buf: Buffer,
    reply: import('fastify').FastifyReply,
    suffix: string,
  ) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${kind}-${suffix}.xlsx"`)
      .send(buf);
  app.get('/api/exports/:kind', { config: any, schema: { tags, params: Kind } }, async (req, reply) =>
    sendBook(
      req.params.kind,
      await exportWorkbook(authed(req).actor, req.params.kind, false),
      reply,
      new Date().toISOString().slice(0, 10),
    ),
  );
  app.get(
    '/api/imports/templates/:kind',
    { config: any, schema: { tags, params: Kind } },
    async (req, reply) =>
      sendBook(
        req.params.kind,
        await exportWorkbook(authed(req).actor, req.params.kind, true),
        reply,
        'template',
      ),
  );
};
