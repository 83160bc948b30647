import type { Db } from '../../db/client.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppModule } from '../../platform/module.ts';
import { notificationsRoutes } from './notifications-routes.ts';
import { type NotificationsService, notificationsService } from './notifications-service.ts';
import { smtpSender } from './senders.ts';

export type { Notice, NotificationsService } from './notifications-service.ts';

/** What other modules may do: write notices and e-mails in their transaction, deliver after commit. */
export type NotificationsApi = Pick<
  NotificationsService,
  'notify' | 'queueEmails' | 'emailEnabled' | 'deliverSoon'
>;

/** 站内消息与外发通知: in-app notices, the e-mail/robot outbox and the webhooks admin. */
export const buildNotificationsModule = (deps: {
  db: Db;
  jobs: Jobs;
  clock: Clock;
  /** null: no SMTP server configured, in-app and robots only. */
  smtp: { url: string; from: string } | null;
  publicUrl: string;
}): AppModule<NotificationsApi> => {
  const notifications = notificationsService({
    db: deps.db,
    jobs: deps.jobs,
    clock: deps.clock,
    mail: deps.smtp ? smtpSender(deps.smtp.url, deps.smtp.from) : null,
    publicUrl: deps.publicUrl,
  });
  return {
    name: 'notifications',
    routes: (app) => notificationsRoutes(app, { notifications }),
    handlers: {
      'notify-deliver': (p) => notifications.deliver(p.deliveryId),
      'notify-sweep': () => notifications.sweep(),
    },
    api: {
      notify: notifications.notify,
      queueEmails: notifications.queueEmails,
      emailEnabled: notifications.emailEnabled,
      deliverSoon: notifications.deliverSoon,
    },
  };
};
