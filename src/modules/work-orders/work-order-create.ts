import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/warranty/entitlement.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { assertCan, inScope } from '../../platform/permissions.ts';
import { engineersByIds } from '../engineers/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import type { TicketsApi } from '../tickets/index.ts';
import { moveTicket } from './ticket-link.ts';
import { computeMoney } from './work-order-money.ts';
import * as dal from './work-orders-dal.ts';
import type { CreateWorkOrderBody } from './work-orders-schemas.ts';
import type { Ctx, WorkOrdersService } from './work-orders-service.ts';

// 开派工单: a ticket becomes one or more field jobs. With engineers named, the order is dispatched at
// once and the ticket counts as arranged.

export const checkEngineers = async (tx: Parameters<typeof engineersByIds>[0], ctx: Ctx, ids: string[]) => {
  const found = await engineersByIds(tx, ids);
  ids.forEach((id, i) => {
    const e = found.find((f) => f.id === id);
    if (!e?.active) throw fieldError(`engineerIds[${i}]`, 'refers to an engineer that does not exist');
    if (ctx.actor.scope === 'dealer' && e.dealerId !== ctx.actor.dealerId)
      throw fieldError(`engineerIds[${i}]`, 'is not an engineer of your dealer');
  });
  return found;
};

export const createWorkOrder =
  ({
    db,
    notifications,
    tickets,
    orders,
  }: {
    db: Db;
    notifications: NotificationsApi;
    tickets: Pick<TicketsApi, 'followWorkOrderInTx'>;
    orders: WorkOrdersService;
  }) =>
  async (ctx: Ctx, ticketId: string, input: Static<typeof CreateWorkOrderBody>) => {
    assertCan(ctx.actor, 'workorder.write');
    const deliveries: string[] = [];
    const id = await db.transaction(async (tx) => {
      const job = await dal.jobContext(tx, ticketId);
      if (!job || !inScope(ctx.actor, { dealerId: job.ticket.dealerId, customerId: job.ticket.customerId }))
        throw notFound('ticket', ticketId);
      if (['closed', 'cancelled'].includes(job.ticket.status))
        throw new AppError('invalid_state', {
          message: `ticket ${job.ticket.number} is ${job.ticket.status}`,
          details: { status: job.ticket.status },
        });
      const engineerIds = input.engineerIds ?? [];
      await checkEngineers(tx, ctx, engineerIds);
      const now = ctx.clock.now();
      const seq = await dal.nextNumber(tx);
      const day = formatLocal(DEFAULT_TIME_ZONE, now.getTime()).slice(0, 10).replaceAll('-', '');
      const dispatched = engineerIds.length > 0;
      const order = await dal.insertOrder(tx, {
        number: `WO${day}${String(seq).padStart(5, '0')}`,
        ticketId,
        customerId: job.ticket.customerId,
        assetId: job.ticket.assetId,
        dealerId: job.ticket.dealerId,
        status: dispatched ? 'dispatched' : 'planned',
        task: input.task.trim(),
        trade: input.trade ?? null,
        category: job.category ?? null,
        region: input.region ?? job.customerRegion ?? null,
        address: input.address ?? job.ticket.address ?? job.customerAddress ?? null,
        deadlineAt: input.deadlineAt ? new Date(input.deadlineAt) : (job.ticket.nextDueAt ?? null),
        plannedDate: input.plannedDate ?? null,
        dispatchedAt: dispatched ? now : null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await dal.setEngineers(
        tx,
        order.id,
        engineerIds.map((e, i) => ({ engineerId: e, lead: i === 0 })),
        now,
      );
      const money = await computeMoney(tx, order, job.ticket, now);
      const after = await dal.updateOrder(tx, order.id, {
        entitlement: money.entitlement,
        charges: money.charges,
        customerTotalFen: money.customerTotalFen,
        companyCostFen: money.companyCostFen,
        quoteRequired: money.quoteRequired,
      });
      await dal.insertEvents(tx, [
        {
          workOrderId: order.id,
          kind: 'created',
          data: {
            ticket: job.ticket.number,
            engineers: engineerIds.length,
            quoteRequired: money.quoteRequired,
          },
          actorId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          at: now,
        },
      ]);
      await writeAudit(tx, ctx, { action: 'create', entity: 'work_order', entityId: order.id, after });
      if (dispatched)
        await moveTicket({
          tx,
          ctx,
          tickets,
          ticketId,
          to: 'arranged',
          at: now,
          orderNumber: order.number,
          deliveries,
        });
      return order.id;
    });
    await notifications.deliverSoon(deliveries);
    return orders.get(ctx, id);
  };
