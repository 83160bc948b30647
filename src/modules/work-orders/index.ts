import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import type { Storage } from '../../platform/storage.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import type { OrderTickets } from './ticket-link.ts';
import { type WorkOrderServices, workOrderServices } from './work-order-services.ts';
import { workOrdersFieldRoutes } from './work-orders-field-routes.ts';
import { workOrdersRoutes } from './work-orders-routes.ts';

export { localToday } from './work-order-dto.ts';
export type { WorkOrderServices } from './work-order-services.ts';
export type { WorkOrdersService } from './work-orders-service.ts';

/** A work order as the API shows it to the actor, and one row of the list. */
export type WorkOrderDto = Awaited<ReturnType<WorkOrderServices['orders']['get']>>;
export type WorkOrderSummaryDto = Awaited<ReturnType<WorkOrderServices['orders']['list']>>['items'][number];

/**
 * What other modules may do with work orders: read one or a page as the actor (same scope rules as
 * the API: an order out of scope is a 404), and read its customer's signature (printed forms).
 */
export type WorkOrdersApi = {
  get: WorkOrderServices['orders']['get'];
  list: WorkOrderServices['orders']['list'];
  signature: WorkOrderServices['paperwork']['signature'];
};

/** 派工单: work orders, dispatch, the engineer's field steps, paperwork, settlement and photos. */
export const buildWorkOrdersModule = (deps: {
  db: Db;
  notifications: NotificationsApi;
  /** The order's ticket: its report times (charges), its customer's users, and moving it. */
  tickets: OrderTickets;
  storage: Storage;
}): AppModule<WorkOrdersApi> & { services: WorkOrderServices } => {
  const field = workOrderServices(deps);
  return {
    name: 'work-orders',
    routes: (app) => {
      workOrdersRoutes(app, field);
      workOrdersFieldRoutes(app, field);
    },
    api: { get: field.orders.get, list: field.orders.list, signature: field.paperwork.signature },
    services: field,
  };
};
