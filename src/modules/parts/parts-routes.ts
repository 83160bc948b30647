import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import {
  CreateLocationBody,
  CreatePartBody,
  CreatePriceListBody,
  ExportPartsQuery,
  ListLocationsQuery,
  ListPartsQuery,
  ListPriceListsQuery,
  Part,
  PriceList,
  StockLocation,
  UpdateLocationBody,
  UpdatePartBody,
  UpdatePriceListBody,
} from './parts-schemas.ts';
import type { PartsServices } from './parts-services.ts';
import { stockRoutes } from './stock-routes.ts';

/** Parts catalogue, stores and price lists here; stock, stocking plans and old parts in stock-routes. */
export const partsRoutes = (fastify: FastifyInstance, services: PartsServices) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { parts, priceLists } = services;
  const tags = ['parts'];
  const read = { access: 'part.read' as const };
  const write = { access: 'part.write' as const };
  const stockWrite = { access: 'stock.write' as const };
  const priceWrite = { access: 'pricelist.write' as const };

  app.get(
    '/api/parts',
    {
      config: read,
      schema: { tags, querystring: ListPartsQuery, response: { 200: Page(Part), ...errorResponses } },
    },
    (req) => parts.list(authed(req), req.query),
  );
  app.get(
    '/api/parts/export',
    { config: read, schema: { tags, querystring: ExportPartsQuery } },
    async (req, reply) => {
      const buf = await parts.exportXlsx(authed(req), req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="parts.xlsx"; filename*=UTF-8''${encodeURIComponent('备件目录.xlsx')}`,
        )
        .send(buf);
    },
  );
  app.post(
    '/api/parts',
    { config: write, schema: { tags, body: CreatePartBody, response: { 201: Part, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await parts.create(authed(req), req.body)),
  );
  app.get(
    '/api/parts/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Part, ...errorResponses } } },
    (req) => parts.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/parts/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdatePartBody, response: { 200: Part, ...errorResponses } },
    },
    (req) => parts.update(authed(req), req.params.id, req.body),
  );

  app.get(
    '/api/stock-locations',
    {
      config: read,
      schema: {
        tags,
        querystring: ListLocationsQuery,
        response: { 200: Page(StockLocation), ...errorResponses },
      },
    },
    (req) => parts.listLocations(authed(req), req.query),
  );
  app.post(
    '/api/stock-locations',
    {
      config: stockWrite,
      schema: { tags, body: CreateLocationBody, response: { 201: StockLocation, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await parts.createLocation(authed(req), req.body)),
  );
  app.patch(
    '/api/stock-locations/:id',
    {
      config: stockWrite,
      schema: {
        tags,
        params: IdParams,
        body: UpdateLocationBody,
        response: { 200: StockLocation, ...errorResponses },
      },
    },
    (req) => parts.updateLocation(authed(req), req.params.id, req.body),
  );

  app.get(
    '/api/price-lists',
    {
      config: read,
      schema: {
        tags,
        querystring: ListPriceListsQuery,
        response: { 200: Type.Object({ items: Type.Array(PriceList) }), ...errorResponses },
      },
    },
    (req) => priceLists.list(authed(req), req.query),
  );
  app.post(
    '/api/price-lists',
    {
      config: priceWrite,
      schema: { tags, body: CreatePriceListBody, response: { 201: PriceList, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await priceLists.create(authed(req), req.body)),
  );
  app.get(
    '/api/price-lists/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: PriceList, ...errorResponses } } },
    (req) => priceLists.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/price-lists/:id',
    {
      config: priceWrite,
      schema: {
        tags,
        params: IdParams,
        body: UpdatePriceListBody,
        response: { 200: PriceList, ...errorResponses },
      },
    },
    (req) => priceLists.update(authed(req), req.params.id, req.body),
  );

  stockRoutes(fastify, services);
};
