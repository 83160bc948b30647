import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Uuid } from '../../platform/schemas.ts';
import type { WorkOrderServices } from './work-order-services.ts';
import {
  ConsumePartBody,
  DiagnosisBody,
  FeedbackBody,
  ItemBody,
  PartLineBody,
  QuoteDecisionBody,
  SignatureBody,
  UrgentApprovalBody,
  VersionBody,
  WorkOrder,
} from './work-orders-schemas.ts';

// On-site steps (diagnosis, items, parts, photos, signature) and the paperwork (quote, urgent
// approval, feedback form). Several roles may take these steps, so the service checks which.

export const workOrdersFieldRoutes = (fastify: FastifyInstance, s: WorkOrderServices) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['work-orders'];
  const one = { 200: WorkOrder, ...errorResponses };
  const created = { 201: WorkOrder, ...errorResponses };
  // The step's own roles are checked again in the service (the desk may act for the engineer).
  const field = { access: 'workorder.field' as const };
  const any = { access: 'authenticated' as const };
  const LineParams = Type.Object({ id: Uuid, lineId: Uuid }, { additionalProperties: false });

  app.put(
    '/api/work-orders/:id/diagnosis',
    { config: field, schema: { tags, params: IdParams, body: DiagnosisBody, response: one } },
    (req) => s.steps.diagnose(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/items',
    { config: field, schema: { tags, params: IdParams, body: ItemBody, response: created } },
    async (req, reply) => reply.status(201).send(await s.steps.addItem(authed(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/work-orders/:id/items/:itemId',
    {
      config: field,
      schema: {
        tags,
        params: Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false }),
        response: one,
      },
    },
    (req) => s.steps.removeItem(authed(req), req.params.id, req.params.itemId),
  );
  app.post(
    '/api/work-orders/:id/parts',
    { config: field, schema: { tags, params: IdParams, body: PartLineBody, response: created } },
    async (req, reply) => reply.status(201).send(await s.steps.addPart(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/api/work-orders/:id/parts/:lineId/consume',
    { config: field, schema: { tags, params: LineParams, body: ConsumePartBody, response: one } },
    (req) => s.steps.consumePart(authed(req), req.params.id, req.params.lineId, req.body),
  );
  app.delete(
    '/api/work-orders/:id/parts/:lineId',
    { config: field, schema: { tags, params: LineParams, response: one } },
    (req) => s.steps.releasePart(authed(req), req.params.id, req.params.lineId),
  );
  app.post(
    '/api/work-orders/:id/photos',
    {
      config: field,
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: created },
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
        throw new AppError('payload_too_large', { details: [{ field: 'file', message: 'is too large' }] });
      }
      const field = file.fields.phase as { value?: unknown } | undefined;
      const phase =
        (req.query as { phase?: string }).phase ??
        (typeof field?.value === 'string' ? field.value : undefined);
      const o = await s.photos.upload(authed(req), req.params.id, {
        phase,
        fileName: file.filename,
        mimeType: file.mimetype,
        data,
      });
      return reply.status(201).send(o);
    },
  );
  app.get(
    '/api/work-orders/:id/photos/:photoId',
    {
      config: any,
      schema: { tags, params: Type.Object({ id: Uuid, photoId: Uuid }, { additionalProperties: false }) },
    },
    async (req, reply) => {
      const { row, stream } = await s.photos.open(authed(req), req.params.id, req.params.photoId);
      return reply
        .header('content-type', row.contentType)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
  app.post(
    '/api/work-orders/:id/signature',
    { config: field, schema: { tags, params: IdParams, body: SignatureBody, response: one } },
    (req) => s.paperwork.sign(authed(req), req.params.id, req.body),
  );
  app.get(
    '/api/work-orders/:id/signature',
    { config: any, schema: { tags, params: IdParams } },
    async (req, reply) =>
      reply
        .header('content-type', 'image/png')
        .header('x-content-type-options', 'nosniff')
        .send(await s.paperwork.signature(authed(req), req.params.id)),
  );
  app.post(
    '/api/work-orders/:id/quote',
    {
      config: { access: 'workorder.write' },
      schema: { tags, params: IdParams, body: VersionBody, response: one },
    },
    (req) => s.paperwork.sendQuote(authed(req), req.params.id, req.body.version),
  );
  app.post(
    '/api/work-orders/:id/quote/decision',
    {
      config: { access: 'quote.accept' },
      schema: { tags, params: IdParams, body: QuoteDecisionBody, response: one },
    },
    (req) => s.paperwork.decideQuote(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/urgent-approval',
    {
      config: { access: 'workorder.approve' },
      schema: { tags, params: IdParams, body: UrgentApprovalBody, response: one },
    },
    (req) => s.paperwork.urgentApproval(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/regularise',
    {
      config: { access: 'workorder.write' },
      schema: { tags, params: IdParams, body: VersionBody, response: one },
    },
    (req) => s.paperwork.regularise(authed(req), req.params.id, req.body.version),
  );
  app.put(
    '/api/work-orders/:id/feedback',
    { config: field, schema: { tags, params: IdParams, body: FeedbackBody, response: one } },
    (req) => s.paperwork.saveFeedback(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/feedback/sign',
    {
      config: { access: 'workorder.approve' },
      schema: { tags, params: IdParams, body: VersionBody, response: one },
    },
    (req) => s.paperwork.signFeedback(authed(req), req.params.id, req.body.version),
  );
};
