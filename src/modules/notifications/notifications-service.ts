import type { Db, Executor } from '../../db/client.ts';
import { webhooks } from '../../db/schema/notifications.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import * as dal from './notifications-dal.ts';
import { robotPayload, type Sender, webhookSender } from './senders.ts';

export type Notice = {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  ticketId?: string | null;
  link?: string | null;
  /** Same key, same message: a second writer (another worker) adds nothing. */
  dedupeKey: string;
  /** Robots get only kinds they subscribe to (escalations by default). */
  robots?: boolean;
};

const MAX_ATTEMPTS = 5;

export const notificationsService = ({
  db,
  jobs,
  clock,
  mail,
  publicUrl,
}: {
  db: Db;
  jobs: Jobs;
  clock: Clock;
  /** null when no SMTP server is configured: in-app and robots only. */
  mail: Sender | null;
  publicUrl: string;
}) => {
  /**
   * Writes the in-app rows and the outbox rows in the caller's transaction; returns the outbox ids to
   * hand to `deliverSoon` after the commit.
   */
  const notify = async (tx: Executor, n: Notice): Promise<string[]> => {
    const now = clock.now();
    const userIds = [...new Set(n.userIds)];
    await dal.insertNotifications(
      tx,
      userIds.map((userId) => ({
        userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        ticketId: n.ticketId ?? null,
        link: n.link ?? null,
        createdAt: now,
      })),
    );
    const link = n.link ? `\n\n${publicUrl}${n.link}` : '';
    const rows: Parameters<typeof dal.insertDeliveries>[1] = [];
    if (mail) {
      for (const u of await dal.emailsOf(tx, userIds))
        if (u.email)
          rows.push({
            channel: 'email',
            target: u.email,
            subject: n.title,
            body: n.body + link,
            dedupeKey: `${n.dedupeKey}:email:${u.id}`,
            createdAt: now,
          });
    }
    if (n.robots) {
      for (const w of await dal.activeWebhooks(tx, n.kind))
        rows.push({
          channel: 'webhook',
          target: w.url,
          subject: n.title,
          body: n.body,
          payload: robotPayload(w.kind, n.title, n.body + link),
          dedupeKey: `${n.dedupeKey}:webhook:${w.id}`,
          createdAt: now,
        });
    }
    return dal.insertDeliveries(tx, rows);
  };

  /**
   * Queues plain e-mails to addresses that are not users (a customer contact's survey link) in the
   * caller's transaction; nothing without an SMTP server. Returns the outbox ids for `deliverSoon`.
   */
  const queueEmails = async (
    tx: Executor,
    mails: { to: string; subject: string; body: string; dedupeKey: string }[],
  ): Promise<string[]> => {
    if (!mail || mails.length === 0) return [];
    const now = clock.now();
    return dal.insertDeliveries(
      tx,
      mails.map((m) => ({
        channel: 'email',
        target: m.to,
        subject: m.subject,
        body: m.body,
        dedupeKey: m.dedupeKey,
        createdAt: now,
      })),
    );
  };

  const deliverSoon = async (ids: string[]) => {
    for (const deliveryId of ids) await jobs.enqueue('notify-deliver', { deliveryId });
  };

  /** Sends one outbox row. Claiming it first means two workers never send the same message. */
  const deliver = async (id: string) => {
    const d = await dal.claimDelivery(db, id);
    if (!d) return 'skipped' as const;
    try {
      if (d.channel === 'email') {
        if (!mail) throw new Error('no SMTP server configured');
        await mail(d);
      } else await webhookSender(d);
      await dal.finishDelivery(db, id, { status: 'sent', sentAt: clock.now(), lastError: null });
      return 'sent' as const;
    } catch (err) {
      const failed = d.attempts >= MAX_ATTEMPTS;
      await dal.finishDelivery(db, id, {
        status: failed ? 'failed' : 'pending',
        lastError: (err as Error).message.slice(0, 500),
      });
      return failed ? ('failed' as const) : ('retry' as const);
    }
  };

  /** Picks up what was not delivered right away (a worker stopped, the SMTP server was down). */
  const sweep = async () => {
    const ids = await dal.pendingDeliveryIds(db, new Date(clock.now().getTime() - 30_000), 200);
    for (const id of ids) await deliver(id);
    return ids.length;
  };

  return {
    notify,
    queueEmails,
    /** Whether e-mail goes out at all (an SMTP server is configured). */
    emailEnabled: mail !== null,
    deliverSoon,
    deliver,
    sweep,

    mine: async (ctx: Ctx, q: { unread?: boolean; limit: number }) => {
      const [items, unread] = await Promise.all([
        dal.listFor(db, ctx.actor.userId, { unreadOnly: q.unread ?? false, limit: q.limit }),
        dal.unreadCount(db, ctx.actor.userId),
      ]);
      return {
        unread,
        items: items.map((i) => ({
          ...i,
          readAt: i.readAt?.toISOString() ?? null,
          createdAt: i.createdAt.toISOString(),
        })),
      };
    },

    markRead: async (ctx: Ctx, ids: string[] | 'all') => {
      await dal.markRead(db, ctx.actor.userId, ids, ctx.clock.now());
      return { unread: await dal.unreadCount(db, ctx.actor.userId) };
    },

    deliveries: async (ctx: Ctx) => {
      assertCan(ctx.actor, 'sla.write');
      const rows = await dal.listDeliveries(db, 200);
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          target: r.target,
          subject: r.subject,
          status: r.status,
          attempts: r.attempts,
          lastError: r.lastError,
          sentAt: r.sentAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    listWebhooks: async (ctx: Ctx) => {
      assertCan(ctx.actor, 'sla.write');
      return { items: (await dal.listWebhooks(db)).map(webhookDto) };
    },

    createWebhook: async (
      ctx: Ctx,
      input: { name: string; kind: string; url: string; events?: string[]; active?: boolean },
    ) => {
      assertCan(ctx.actor, 'sla.write');
      const now = ctx.clock.now();
      return db.transaction(async (tx) => {
        const row = await dal.insertWebhook(tx, { ...input, createdAt: now, updatedAt: now });
        await writeAudit(tx, ctx, { action: 'create', entity: 'webhook', entityId: row.id, after: row });
        return webhookDto(row);
      });
    },

    updateWebhook: async (ctx: Ctx, id: string, input: { version: number } & Record<string, unknown>) => {
      assertCan(ctx.actor, 'sla.write');
      const { version, ...rest } = input;
      return db.transaction(async (tx) => {
        const before = await dal.findWebhook(tx, id);
        if (!before) throw notFound('webhook', id);
        const after = await updateVersioned(tx, {
          table: webhooks,
          entity: 'webhook',
          id,
          version,
          patch: definedOnly(rest),
          at: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'update', entity: 'webhook', entityId: id, before, after });
        return webhookDto(after);
      });
    },
  };
};

const webhookDto = (w: dal.WebhookRow) => ({
  ...w,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

export type NotificationsService = ReturnType<typeof notificationsService>;
