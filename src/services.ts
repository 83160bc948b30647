import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db/client.ts';
import type { JobHandlers, Jobs } from './jobs/jobs.ts';
import { calendarsService } from './modules/calendars/calendars-service.ts';
import { notificationsService } from './modules/notifications/notifications-service.ts';
import { smtpSender } from './modules/notifications/senders.ts';
import { reviewsService } from './modules/reviews/reviews-service.ts';
import { slaService } from './modules/sla/sla-service.ts';
import { slaJobs } from './modules/tickets/sla-jobs.ts';
import { ticketAttachments } from './modules/tickets/ticket-attachments.ts';
import { ticketWorkflow } from './modules/tickets/ticket-workflow.ts';
import { ticketsService } from './modules/tickets/tickets-service.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Storage } from './platform/storage.ts';

/** The services of the service-request area and the job handlers that run their background work. */
export const buildTicketServices = (deps: {
  db: Db;
  config: Config;
  clock: Clock;
  jobs: Jobs;
  storage: Storage;
  log: FastifyBaseLogger;
}) => {
  const { db, config, clock, jobs } = deps;
  const notifications = notificationsService({
    db,
    jobs,
    clock,
    mail: config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : null,
    publicUrl: config.publicUrl,
  });
  const tickets = ticketsService({ db, notifications });
  const sla = slaJobs({ db, clock, notifications });
  const reviews = reviewsService({ db });
  const handlers: JobHandlers = {
    'sla-recompute': (p) => sla.recompute(p),
    'sla-escalate': () => sla.escalate(),
    'notify-deliver': (p) => notifications.deliver(p.deliveryId),
    'notify-sweep': () => notifications.sweep(),
    'customer-review': () => reviews.run({ actor: null, requestId: 'job', ip: null, clock }, 'scheduled'),
  };
  return {
    notifications,
    tickets,
    workflow: ticketWorkflow({ tickets }),
    attachments: ticketAttachments({ db, storage: deps.storage }),
    calendars: calendarsService({ db, jobs }),
    slaPolicies: slaService({ db, jobs }),
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
