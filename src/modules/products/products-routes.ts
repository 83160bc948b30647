import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import {
  CreateModelBody,
  CreatePolicyBody,
  ListModelsQuery,
  Model,
  Policy,
  UpdateModelBody,
  UpdatePolicyBody,
} from './products-schemas.ts';
import type { ProductsService } from './products-service.ts';

export const productsRoutes = (fastify: FastifyInstance, { products }: { products: ProductsService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['products'];
  const read = { access: 'product.read' as const };
  const write = { access: 'product.write' as const };
  const policyWrite = { access: 'policy.write' as const };
  const Policies = Type.Object({ items: Type.Array(Policy) });

  app.get(
    '/api/warranty-policies',
    { config: read, schema: { tags, response: { 200: Policies, ...errorResponses } } },
    (req) => products.listPolicies(authed(req)),
  );
  app.post(
    '/api/warranty-policies',
    {
      config: policyWrite,
      schema: { tags, body: CreatePolicyBody, response: { 201: Policy, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await products.createPolicy(authed(req), req.body)),
  );
  app.get(
    '/api/warranty-policies/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Policy, ...errorResponses } } },
    (req) => products.getPolicy(authed(req), req.params.id),
  );
  app.get(
    '/api/warranty-policies/:id/versions',
    { config: read, schema: { tags, params: IdParams, response: { 200: Policies, ...errorResponses } } },
    (req) => products.policyVersions(authed(req), req.params.id),
  );
  // Answers 201 with the new version: the old one stays as it was.
  app.patch(
    '/api/warranty-policies/:id',
    {
      config: policyWrite,
      schema: {
        tags,
        params: IdParams,
        body: UpdatePolicyBody,
        response: { 201: Policy, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await products.revisePolicy(authed(req), req.params.id, req.body)),
  );

  app.get(
    '/api/product-models',
    {
      config: read,
      schema: { tags, querystring: ListModelsQuery, response: { 200: Page(Model), ...errorResponses } },
    },
    (req) => products.listModels(authed(req), req.query),
  );
  app.post(
    '/api/product-models',
    { config: write, schema: { tags, body: CreateModelBody, response: { 201: Model, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await products.createModel(authed(req), req.body)),
  );
  app.get(
    '/api/product-models/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Model, ...errorResponses } } },
    (req) => products.getModel(authed(req), req.params.id),
  );
  app.patch(
    '/api/product-models/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateModelBody, response: { 200: Model, ...errorResponses } },
    },
    (req) => products.updateModel(authed(req), req.params.id, req.body),
  );
};
