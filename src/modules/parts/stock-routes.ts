import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import type { PartsServices } from './parts-services.ts';
import {
  AppraiseBody,
  CreatePlanBody,
  ListPlansQuery,
  ListReturnsQuery,
  OldPartReturn,
  PlanActionBody,
  ReceiveReturnBody,
  StockingPlan,
  UpdatePlanBody,
} from './plans-schemas.ts';
import {
  AdjustBody,
  ListMovesQuery,
  ListStockQuery,
  LowCount,
  MinQtyBody,
  ReceiveBody,
  StockLevel,
  StockMove,
  TransferBody,
  TransferResult,
} from './stock-schemas.ts';

export const stockRoutes = (fastify: FastifyInstance, { stock, plans, oldParts }: PartsServices) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['parts'];
  const read = { access: 'part.read' as const };
  const stockWrite = { access: 'stock.write' as const };
  const plan = { access: 'stock.plan' as const };
  const appraise = { access: 'oldpart.appraise' as const };
  const level = { 200: StockLevel, ...errorResponses };

  app.get(
    '/api/stock',
    {
      config: read,
      schema: { tags, querystring: ListStockQuery, response: { 200: Page(StockLevel), ...errorResponses } },
    },
    (req) => stock.list(authed(req), req.query),
  );
  app.get(
    '/api/stock/low-count',
    { config: read, schema: { tags, response: { 200: LowCount, ...errorResponses } } },
    (req) => stock.lowCount(authed(req)),
  );
  app.post(
    '/api/stock/receive',
    { config: stockWrite, schema: { tags, body: ReceiveBody, response: level } },
    (req) => stock.receive(authed(req), req.body),
  );
  app.post(
    '/api/stock/transfer',
    {
      config: stockWrite,
      schema: { tags, body: TransferBody, response: { 200: TransferResult, ...errorResponses } },
    },
    (req) => stock.transfer(authed(req), req.body),
  );
  app.post(
    '/api/stock/adjust',
    { config: stockWrite, schema: { tags, body: AdjustBody, response: level } },
    (req) => stock.adjust(authed(req), req.body),
  );
  app.patch(
    '/api/stock/min',
    { config: stockWrite, schema: { tags, body: MinQtyBody, response: level } },
    (req) => stock.setMin(authed(req), req.body),
  );
  app.get(
    '/api/stock/moves',
    {
      config: read,
      schema: { tags, querystring: ListMovesQuery, response: { 200: Page(StockMove), ...errorResponses } },
    },
    (req) => stock.moves(authed(req), req.query),
  );

  const onePlan = { 200: StockingPlan, ...errorResponses };
  app.get(
    '/api/stocking-plans',
    {
      config: read,
      schema: { tags, querystring: ListPlansQuery, response: { 200: Page(StockingPlan), ...errorResponses } },
    },
    (req) => plans.list(authed(req), req.query),
  );
  app.post(
    '/api/stocking-plans',
    {
      config: plan,
      schema: { tags, body: CreatePlanBody, response: { 201: StockingPlan, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await plans.create(authed(req), req.body)),
  );
  app.get(
    '/api/stocking-plans/:id',
    { config: read, schema: { tags, params: IdParams, response: onePlan } },
    (req) => plans.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/stocking-plans/:id',
    { config: plan, schema: { tags, params: IdParams, body: UpdatePlanBody, response: onePlan } },
    (req) => plans.update(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/stocking-plans/:id/submit',
    { config: plan, schema: { tags, params: IdParams, body: PlanActionBody, response: onePlan } },
    (req) => plans.submit(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/stocking-plans/:id/approve',
    { config: stockWrite, schema: { tags, params: IdParams, body: PlanActionBody, response: onePlan } },
    (req) => plans.approve(authed(req), req.params.id, req.body),
  );

  const oneReturn = { 200: OldPartReturn, ...errorResponses };
  app.get(
    '/api/old-part-returns',
    {
      config: read,
      schema: {
        tags,
        querystring: ListReturnsQuery,
        response: { 200: Page(OldPartReturn), ...errorResponses },
      },
    },
    (req) => oldParts.list(authed(req), req.query),
  );
  app.post(
    '/api/old-part-returns/:id/receive',
    { config: appraise, schema: { tags, params: IdParams, body: ReceiveReturnBody, response: oneReturn } },
    (req) => oldParts.receive(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/old-part-returns/:id/appraise',
    { config: appraise, schema: { tags, params: IdParams, body: AppraiseBody, response: oneReturn } },
    (req) => oldParts.appraise(authed(req), req.params.id, req.body),
  );
};
