import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import type { Permission } from '../../platform/permissions.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import type { ComplaintServices } from './complaint-services.ts';
import {
  ActionBody,
  ActionOwner,
  CancelBody,
  CauseRow,
  CausesQuery,
  CloseBody,
  CompensationBody,
  CompensationDecisionBody,
  Complaint,
  ComplaintSummary,
  CreateComplaintBody,
  CreateStandaloneSuggestionBody,
  CreateSuggestionBody,
  FeedbackBody,
  ListComplaintsQuery,
  ListSuggestionsQuery,
  RecheckBody,
  RouteBody,
  Suggestion,
  UpdateSuggestionBody,
} from './complaints-schemas.ts';

// 客户投诉 and 产品改进建议 over HTTP: schemas and the permission each route needs; the services check
// the data scope and the workflow rules.

export const complaintsRoutes = (fastify: FastifyInstance, s: ComplaintServices) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['complaints'];
  const one = { 200: Complaint, ...errorResponses };

  app.post(
    '/api/complaints',
    {
      config: { access: 'complaint.create' },
      schema: { tags, body: CreateComplaintBody, response: { 201: Complaint, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await s.create(authed(req), req.body)),
  );
  app.get(
    '/api/complaints',
    {
      config: { access: 'complaint.read' },
      schema: {
        tags,
        querystring: ListComplaintsQuery,
        response: { 200: Page(ComplaintSummary), ...errorResponses },
      },
    },
    (req) => s.complaints.list(authed(req), req.query),
  );
  app.get(
    '/api/complaints/causes',
    {
      config: { access: 'complaint.read' },
      schema: { tags, querystring: CausesQuery, response: { 200: Type.Array(CauseRow), ...errorResponses } },
    },
    (req) => s.complaints.causes(authed(req), req.query),
  );
  app.get(
    '/api/complaints/action-owners',
    {
      config: { access: 'complaint.handle' },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(ActionOwner) }), ...errorResponses } },
    },
    (req) => s.complaints.actionOwners(authed(req)),
  );
  app.get(
    '/api/complaints/:id',
    { config: { access: 'complaint.read' }, schema: { tags, params: IdParams, response: one } },
    (req) => s.complaints.get(authed(req), req.params.id),
  );

  // One route per step, each with the body its form sends.
  const step = <B extends TSchema>(
    path: string,
    access: Permission,
    body: B,
    run: (
      ctx: ReturnType<typeof authed>,
      id: string,
      input: never,
    ) => ReturnType<ComplaintServices['complaints']['get']>,
  ) =>
    app.post(
      `/api/complaints/:id/${path}`,
      { config: { access }, schema: { tags, params: IdParams, body, response: one } },
      (req) => run(authed(req), (req.params as { id: string }).id, req.body as never),
    );
  step('route', 'complaint.handle', RouteBody, s.steps.route);
  step('action', 'complaint.handle', ActionBody, s.steps.action);
  step('feedback', 'complaint.handle', FeedbackBody, s.steps.feedback);
  step('recheck', 'complaint.handle', RecheckBody, s.steps.recheck);
  step('close', 'complaint.handle', CloseBody, s.steps.close);
  step('cancel', 'complaint.handle', CancelBody, s.steps.cancel);
  step('compensation', 'complaint.create', CompensationBody, s.steps.claim);
  step('compensation/decision', 'complaint.handle', CompensationDecisionBody, s.steps.decide);

  app.post(
    '/api/complaints/:id/suggestions',
    {
      config: { access: 'improvement.write' },
      schema: {
        tags,
        params: IdParams,
        body: CreateSuggestionBody,
        response: { 201: Suggestion, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await s.improvements.createForComplaint(authed(req), req.params.id, req.body)),
  );
  app.get(
    '/api/improvement-suggestions',
    {
      config: { access: 'improvement.write' },
      schema: {
        tags,
        querystring: ListSuggestionsQuery,
        response: { 200: Page(Suggestion), ...errorResponses },
      },
    },
    (req) => s.improvements.list(authed(req), req.query),
  );
  app.post(
    '/api/improvement-suggestions',
    {
      config: { access: 'improvement.write' },
      schema: {
        tags,
        body: CreateStandaloneSuggestionBody,
        response: { 201: Suggestion, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.improvements.create(authed(req), req.body)),
  );
  app.patch(
    '/api/improvement-suggestions/:id',
    {
      config: { access: 'improvement.write' },
      schema: {
        tags,
        params: IdParams,
        body: UpdateSuggestionBody,
        response: { 200: Suggestion, ...errorResponses },
      },
    },
    (req) => s.improvements.update(authed(req), req.params.id, req.body),
  );
};
