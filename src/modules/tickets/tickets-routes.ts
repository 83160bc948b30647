import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Uuid } from '../../platform/schemas.ts';
import type { TicketAttachments } from './ticket-attachments.ts';
import type { TicketWorkflow } from './ticket-workflow.ts';
import {
  AssignBody,
  Attachment,
  BulkAssignBody,
  CreateTicketBody,
  ListTicketsQuery,
  PauseBody,
  ReplyBody,
  ResumeBody,
  Ticket,
  TicketList,
  TransitionBody,
  UpdateTicketBody,
} from './tickets-schemas.ts';
import type { TicketsService } from './tickets-service.ts';

const errors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

export const ticketsRoutes = (
  fastify: FastifyInstance,
  deps: { tickets: TicketsService; workflow: TicketWorkflow; attachments: TicketAttachments },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { tickets, workflow, attachments } = deps;
  const tags = ['tickets'];
  const read = { access: 'ticket.read' as const };
  const one = { tags, params: IdParams, response: { 200: Ticket, ...errorResponses } };

  app.get(
    '/api/tickets',
    {
      config: read,
      schema: { tags, querystring: ListTicketsQuery, response: { 200: TicketList, ...errorResponses } },
    },
    (req) => tickets.list(authed(req), req.query),
  );
  app.get(
    '/api/tickets/export',
    { config: read, schema: { tags, querystring: ListTicketsQuery } },
    async (req, reply) => {
      const buf = await tickets.exportXlsx(authed(req), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="tickets.xlsx"; filename*=UTF-8''${encodeURIComponent('服务请求.xlsx')}`,
        )
        .send(buf);
    },
  );
  app.post(
    '/api/tickets',
    {
      config: { access: 'ticket.create' },
      schema: { tags, body: CreateTicketBody, response: { 201: Ticket, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await tickets.create(authed(req), req.body)),
  );
  app.post(
    '/api/tickets/bulk-assign',
    {
      config: { access: 'ticket.assign' },
      schema: {
        tags,
        body: BulkAssignBody,
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({ id: Uuid, ok: Type.Boolean(), error: Type.Optional(Type.String()) }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => workflow.bulkAssign(authed(req), req.body),
  );
  app.get('/api/tickets/:id', { config: read, schema: one }, (req) =>
    tickets.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/tickets/:id',
    { config: { access: 'ticket.handle' }, schema: { ...one, body: UpdateTicketBody } },
    (req) => tickets.update(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/tickets/:id/transition',
    { config: { access: 'ticket.handle' }, schema: { ...one, body: TransitionBody } },
    (req) => workflow.transition(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/tickets/:id/assign',
    { config: { access: 'ticket.assign' }, schema: { ...one, body: AssignBody } },
    (req) => workflow.assign(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/tickets/:id/pause',
    { config: { access: 'ticket.handle' }, schema: { ...one, body: PauseBody } },
    (req) => workflow.pause(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/tickets/:id/resume',
    { config: { access: 'ticket.handle' }, schema: { ...one, body: ResumeBody } },
    (req) => workflow.resume(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/tickets/:id/replies',
    {
      config: { access: 'ticket.reply' },
      schema: { ...one, body: ReplyBody, response: { 201: Ticket, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await workflow.reply(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/api/tickets/:id/attachments',
    {
      config: { access: 'ticket.reply' },
      schema: {
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Attachment, ...errors },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('unsupported_media_type', {
          details: [{ field: 'file', message: 'send multipart/form-data' }],
        });
      const file = await req.file();
      if (!file)
        throw new AppError('validation_failed', { details: [{ field: 'file', message: 'is required' }] });
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch {
        // The multipart limit (the largest type's limit) was passed; nothing was stored.
        throw new AppError('payload_too_large', { details: [{ field: 'file', message: 'is too large' }] });
      }
      const a = await attachments.upload(authed(req), req.params.id, {
        fileName: file.filename,
        mimeType: file.mimetype,
        data,
      });
      return reply.status(201).send(a);
    },
  );
  app.get(
    '/api/tickets/:id/attachments/:attachmentId',
    {
      config: read,
      schema: {
        tags,
        params: Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const { row, stream } = await attachments.open(authed(req), req.params.id, req.params.attachmentId);
      const inline = row.kind === 'photo' || row.kind === 'video';
      return reply
        .header('content-type', row.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        )
        .send(stream);
    },
  );
};
