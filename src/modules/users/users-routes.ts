import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import { CreateUserBody, ListUsersQuery, ResetPasswordBody, UpdateUserBody, User } from './users-schemas.ts';
import type { UsersService } from './users-service.ts';

export const usersRoutes = (fastify: FastifyInstance, { users }: { users: UsersService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      config: { access: 'user.read' },
      schema: { tags, querystring: ListUsersQuery, response: { 200: Page(User), ...errorResponses } },
    },
    (req) => users.list(authed(req), req.query),
  );
  app.post(
    '/api/users',
    {
      config: { access: 'user.write' },
      schema: { tags, body: CreateUserBody, response: { 201: User, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await users.create(authed(req), req.body)),
  );
  app.get(
    '/api/users/:id',
    {
      config: { access: 'user.read' },
      schema: { tags, params: IdParams, response: { 200: User, ...errorResponses } },
    },
    (req) => users.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: 'user.write' },
      schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User, ...errorResponses } },
    },
    (req) => users.update(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/password',
    {
      config: { access: 'user.write' },
      schema: {
        tags,
        params: IdParams,
        body: ResetPasswordBody,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await users.resetPassword(authed(req), req.params.id, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/users/:id/unlock',
    {
      config: { access: 'user.write' },
      schema: { tags, params: IdParams, response: { 200: User, ...errorResponses } },
    },
    (req) => users.unlock(authed(req), req.params.id),
  );
};
