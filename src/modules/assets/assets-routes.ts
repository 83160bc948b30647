import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import {
  Asset,
  AssetEvent,
  AssetEventBody,
  CreateAssetBody,
  EntitlementQuery,
  EntitlementResult,
  ListAssetsQuery,
  MeterReading,
  MeterReadingBody,
  UpdateAssetBody,
} from './assets-schemas.ts';
import type { AssetsService } from './assets-service.ts';

export const assetsRoutes = (fastify: FastifyInstance, { assets }: { assets: AssetsService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['assets'];
  const read = { access: 'asset.read' as const };
  const write = { access: 'asset.write' as const };
  const record = { access: 'asset.record' as const };

  app.get(
    '/api/assets',
    {
      config: read,
      schema: { tags, querystring: ListAssetsQuery, response: { 200: Page(Asset), ...errorResponses } },
    },
    (req) => assets.list(authed(req), req.query),
  );
  app.post(
    '/api/assets',
    { config: write, schema: { tags, body: CreateAssetBody, response: { 201: Asset, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await assets.create(authed(req), req.body)),
  );
  app.get(
    '/api/assets/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Asset, ...errorResponses } } },
    (req) => assets.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/assets/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateAssetBody, response: { 200: Asset, ...errorResponses } },
    },
    (req) => assets.update(authed(req), req.params.id, req.body),
  );
  app.get(
    '/api/assets/:id/meter-readings',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(MeterReading) }), ...errorResponses },
      },
    },
    (req) => assets.readings(authed(req), req.params.id),
  );
  app.post(
    '/api/assets/:id/meter-readings',
    {
      config: record,
      schema: {
        tags,
        params: IdParams,
        body: MeterReadingBody,
        response: { 201: MeterReading, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await assets.addReading(authed(req), req.params.id, req.body)),
  );
  app.get(
    '/api/assets/:id/events',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(AssetEvent) }), ...errorResponses },
      },
    },
    (req) => assets.events(authed(req), req.params.id),
  );
  app.post(
    '/api/assets/:id/events',
    {
      config: record,
      schema: {
        tags,
        params: IdParams,
        body: AssetEventBody,
        response: { 201: AssetEvent, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await assets.addEvent(authed(req), req.params.id, req.body)),
  );
  app.get(
    '/api/assets/:id/entitlement',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: EntitlementQuery,
        response: { 200: EntitlementResult, ...errorResponses },
      },
    },
    (req) => assets.entitlement(authed(req), req.params.id, req.query),
  );
};
