import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { contactsOf, findCustomer, listCustomers } from './customers-dal.ts';
import { customersRoutes } from './customers-routes.ts';
import { customersService, toCustomerDto } from './customers-service.ts';

export type { ContactRow, CustomerRow } from './customers-dal.ts';
export { CUSTOMER_KINDS, Customer, GRADES } from './customers-schemas.ts';
export type { CustomersService } from './customers-service.ts';

const api = { findCustomer, listCustomers, contactsOf, toCustomerDto };

/** Customers read in the caller's transaction within a data scope, and their public shape. */
export type CustomersApi = typeof api;

// Stateless reads, also imported directly by consumers that are not built from a builder yet.
export { contactsOf, findCustomer, listCustomers, toCustomerDto };

/** 客户档案: customers and their contacts. */
export const buildCustomersModule = ({ db }: { db: Db }): AppModule<CustomersApi> => {
  const customers = customersService({ db });
  return { name: 'customers', routes: (app) => customersRoutes(app, { customers }), api };
};
