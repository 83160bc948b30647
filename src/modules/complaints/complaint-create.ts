import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/warranty/entitlement.ts';
import { writeAudit } from '../../platform/audit.ts';
import { fieldError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/permissions.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import * as dal from './complaints-dal.ts';
import type { CreateComplaintBody } from './complaints-schemas.ts';
import {
  asComplaintReader,
  type ComplaintsService,
  type ComplaintTickets,
  type Ctx,
} from './complaints-service.ts';

// 客户投诉申请单: anyone on the staff records a complaint from any channel; a customer files one from
// the portal for itself. In the same transaction the complaint gets its own ticket (type complaint),
// whose SLA policy gives the 72-hour feedback clock with its reasons [seed 002 第四篇 4.6.4].

const SEVERITY_ZH: Record<string, string> = { low: '轻微', medium: '一般', high: '严重', critical: '重大' };

export const createComplaint =
  ({
    db,
    notifications,
    tickets,
    complaints,
  }: {
    db: Db;
    notifications: NotificationsApi;
    tickets: Pick<ComplaintTickets, 'createInTx' | 'addEventInTx'>;
    complaints: ComplaintsService;
  }) =>
  async (ctx: Ctx, input: Static<typeof CreateComplaintBody>) => {
    assertCan(ctx.actor, 'complaint.create');
    const portal = ctx.actor.scope === 'customer';
    const now = ctx.clock.now();
    // From the portal the complaint is always the customer's own, received now, through the web.
    // Another customer's id is refused, never replaced by the caller's own (as customers answer).
    if (portal && input.customerId !== ctx.actor.customerId)
      throw fieldError('customerId', 'is outside your data scope');
    const customerId = portal ? ctx.actor.customerId : input.customerId;
    if (!customerId) throw fieldError('customerId', 'refers to a record that does not exist');
    const receivedAt = !portal && input.receivedAt ? new Date(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw fieldError('receivedAt', 'is in the future');
    const deliveries: string[] = [];
    const id = await db.transaction(async (tx) => {
      // The ticket checks the customer and the asset against the actor's scope, and starts the clocks.
      const created = await tickets.createInTx(
        tx,
        ctx,
        {
          customerId,
          assetId: input.assetId ?? null,
          channel: portal ? 'web' : input.channel,
          type: 'complaint',
          urgent: input.severity === 'critical',
          title: input.subject,
          description: input.description,
          reportedAt: receivedAt.toISOString(),
          contactName: input.contactName ?? null,
          contactPhone: input.contactPhone ?? undefined,
        },
        { permission: 'complaint.create', silent: true },
      );
      deliveries.push(...created.deliveries);
      const ticket = created.dto;
      if (input.aboutTicketId) {
        const owner = await dal.customerOfTicket(tx, input.aboutTicketId);
        if (!owner) throw fieldError('aboutTicketId', 'refers to a record that does not exist');
        if (owner !== customerId) throw fieldError('aboutTicketId', 'belongs to another customer');
      }
      if (input.aboutWorkOrderId) {
        const owner = await dal.customerOfWorkOrder(tx, input.aboutWorkOrderId);
        if (!owner) throw fieldError('aboutWorkOrderId', 'refers to a record that does not exist');
        if (owner !== customerId) throw fieldError('aboutWorkOrderId', 'belongs to another customer');
      }
      const seq = await dal.nextNumber(tx);
      const day = formatLocal(DEFAULT_TIME_ZONE, receivedAt.getTime()).slice(0, 10).replaceAll('-', '');
      const feedback = ticket.sla.find((c) => c.metric === 'resolve');
      const row = await dal.insertComplaint(tx, {
        id: crypto.randomUUID(),
        number: `TS${day}${String(seq).padStart(6, '0')}`,
        customerId,
        ticketId: ticket.id,
        aboutTicketId: input.aboutTicketId ?? null,
        aboutWorkOrderId: input.aboutWorkOrderId ?? null,
        assetId: ticket.assetId,
        dealerId: ticket.dealerId,
        channel: ticket.channel,
        severity: input.severity,
        subject: input.subject,
        description: input.description,
        receivedBy: ctx.actor.userId,
        receivedAt,
        status: 'received',
        feedbackDueAt: feedback?.dueAt ? new Date(feedback.dueAt) : null,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, { action: 'create', entity: 'complaint', entityId: row.id, after: row });
      // The ticket's timeline names the complaint it serves.
      deliveries.push(
        ...(await tickets.addEventInTx(tx, ctx, ticket.id, {
          permission: 'complaint.create',
          event: {
            kind: 'complaint',
            visibility: 'customer',
            body: input.subject,
            data: { step: 'received', to: 'received', number: row.number, severity: row.severity },
          },
          audit: 'complaint:received',
        })),
      );
      // Quality handles complaints; serious ones reach the managers at once.
      const roles = ['quality', ...(['high', 'critical'].includes(input.severity) ? ['manager'] : [])];
      const to = await dal.usersWithRoles(tx, roles);
      if (to.length > 0)
        deliveries.push(
          ...(await notifications.notify(tx, {
            userIds: to,
            kind: 'complaint',
            title: `新客户投诉 ${row.number}（${SEVERITY_ZH[row.severity] ?? row.severity}）：${ticket.customerName}`,
            body: `${input.subject}\n${input.description.slice(0, 200)}`,
            ticketId: ticket.id,
            link: `/complaints/${row.id}`,
            dedupeKey: `complaint-created:${row.id}`,
          })),
        );
      return row.id;
    });
    await notifications.deliverSoon(deliveries);
    return complaints.get(asComplaintReader(ctx), id);
  };
