import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { CreateRoleBody, PermissionInfo, Role, RoleParams, UpdateRoleBody } from './roles-schemas.ts';
import type { RolesService } from './roles-service.ts';

export const rolesRoutes = (fastify: FastifyInstance, { roles }: { roles: RolesService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['roles'];
  const items = <T extends Parameters<typeof Type.Array>[0]>(t: T) => Type.Object({ items: Type.Array(t) });

  app.get(
    '/api/permissions',
    {
      config: { access: 'role.read' },
      schema: { tags, response: { 200: items(PermissionInfo), ...errorResponses } },
    },
    (req) => roles.permissions(authed(req)),
  );
  app.get(
    '/api/roles',
    { config: { access: 'role.read' }, schema: { tags, response: { 200: items(Role), ...errorResponses } } },
    (req) => roles.list(authed(req)),
  );
  app.post(
    '/api/roles',
    {
      config: { access: 'role.write' },
      schema: { tags, body: CreateRoleBody, response: { 201: Role, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await roles.create(authed(req), req.body)),
  );
  app.patch(
    '/api/roles/:code',
    {
      config: { access: 'role.write' },
      schema: { tags, params: RoleParams, body: UpdateRoleBody, response: { 200: Role, ...errorResponses } },
    },
    (req) => roles.update(authed(req), req.params.code, req.body),
  );
};
