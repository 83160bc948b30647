import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import {
  errorResponses,
  IdParams,
  Nullable,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';
import type { NotificationsService } from './notifications-service.ts';

const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  ticketId: Nullable(Uuid),
  link: Nullable(Type.String()),
  readAt: Nullable(Timestamp),
  createdAt: Timestamp,
});

const RobotKind = Type.Union([Type.Literal('wecom'), Type.Literal('dingtalk')]);
const RobotUrl = Type.String({ maxLength: 500, pattern: '^https?://' });
const Events = Type.Array(Type.Union([Type.Literal('escalation'), Type.Literal('ticket')]), {
  minItems: 1,
  uniqueItems: true,
});
const Webhook = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const notificationsRoutes = (
  fastify: FastifyInstance,
  { notifications }: { notifications: NotificationsService },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['notifications'];
  const mine = { access: 'authenticated' as const };
  const admin = { access: 'sla.write' as const };

  app.get(
    '/api/notifications',
    {
      config: mine,
      schema: {
        tags,
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ unread: Type.Integer(), items: Type.Array(Notification) }),
          ...errorResponses,
        },
      },
    },
    (req) => notifications.mine(authed(req), req.query),
  );
  app.post(
    '/api/notifications/read',
    {
      config: mine,
      schema: {
        tags,
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Uuid, { maxItems: 200 })), all: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ unread: Type.Integer() }), ...errorResponses },
      },
    },
    (req) => notifications.markRead(authed(req), req.body.all ? 'all' : (req.body.ids ?? [])),
  );
  app.get(
    '/api/notification-deliveries',
    {
      config: admin,
      schema: {
        tags,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                channel: Type.String(),
                target: Type.String(),
                subject: Type.String(),
                status: Type.String(),
                attempts: Type.Integer(),
                lastError: Nullable(Type.String()),
                sentAt: Nullable(Timestamp),
                createdAt: Timestamp,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => notifications.deliveries(authed(req)),
  );
  app.get(
    '/api/webhooks',
    {
      config: admin,
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Webhook) }), ...errorResponses } },
    },
    (req) => notifications.listWebhooks(authed(req)),
  );
  app.post(
    '/api/webhooks',
    {
      config: admin,
      schema: {
        tags,
        body: Type.Object(
          {
            name: Text(100, 1),
            kind: RobotKind,
            url: RobotUrl,
            events: Type.Optional(Events),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Webhook, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await notifications.createWebhook(authed(req), req.body)),
  );
  app.patch(
    '/api/webhooks/:id',
    {
      config: admin,
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            name: Type.Optional(Text(100, 1)),
            kind: Type.Optional(RobotKind),
            url: Type.Optional(RobotUrl),
            events: Type.Optional(Events),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Webhook, ...errorResponses },
      },
    },
    (req) => notifications.updateWebhook(authed(req), req.params.id, req.body),
  );
};
