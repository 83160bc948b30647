import type { Static } from '@sinclair/typebox';
import type { Executor } from '../../db/client.ts';
import { checkTransition, type QuoteStatus, type WorkOrderStatus } from '../../domain/field/work-order-status.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { insertEvent } from '../assets/assets-dal.ts';
import { consumeReserved, releaseStock, reserveStock } from '../parts/stock-ops.ts';
import type { TicketsService } from '../tickets/tickets-service.ts';
import { moveTicket } from './ticket-link.ts';
import { checkEngineers } from './work-order-create.ts';
import * as dal from './work-orders-dal.ts';
import type {
  ConsumePartBody,
  DiagnosisBody,
  DispatchBody,
  ItemBody,
  PartLineBody,
  UpdateWorkOrderBody,
  WorkOrderTransitionBody,
} from './work-orders-schemas.ts';
import type { Ctx, OrderChange, WorkOrdersService } from './work-orders-service.ts';

// The steps of a field job: dispatch, travel, check-in, diagnosis, work items, parts, check-out.
// Each is one `mutate` of the order; who pays is re-run whenever the work or the parts change.

const FIELD = ['workorder.write', 'workorder.field'] as const;
const closedForWork = (o: dal.WorkOrderRow) => ['signed', 'closed', 'cancelled'].includes(o.status);

const refuse = (o: dal.WorkOrderRow, what: string) => {
  if (closedForWork(o))
    throw new AppError('invalid_state', {
      message: `work order ${o.number} is ${o.status}: cannot ${what}`,
      details: { status: o.status },
    });
};

const atOf = (at: string | undefined, now: Date, o: dal.WorkOrderRow) => {
  if (!at) return now;
  const d = new Date(at);
  if (d.getTime() > now.getTime() + 5 * 60_000) throw fieldError('at', 'is in the future');
  if (d < o.createdAt) throw fieldError('at', 'is before the work order was created');
  return d;
};

export const workOrderSteps = ({ orders, tickets }: { orders: WorkOrdersService; tickets: TicketsService }) => {
  const guard = async (tx: Executor, o: dal.WorkOrderRow, to: WorkOrderStatus, engineerCount?: number) => {
    const count = engineerCount ?? (await dal.engineersOf(tx, [o.id])).get(o.id)?.length ?? 0;
    const c = checkTransition({
      from: o.status as WorkOrderStatus,
      to,
      engineerCount: count,
      hasSignature: o.signatureKey !== null,
      quoteRequired: o.quoteRequired,
      quoteStatus: o.quoteStatus as QuoteStatus,
      urgentApproved: o.urgentApprovedAt !== null,
      hasDiagnosis: !!o.diagnosis?.trim(),
    });
    if (!c.ok)
      throw new AppError(c.code === 'invalid_transition' ? 'invalid_state' : 'invalid_state', {
        message: c.messageEn,
        userMessage: c.message,
        details: { reason: c.code, field: c.field ?? null, from: o.status, to },
      });
  };

  const dispatch = (ctx: Ctx, id: string, input: Static<typeof DispatchBody>) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.write'],
      version: input.version,
      apply: async (tx, o, now) => {
        if (!['planned', 'dispatched'].includes(o.status))
          throw new AppError('invalid_state', { details: { from: o.status, to: 'dispatched' } });
        const found = await checkEngineers(tx, ctx, input.engineerIds);
        const lead = input.leadEngineerId ?? input.engineerIds[0]!;
        if (!input.engineerIds.includes(lead)) throw fieldError('leadEngineerId', 'is not one of engineerIds');
        await dal.setEngineers(
          tx,
          o.id,
          input.engineerIds.map((e) => ({ engineerId: e, lead: e === lead })),
          now,
        );
        const plannedDate = input.plannedDate === undefined ? o.plannedDate : input.plannedDate;
        return {
          patch: { status: 'dispatched', dispatchedAt: now, plannedDate },
          events: [
            {
              kind: 'dispatched',
              data: { engineers: found.map((e) => e.name), plannedDate, redispatch: o.status === 'dispatched' },
            },
          ],
          audit: 'dispatch',
          notices: [
            {
              userIds: found.map((e) => e.userId).filter((u): u is string => !!u),
              kind: 'work_order',
              title: `新派工单 ${o.number}`,
              body: `${o.task}${plannedDate ? `\n计划日期：${plannedDate}` : ''}`,
              ticketId: o.ticketId,
              link: `/m/work-orders/${o.id}`,
              dedupeKey: `dispatch:${o.id}:${o.version}`,
            },
          ],
          after: (t, order, deliveries) =>
            moveTicket({ tx: t, ctx, tickets, ticketId: order.ticketId, to: 'arranged', at: now, orderNumber: order.number, deliveries }),
        };
      },
    });

  const transition = (ctx: Ctx, id: string, input: Static<typeof WorkOrderTransitionBody>) =>
    orders.mutate(ctx, id, {
      permissions: input.to === 'planned' || input.to === 'cancelled' || input.to === 'closed' ? ['workorder.write'] : [...FIELD],
      version: input.version,
      apply: async (tx, o, now) => {
        await guard(tx, o, input.to);
        const at = atOf(input.at, now, o);
        const patch: Partial<dal.WorkOrderRow> = { status: input.to };
        const change: OrderChange = {
          patch,
          events: [{ kind: 'status', data: { from: o.status, to: input.to, note: input.note ?? null, at: at.toISOString() } }],
          audit: `status:${input.to}`,
        };
        switch (input.to) {
          case 'planned':
            await dal.setEngineers(tx, o.id, [], now);
            patch.dispatchedAt = null;
            break;
          case 'travelling':
            patch.travelStartedAt = at;
            break;
          case 'on_site':
            // 签到: the check-in ends the ticket's "on site" deadline at the check-in time.
            patch.checkInAt = o.checkInAt ?? at;
            change.after = (t, order, deliveries) =>
              moveTicket({ tx: t, ctx, tickets, ticketId: order.ticketId, to: 'in_progress', at, orderNumber: order.number, deliveries });
            break;
          case 'done':
            // 签退: the reserved parts that were not used go back to stock.
            patch.checkOutAt = at;
            patch.doneAt = at;
            for (const l of await dal.partLinesOf(tx, o.id))
              if (l.line.status === 'reserved') {
                await releaseStock(tx, { partId: l.line.partId, locationId: l.line.locationId, quantity: l.line.quantity, workOrderId: o.id, actorId: ctx.actor.userId });
                await dal.updatePartLine(tx, l.line.id, { status: 'released' });
              }
            change.recompute = true;
            break;
          case 'closed':
            patch.closedAt = at;
            await dal.setEngineersOpen(tx, o.id, false);
            break;
          case 'cancelled':
            for (const l of await dal.partLinesOf(tx, o.id))
              if (l.line.status === 'reserved') {
                await releaseStock(tx, { partId: l.line.partId, locationId: l.line.locationId, quantity: l.line.quantity, workOrderId: o.id, actorId: ctx.actor.userId });
                await dal.updatePartLine(tx, l.line.id, { status: 'released' });
              }
            await dal.setEngineersOpen(tx, o.id, false);
            break;
        }
        return change;
      },
    });

  const diagnose = (ctx: Ctx, id: string, input: Static<typeof DiagnosisBody>) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      version: input.version,
      apply: async (_tx, o) => {
        refuse(o, 'change the diagnosis');
        return {
          patch: {
            cause: input.cause,
            diagnosis: input.diagnosis.trim(),
            ...(input.meterHours !== undefined ? { meterHours: input.meterHours } : {}),
            ...(input.majorFault !== undefined ? { majorFault: input.majorFault } : {}),
          },
          events: [{ kind: 'diagnosis', data: { from: o.cause, cause: input.cause } }],
          recompute: true,
          audit: 'diagnosis',
        };
      },
    });

  const update = (ctx: Ctx, id: string, input: Static<typeof UpdateWorkOrderBody>) =>
    orders.mutate(ctx, id, {
      permissions: ['workorder.write', 'workorder.field'],
      version: input.version,
      apply: async (_tx, o) => {
        refuse(o, 'be edited');
        const { version: _v, deadlineAt, ...rest } = input;
        const patch: Partial<dal.WorkOrderRow> = Object.fromEntries(
          Object.entries(rest).filter(([, v]) => v !== undefined),
        );
        if (deadlineAt !== undefined) patch.deadlineAt = deadlineAt ? new Date(deadlineAt) : null;
        if (typeof patch.task === 'string') patch.task = patch.task.trim();
        return {
          patch,
          events: [{ kind: 'edited', data: { fields: Object.keys(patch) } }],
          recompute: input.travelKm !== undefined || input.meterHours !== undefined,
          audit: 'update',
        };
      },
    });

  const addItem = (ctx: Ctx, id: string, input: Static<typeof ItemBody>) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      apply: async (tx, o) => {
        refuse(o, 'add work items');
        await dal.insertItem(tx, { ...input, description: input.description.trim(), workOrderId: o.id, createdBy: ctx.actor.userId });
        return { events: [{ kind: 'item_added', data: { description: input.description } }], recompute: true, audit: 'item:add' };
      },
    });

  const removeItem = (ctx: Ctx, id: string, itemId: string) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      apply: async (tx, o) => {
        refuse(o, 'remove work items');
        const gone = await dal.deleteItem(tx, o.id, itemId);
        if (!gone) throw notFound('work_order_item', itemId);
        return { events: [{ kind: 'item_removed', data: { description: gone.description } }], recompute: true, audit: 'item:remove' };
      },
    });

  /** The part leaves stock for good; it counts as replaced on the asset (own part warranty). */
  const consumeLine = async (tx: Executor, ctx: Ctx, o: dal.WorkOrderRow, line: dal.PartLineRow, now: Date, serials: Static<typeof ConsumePartBody>) => {
    await consumeReserved(tx, { partId: line.partId, locationId: line.locationId, quantity: line.quantity, workOrderId: o.id, actorId: ctx.actor.userId });
    await dal.updatePartLine(tx, line.id, {
      status: 'consumed',
      consumedAt: now,
      removedSerial: serials.removedSerial ?? line.removedSerial,
      fittedSerial: serials.fittedSerial ?? line.fittedSerial,
    });
    const part = await dal.findPart(tx, line.partId);
    if (o.assetId && part)
      await insertEvent(tx, { assetId: o.assetId, kind: 'part_replaced', at: now, partCode: part.code, createdBy: ctx.actor.userId, note: o.number });
  };

  const addPart = (ctx: Ctx, id: string, input: Static<typeof PartLineBody>) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      apply: async (tx, o, now) => {
        refuse(o, 'add parts');
        const consume = input.consume ?? true;
        if (consume && !['on_site', 'done'].includes(o.status))
          throw new AppError('invalid_state', {
            message: 'parts are recorded as used on site (check in first)',
            details: { reason: 'not_on_site', status: o.status },
          });
        const part = await dal.findPart(tx, input.partId);
        const location = await dal.findLocation(tx, input.locationId);
        if (!part || !part.active) throw fieldError('partId', 'refers to a part that does not exist');
        if (!location || !location.active) throw fieldError('locationId', 'refers to a stock location that does not exist');
        if (ctx.actor.scope === 'dealer' && location.dealerId !== ctx.actor.dealerId)
          throw fieldError('locationId', 'is not a store of your dealer');
        if (part.serialised && consume && input.quantity !== 1)
          throw fieldError('quantity', 'must be 1 for a serialised part (one line per serial number)');
        await reserveStock(tx, { partId: part.id, locationId: location.id, quantity: input.quantity, workOrderId: o.id, actorId: ctx.actor.userId });
        const line = await dal.insertPartLine(tx, {
          workOrderId: o.id,
          partId: part.id,
          locationId: location.id,
          quantity: input.quantity,
          status: 'reserved',
          removedSerial: input.removedSerial ?? null,
          fittedSerial: input.fittedSerial ?? null,
          createdBy: ctx.actor.userId,
          createdAt: now,
        });
        if (consume) await consumeLine(tx, ctx, o, line, now, input);
        return {
          events: [{ kind: consume ? 'part_used' : 'part_reserved', data: { part: part.code, name: part.name, quantity: input.quantity, location: location.name } }],
          recompute: true,
          audit: consume ? 'part:use' : 'part:reserve',
        };
      },
    });

  const consumePart = (ctx: Ctx, id: string, lineId: string, input: Static<typeof ConsumePartBody>) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      apply: async (tx, o, now) => {
        refuse(o, 'use parts');
        if (!['on_site', 'done'].includes(o.status))
          throw new AppError('invalid_state', { details: { reason: 'not_on_site', status: o.status } });
        const line = await dal.findPartLine(tx, o.id, lineId);
        if (!line) throw notFound('work_order_part', lineId);
        if (line.status !== 'reserved') throw new AppError('invalid_state', { details: { status: line.status } });
        await consumeLine(tx, ctx, o, line, now, input);
        return { events: [{ kind: 'part_used', data: { lineId } }], recompute: true, audit: 'part:use' };
      },
    });

  const releasePart = (ctx: Ctx, id: string, lineId: string) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      apply: async (tx, o) => {
        const line = await dal.findPartLine(tx, o.id, lineId);
        if (!line) throw notFound('work_order_part', lineId);
        if (line.status !== 'reserved')
          throw new AppError('invalid_state', { message: 'only a reservation can be released', details: { status: line.status } });
        await releaseStock(tx, { partId: line.partId, locationId: line.locationId, quantity: line.quantity, workOrderId: o.id, actorId: ctx.actor.userId });
        await dal.updatePartLine(tx, line.id, { status: 'released' });
        return { events: [{ kind: 'part_released', data: { lineId } }], recompute: true, audit: 'part:release' };
      },
    });

  return { dispatch, transition, diagnose, update, addItem, removeItem, addPart, consumePart, releasePart };
};
