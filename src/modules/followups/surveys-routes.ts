import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { ErrorBody, errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import type { PublicSurveys } from './public-survey.ts';
import type { SurveySender } from './survey-send.ts';
import {
  CreateSurveyBody,
  Invitations,
  InvitationsQuery,
  InviteBody,
  InviteResult,
  ListSurveysQuery,
  PublicAnswerBody,
  PublicAnswerResult,
  PublicSurvey,
  Results,
  ResultsQuery,
  SendBody,
  SendResult,
  Survey,
  TokenParams,
  UpdateSurveyBody,
} from './surveys-schemas.ts';
import type { SurveysService } from './surveys-service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const surveysRoutes = (
  fastify: FastifyInstance,
  s: { surveys: SurveysService; sender: SurveySender; publicSurveys: PublicSurveys },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['surveys'];
  const read = { access: 'survey.read' as const };
  const write = { access: 'survey.write' as const };
  const one = { 200: Survey, ...errorResponses };

  app.get(
    '/api/surveys',
    {
      config: read,
      schema: { tags, querystring: ListSurveysQuery, response: { 200: Page(Survey), ...errorResponses } },
    },
    (req) => s.surveys.list(authed(req), req.query),
  );
  app.post(
    '/api/surveys',
    { config: write, schema: { tags, body: CreateSurveyBody, response: { 201: Survey, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await s.surveys.create(authed(req), req.body)),
  );
  app.get('/api/surveys/:id', { config: read, schema: { tags, params: IdParams, response: one } }, (req) =>
    s.surveys.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/surveys/:id',
    { config: write, schema: { tags, params: IdParams, body: UpdateSurveyBody, response: one } },
    (req) => s.surveys.update(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/surveys/:id/send',
    {
      config: write,
      schema: { tags, params: IdParams, body: SendBody, response: { 200: SendResult, ...errorResponses } },
    },
    (req) => s.sender.send(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/surveys/:id/invite',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: InviteBody,
        response: { 200: InviteResult, ...errorResponses },
      },
    },
    (req) => s.sender.invite(authed(req), req.params.id, req.body),
  );
  app.get(
    '/api/surveys/:id/results',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: ResultsQuery,
        response: { 200: Results, ...errorResponses },
      },
    },
    (req) => s.surveys.results(authed(req), req.params.id, req.query),
  );
  app.get(
    '/api/surveys/:id/results/export',
    { config: read, schema: { tags, params: IdParams, querystring: ResultsQuery } },
    async (req, reply) => {
      const buf = await s.surveys.exportResults(authed(req), req.params.id, req.query);
      const name = `满意度调查结果-${req.query.by ?? 'period'}${req.query.period ? `-${req.query.period}` : ''}.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="survey-results.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  );
  app.get(
    '/api/surveys/:id/invitations',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: InvitationsQuery,
        response: { 200: Invitations, ...errorResponses },
      },
    },
    (req) => s.surveys.invitations(authed(req), req.params.id, req.query),
  );

  // The customer's answer page, without a login: the link's token is the only key. Rate-limited per
  // IP (per process, like the login) on top of the 256-bit tokens.
  const publicErrors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody, 429: ErrorBody };
  app.get(
    '/api/public/surveys/:token',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, params: TokenParams, response: { 200: PublicSurvey, ...publicErrors } },
    },
    (req) => s.publicSurveys.view(req.ctx, req.params.token),
  );
  app.post(
    '/api/public/surveys/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        params: TokenParams,
        body: PublicAnswerBody,
        response: { 201: PublicAnswerResult, ...publicErrors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await s.publicSurveys.answer(req.ctx, req.params.token, req.body)),
  );
};
