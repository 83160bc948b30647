import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { createCustomers } from './customers-create.ts';
import {
  contactsOf,
  customerCodesByIds,
  customerIdsByCode,
  findCustomer,
  findCustomersByIds,
  listCustomers,
} from './customers-dal.ts';
import { customersRoutes } from './customers-routes.ts';
import { customersService, toCustomerDto } from './customers-service.ts';

export type { CreatedCustomer, NewCustomer } from './customers-create.ts';
export type { ContactRow, CustomerRow } from './customers-dal.ts';
export { CUSTOMER_KINDS, Customer, GRADES } from './customers-schemas.ts';
export type { CustomersService } from './customers-service.ts';

const api = {
  findCustomer,
  findCustomersByIds,
  customerIdsByCode,
  customerCodesByIds,
  listCustomers,
  contactsOf,
  toCustomerDto,
  createCustomers,
};

/**
 * Customers read in the caller's transaction within a data scope, their public shape, and
 * creation by the one set of creation rules (customers-create.ts; audit is the caller's).
 */
export type CustomersApi = typeof api;

// Stateless reads, also imported directly by consumers that are not built from a builder yet.
export { contactsOf, findCustomer, listCustomers, toCustomerDto };

/** 客户档案: customers and their contacts. */
export const buildCustomersModule = ({ db }: { db: Db }): AppModule<CustomersApi> => {
  const customers = customersService({ db });
  return { name: 'customers', routes: (app) => customersRoutes(app, { customers }), api };
};
