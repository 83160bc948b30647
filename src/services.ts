import type { Db } from './db/client.ts';
import type { JobHandlers, Jobs } from './jobs/jobs.ts';
import type { AssetsApi } from './modules/assets/index.ts';
import type { CustomersApi } from './modules/customers/index.ts';
import type { NotificationsApi } from './modules/notifications/index.ts';
import { slaJobs } from './modules/tickets/sla-jobs.ts';
import { ticketAttachments } from './modules/tickets/ticket-attachments.ts';
import { ticketWorkflow } from './modules/tickets/ticket-workflow.ts';
import { ticketsService } from './modules/tickets/tickets-service.ts';
import type { Clock } from './platform/clock.ts';
import type { Storage } from './platform/storage.ts';

/** The services of the service-request area (工单) and the handlers of its SLA jobs. */
export const buildTicketServices = (deps: {
  db: Db;
  clock: Clock;
  storage: Storage;
  notifications: NotificationsApi;
  customers: Pick<CustomersApi, 'findCustomer'>;
  assets: Pick<AssetsApi, 'findAsset' | 'entitlementFor'>;
}) => {
  const { db, clock, notifications } = deps;
  const tickets = ticketsService({ db, notifications, customers: deps.customers, assets: deps.assets });
  const sla = slaJobs({ db, clock, notifications });
  const handlers: JobHandlers = {
    'sla-recompute': (p) => sla.recompute(p),
    'sla-escalate': () => sla.escalate(),
  };
  return {
    tickets,
    workflow: ticketWorkflow({ tickets }),
    attachments: ticketAttachments({ db, storage: deps.storage }),
    slaJobs: sla,
    handlers,
  };
};

export type TicketServices = ReturnType<typeof buildTicketServices>;

/** Jobs whose runner is attached after start-up (pg-boss needs the app's handlers first). */
export const deferredJobs = (fallback: Jobs): Jobs & { attach(j: Jobs): void } => {
  let current = fallback;
  return {
    attach: (j) => {
      current = j;
    },
    enqueue: (name, data) => current.enqueue(name, data),
  };
};
