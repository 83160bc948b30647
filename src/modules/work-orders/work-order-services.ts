import type { Db } from '../../db/client.ts';
import type { Storage } from '../../platform/storage.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { dispatchBoard } from './dispatch-board.ts';
import type { OrderTickets } from './ticket-link.ts';
import { createWorkOrder } from './work-order-create.ts';
import { workOrderLines } from './work-order-lines.ts';
import { workOrderPaperwork } from './work-order-paperwork.ts';
import { workOrderPhotos } from './work-order-photos.ts';
import { workOrderSettlement } from './work-order-settlement.ts';
import { workOrderSteps } from './work-order-steps.ts';
import { workOrdersService } from './work-orders-service.ts';

/** The field-work services, built once for the routes (app.field: the demo loader uses them too). */
export const workOrderServices = (deps: {
  db: Db;
  notifications: NotificationsApi;
  tickets: OrderTickets;
  storage: Storage;
}) => {
  const orders = workOrdersService(deps);
  return {
    orders,
    create: createWorkOrder({ ...deps, orders }),
    steps: { ...workOrderSteps({ orders, tickets: deps.tickets }), ...workOrderLines({ orders }) },
    paperwork: {
      ...workOrderPaperwork({ db: deps.db, orders, storage: deps.storage, tickets: deps.tickets }),
      ...workOrderSettlement({ db: deps.db, orders }),
    },
    photos: workOrderPhotos({ orders, storage: deps.storage }),
    board: dispatchBoard({ db: deps.db, orders }),
  };
};

export type WorkOrderServices = ReturnType<typeof workOrderServices>;
