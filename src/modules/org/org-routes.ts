import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import type { OrgEntity } from './org-dal.ts';
import { ORG_PATHS, orgSchemas } from './org-schemas.ts';
import type { OrgService } from './org-service.ts';

type ListQuery = { q?: string; active?: boolean; limit: number; offset: number };
type Body = Record<string, unknown>;

export const orgRoutes = (app: FastifyInstance, { org }: { org: OrgService }) => {
  for (const entity of Object.keys(ORG_PATHS) as OrgEntity[]) {
    const path = ORG_PATHS[entity];
    const s = orgSchemas(entity);
    const tags = ['organisation'];
    const read = { access: 'org.read' as const };
    const write = { access: 'org.write' as const };

    app.get<{ Querystring: ListQuery }>(
      path,
      {
        config: read,
        schema: { tags, querystring: s.list, response: { 200: Page(s.item), ...errorResponses } },
      },
      (req) => org.list(authed(req), entity, req.query),
    );
    app.get<{ Params: { id: string } }>(
      `${path}/:id`,
      { config: read, schema: { tags, params: IdParams, response: { 200: s.item, ...errorResponses } } },
      (req) => org.get(authed(req), entity, req.params.id),
    );
    app.post<{ Body: Body & { code: string } }>(
      path,
      { config: write, schema: { tags, body: s.create, response: { 201: s.item, ...errorResponses } } },
      async (req, reply) => reply.status(201).send(await org.create(authed(req), entity, req.body)),
    );
    app.patch<{ Params: { id: string }; Body: Body & { version: number } }>(
      `${path}/:id`,
      {
        config: write,
        schema: { tags, params: IdParams, body: s.update, response: { 200: s.item, ...errorResponses } },
      },
      (req) => org.update(authed(req), entity, req.params.id, req.body),
    );
  }
};
