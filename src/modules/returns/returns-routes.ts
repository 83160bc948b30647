import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import type { ReturnSteps } from './return-steps.ts';
import {
  CreateReturnBody,
  DecisionBody,
  ExchangeBody,
  ExportReturnsQuery,
  InspectionBody,
  ListReturnsQuery,
  PickupCitiesBody,
  ReceiptBody,
  RefundApproveBody,
  RefundDraftBody,
  ReturnRequest,
  ReturnSummary,
  SendBackBody,
} from './returns-schemas.ts';
import type { ReturnsService } from './returns-service.ts';

export const returnsRoutes = (
  fastify: FastifyInstance,
  { returns, steps }: { returns: ReturnsService; steps: ReturnSteps },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['returns'];
  const ok = { 200: ReturnRequest, ...errorResponses };

  app.get(
    '/api/returns',
    {
      config: { access: 'return.read' },
      schema: {
        tags,
        querystring: ListReturnsQuery,
        response: { 200: Page(ReturnSummary), ...errorResponses },
      },
    },
    (req) => returns.list(authed(req), req.query),
  );
  app.get(
    '/api/returns/export',
    {
      config: { access: 'return.read' },
      schema: {
        tags,
        description: 'The queue as filtered, as .xlsx (Chinese headers, yuan, Asia/Shanghai times).',
        querystring: ExportReturnsQuery,
      },
    },
    async (req, reply) => {
      const buf = await returns.exportXlsx(authed(req), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="returns.xlsx"; filename*=UTF-8''${encodeURIComponent('退换货申请.xlsx')}`,
        )
        .send(buf);
    },
  );
  app.post(
    '/api/returns',
    {
      config: { access: 'return.create' },
      schema: { tags, body: CreateReturnBody, response: { 201: ReturnRequest, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await returns.create(authed(req), req.body)),
  );
  app.get(
    '/api/returns/:id',
    { config: { access: 'return.read' }, schema: { tags, params: IdParams, response: ok } },
    (req) => returns.get(authed(req), req.params.id),
  );
  app.post(
    '/api/returns/:id/decision',
    {
      config: { access: 'return.review' },
      schema: { tags, params: IdParams, body: DecisionBody, response: ok },
    },
    (req) => steps.decide(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/returns/:id/receipt',
    {
      config: { access: 'return.handle' },
      schema: { tags, params: IdParams, body: ReceiptBody, response: ok },
    },
    (req) => steps.receive(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/returns/:id/inspection',
    {
      config: { access: 'return.handle' },
      schema: { tags, params: IdParams, body: InspectionBody, response: ok },
    },
    (req) => steps.inspect(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/returns/:id/refund',
    {
      config: { access: 'return.handle' },
      schema: { tags, params: IdParams, body: RefundDraftBody, response: ok },
    },
    (req) => steps.draftRefund(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/returns/:id/refund/approve',
    {
      config: { access: 'return.refund' },
      schema: { tags, params: IdParams, body: RefundApproveBody, response: ok },
    },
    (req) => steps.approveRefund(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/returns/:id/exchange',
    {
      config: { access: 'return.handle' },
      schema: { tags, params: IdParams, body: ExchangeBody, response: ok },
    },
    (req) => steps.shipExchange(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/returns/:id/repair',
    {
      config: { access: 'return.handle' },
      schema: { tags, params: IdParams, body: SendBackBody, response: ok },
    },
    (req) => steps.completeRepair(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/returns/:id/send-back',
    {
      config: { access: 'return.handle' },
      schema: { tags, params: IdParams, body: SendBackBody, response: ok },
    },
    (req) => steps.sendBack(authed(req), req.params.id, req.body),
  );
  const Cities = Type.Object({ cities: Type.Array(Type.String()) });
  app.get(
    '/api/return-pickup-cities',
    { config: { access: 'return.read' }, schema: { tags, response: { 200: Cities, ...errorResponses } } },
    (req) => returns.pickupCities(authed(req)),
  );
  app.put(
    '/api/return-pickup-cities',
    {
      config: { access: 'return.settings' },
      schema: { tags, body: PickupCitiesBody, response: { 200: Cities, ...errorResponses } },
    },
    (req) => returns.setPickupCities(authed(req), req.body.cities),
  );
};
