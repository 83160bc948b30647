import type { Db } from '../../db/client.ts';
import type { JobHandlers } from '../../jobs/jobs.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppModule } from '../../platform/module.ts';
import type { Storage } from '../../platform/storage.ts';
import type { AssetsApi } from '../assets/index.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { FollowupsApi } from '../followups/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { slaJobs } from './sla-jobs.ts';
import { ticketAttachments } from './ticket-attachments.ts';
import { ticketMoves } from './ticket-moves.ts';
import { ticketWorkflow } from './ticket-workflow.ts';
import { COUNT_CAP, customerUsers, reportTimesOf } from './tickets-dal.ts';
import { ticketsRoutes } from './tickets-routes.ts';
import { ticketsService } from './tickets-service.ts';

export type { NewEvent as TicketEventInput } from './ticket-dto.ts';
export type { TicketNote, WorkOrderStep } from './ticket-moves.ts';
export { SlaClock, TicketEvent } from './tickets-schemas.ts';
export type { TicketsService } from './tickets-service.ts';

/** The most rows a list counts before it says "1000+" (lists and drill-downs over tickets). */
export { COUNT_CAP };

/** A ticket as the API shows it to the actor (GET /api/tickets/:id). */
export type TicketDto = Awaited<ReturnType<ReturnType<typeof ticketsService>['get']>>;

// Stateless reads in the caller's transaction.
const reads = {
  /** The active portal users of a customer, whom notices about its tickets and orders go to. */
  customerUsers,
  /** When a ticket's fault was reported and occurred (null: no such ticket). */
  reportTimesOf,
};

/**
 * What other modules may do with tickets: read one as the actor (`get`, also inside their
 * transaction), and inside their own transaction register one (`createInTx`), add a timeline entry,
 * route, resolve, close or cancel it (a complaint's steps), or move it with a work order's step.
 * The in-transaction calls return the outbox rows the caller delivers after its commit.
 */
export type TicketsApi = typeof reads &
  Pick<ReturnType<typeof ticketsService>, 'get' | 'createInTx'> &
  ReturnType<typeof ticketMoves>;

/** What registration and closing need from other modules. */
export type TicketsDeps = {
  db: Db;
  clock: Clock;
  storage: Storage;
  notifications: NotificationsApi;
  customers: Pick<CustomersApi, 'findCustomer'>;
  assets: Pick<AssetsApi, 'findAsset' | 'entitlementFor'>;
  /** A closed ticket owes a return visit, opened in the closing transaction. */
  followups: Pick<FollowupsApi, 'createServiceVisit'>;
};

/** 服务请求 (工单): registration, workflow, attachments, SLA clocks and their escalation jobs. */
export const buildTicketsModule = (
  deps: TicketsDeps,
): AppModule<TicketsApi> & {
  /** The use cases themselves, for the demo loader and the tests (app.services). */
  services: TicketServices;
} => {
  const { db, clock, notifications } = deps;
  const tickets = ticketsService({ db, notifications, customers: deps.customers, assets: deps.assets });
  const workflow = ticketWorkflow({ tickets, followups: deps.followups });
  const attachments = ticketAttachments({ db, storage: deps.storage });
  const sla = slaJobs({ db, clock, notifications });
  const handlers: JobHandlers = {
    'sla-recompute': (p) => sla.recompute(p),
    'sla-escalate': () => sla.escalate(),
  };
  return {
    name: 'tickets',
    routes: (app) => ticketsRoutes(app, { tickets, workflow, attachments }),
    handlers,
    api: { ...reads, get: tickets.get, createInTx: tickets.createInTx, ...ticketMoves({ tickets }) },
    services: { tickets, workflow, attachments, slaJobs: sla, handlers },
  };
};

/** The ticket services with the handlers of their SLA jobs. */
export type TicketServices = {
  tickets: ReturnType<typeof ticketsService>;
  workflow: ReturnType<typeof ticketWorkflow>;
  attachments: ReturnType<typeof ticketAttachments>;
  slaJobs: ReturnType<typeof slaJobs>;
  handlers: JobHandlers;
};
