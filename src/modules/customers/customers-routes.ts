import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { authed } from '../../platform/http.ts';
import { errorResponses, IdParams, Page } from '../../platform/schemas.ts';
import {
  ArchiveCustomerBody,
  CreateCustomerBody,
  Customer,
  ListCustomersQuery,
  UpdateCustomerBody,
} from './customers-schemas.ts';
import type { CustomersService } from './customers-service.ts';

export const customersRoutes = (fastify: FastifyInstance, { customers }: { customers: CustomersService }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['customers'];
  const read = { access: 'customer.read' as const };
  const write = { access: 'customer.write' as const };

  app.get(
    '/api/customers',
    {
      config: read,
      schema: { tags, querystring: ListCustomersQuery, response: { 200: Page(Customer), ...errorResponses } },
    },
    (req) => customers.list(authed(req), req.query),
  );
  app.post(
    '/api/customers',
    {
      config: write,
      schema: { tags, body: CreateCustomerBody, response: { 201: Customer, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await customers.create(authed(req), req.body)),
  );
  app.get(
    '/api/customers/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Customer, ...errorResponses } } },
    (req) => customers.get(authed(req), req.params.id),
  );
  app.patch(
    '/api/customers/:id',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: UpdateCustomerBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    (req) => customers.update(authed(req), req.params.id, req.body),
  );
  app.post(
    '/api/customers/:id/archive',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: ArchiveCustomerBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    (req) => customers.archive(authed(req), req.params.id, req.body),
  );
};
