import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams } from '../../platform/schemas.ts';
import {
  Calendar,
  CalendarDay,
  CreateCalendarBody,
  HolidayNoticeBody,
  MonthQuery,
  UpdateCalendarBody,
} from './calendars-schemas.ts';
import type { CalendarsService } from './calendars-service.ts';

export const calendarsRoutes = (fastify: FastifyInstance, { calendars }: { calendars: CalendarsService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['sla'];
  const read = { access: 'sla.read' as const };
  const write = { access: 'sla.write' as const };

  app.get(
    '/api/calendars',
    {
      config: read,
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Calendar) }), ...errorResponses } },
    },
    (req) => calendars.list(authed(req)),
  );
  app.post(
    '/api/calendars',
    {
      config: write,
      schema: { tags, body: CreateCalendarBody, response: { 201: Calendar, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await calendars.create(authed(req), req.body)),
  );
  app.get(
    '/api/calendars/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Calendar, ...errorResponses } } },
    (req) => calendars.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/calendars/:id',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: UpdateCalendarBody,
        response: { 200: Calendar, ...errorResponses },
      },
    },
    (req) => calendars.update(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/calendars/:id/holiday-notice',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: HolidayNoticeBody,
        response: { 200: Calendar, ...errorResponses },
      },
    },
    (req) => calendars.importNotice(authed(req), req.params.id, req.body),
  );
  app.get(
    '/api/calendars/:id/days',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: MonthQuery,
        response: { 200: Type.Object({ items: Type.Array(CalendarDay) }), ...errorResponses },
      },
    },
    (req) => calendars.month(authed(req), req.params.id, req.query.month),
  );
};
