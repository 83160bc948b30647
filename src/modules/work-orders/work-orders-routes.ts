import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page, Uuid } from '../../platform/schemas.ts';
import type { WorkOrderServices } from './work-order-services.ts';
import {
  Board,
  BoardQuery,
  CreateWorkOrderBody,
  DispatchBody,
  ListWorkOrdersQuery,
  Suggestion,
  UpdateWorkOrderBody,
  VersionBody,
  WorkOrder,
  WorkOrderSummary,
  WorkOrderTransitionBody,
} from './work-orders-schemas.ts';

// Desk-side routes: create, list, board, suggestion, dispatch, edit, status. On-site and paperwork
// routes are in work-orders-field-routes.ts.

export const workOrdersRoutes = (fastify: FastifyInstance, s: WorkOrderServices) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['work-orders'];
  const one = { 200: WorkOrder, ...errorResponses };
  // Reading is checked in the service: `workorder.read` sees the data scope, `workorder.field` its own orders.
  const read = { access: 'authenticated' as const };

  app.post(
    '/api/tickets/:id/work-orders',
    {
      config: { access: 'workorder.write' },
      schema: {
        tags,
        params: IdParams,
        body: CreateWorkOrderBody,
        response: { 201: WorkOrder, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(authed(req), req.params.id, req.body)),
  );
  app.get(
    '/api/work-orders',
    {
      config: read,
      schema: {
        tags,
        querystring: ListWorkOrdersQuery,
        response: { 200: Page(WorkOrderSummary), ...errorResponses },
      },
    },
    (req) => s.orders.list(authed(req), req.query),
  );
  app.get(
    '/api/work-orders/open-paperwork',
    { config: read, schema: { tags, response: { 200: Page(WorkOrderSummary), ...errorResponses } } },
    (req) => s.orders.openPaperwork(authed(req)),
  );
  app.get(
    '/api/dispatch-board',
    {
      config: { access: 'engineer.read' },
      schema: { tags, querystring: BoardQuery, response: { 200: Board, ...errorResponses } },
    },
    (req) => s.board.board(authed(req), req.query),
  );
  app.get(
    '/api/work-orders/:id',
    { config: read, schema: { tags, params: IdParams, response: one } },
    (req) => s.orders.get(authed(req), req.params.id),
  );
  app.get(
    '/api/work-orders/:id/suggestions',
    {
      config: { access: 'engineer.read' },
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Suggestion) }), ...errorResponses },
      },
    },
    (req) => s.board.suggestions(authed(req), req.params.id),
  );
  app.patch(
    '/api/work-orders/:id',
    {
      config: { access: 'workorder.field' },
      schema: { tags, params: IdParams, body: UpdateWorkOrderBody, response: one },
    },
    (req) => s.steps.update(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/dispatch',
    {
      config: { access: 'workorder.write' },
      schema: { tags, params: IdParams, body: DispatchBody, response: one },
    },
    (req) => s.steps.dispatch(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/transition',
    {
      config: { access: 'workorder.field' },
      schema: { tags, params: IdParams, body: WorkOrderTransitionBody, response: one },
    },
    (req) => s.steps.transition(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/write-off',
    {
      config: { access: 'workorder.settle' },
      schema: { tags, params: IdParams, body: VersionBody, response: one },
    },
    (req) => s.paperwork.writeOff(authed(req), req.params.id, req.body.version),
  );
  app.post(
    '/api/work-orders/:id/reimburse',
    {
      config: { access: 'workorder.settle' },
      schema: { tags, params: IdParams, body: VersionBody, response: one },
    },
    (req) => s.paperwork.reimburse(authed(req), req.params.id, req.body.version),
  );
  app.get(
    '/api/field-feedback',
    {
      config: read,
      schema: {
        tags,
        querystring: Type.Object({ overdue: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                workOrderId: Uuid,
                workOrderNumber: Type.String(),
                customerName: Type.String(),
                engineerNames: Type.Array(Type.String()),
                returnedOn: Type.String(),
                dueOn: Type.String(),
                status: Type.String(),
                overdue: Type.Boolean(),
                daysLeft: Type.Union([Type.Integer(), Type.Null()]),
                reimbursed: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => s.paperwork.listFeedback(authed(req), req.query),
  );
};
