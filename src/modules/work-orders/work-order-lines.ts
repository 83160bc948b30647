import type { Static } from '@sinclair/typebox';
import type { Executor } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { scopeFilter } from '../../platform/permissions.ts';
import { insertEvent } from '../assets/index.ts';
import { consumeReserved, findLocation, findPart, releaseStock, reserveStock } from '../parts/index.ts';
import { FIELD, refuse } from './work-order-steps.ts';
import * as dal from './work-orders-dal.ts';
import type { ConsumePartBody, ItemBody, PartLineBody } from './work-orders-schemas.ts';
import type { Ctx, WorkOrdersService } from './work-orders-service.ts';

// Work items and parts used on a field job (the status steps are in work-order-steps.ts). Parts are
// reserved and consumed in the order's transaction; who pays is re-run after every change.

export const workOrderLines = ({ orders }: { orders: WorkOrdersService }) => {
  const addItem = (ctx: Ctx, id: string, input: Static<typeof ItemBody>) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      apply: async (tx, o) => {
        refuse(o, 'add work items');
        await dal.insertItem(tx, {
          ...input,
          description: input.description.trim(),
          workOrderId: o.id,
          createdBy: ctx.actor.userId,
        });
        return {
          events: [{ kind: 'item_added', data: { description: input.description } }],
          recompute: true,
          audit: 'item:add',
        };
      },
    });

  const removeItem = (ctx: Ctx, id: string, itemId: string) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      apply: async (tx, o) => {
        refuse(o, 'remove work items');
        const gone = await dal.deleteItem(tx, o.id, itemId);
        if (!gone) throw notFound('work_order_item', itemId);
        return {
          events: [{ kind: 'item_removed', data: { description: gone.description } }],
          recompute: true,
          audit: 'item:remove',
        };
      },
    });

  /** The part leaves stock for good; it counts as replaced on the asset (own part warranty). */
  const consumeLine = async (
    tx: Executor,
    ctx: Ctx,
    o: dal.WorkOrderRow,
    line: dal.PartLineRow,
    now: Date,
    serials: Static<typeof ConsumePartBody>,
  ) => {
    await consumeReserved(tx, {
      partId: line.partId,
      locationId: line.locationId,
      quantity: line.quantity,
      workOrderId: o.id,
      actorId: ctx.actor.userId,
    });
    await dal.updatePartLine(tx, line.id, {
      status: 'consumed',
      consumedAt: now,
      removedSerial: serials.removedSerial ?? line.removedSerial,
      fittedSerial: serials.fittedSerial ?? line.fittedSerial,
    });
    const part = await findPart(tx, line.partId);
    if (o.assetId && part)
      await insertEvent(tx, {
        assetId: o.assetId,
        kind: 'part_replaced',
        at: now,
        partCode: part.code,
        createdBy: ctx.actor.userId,
        note: o.number,
      });
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
        const part = await findPart(tx, input.partId);
        // A dealer uses its own stores only: others are out of its scope.
        const location = (await findLocation(tx, input.locationId, scopeFilter(ctx.actor)))?.location;
        if (!part?.active) throw fieldError('partId', 'refers to a part that does not exist');
        if (!location?.active)
          throw fieldError('locationId', 'refers to a stock location that does not exist');
        if (part.serialised && consume && input.quantity !== 1)
          throw fieldError('quantity', 'must be 1 for a serialised part (one line per serial number)');
        await reserveStock(tx, {
          partId: part.id,
          locationId: location.id,
          quantity: input.quantity,
          workOrderId: o.id,
          actorId: ctx.actor.userId,
        });
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
          events: [
            {
              kind: consume ? 'part_used' : 'part_reserved',
              data: { part: part.code, name: part.name, quantity: input.quantity, location: location.name },
            },
          ],
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
        if (line.status !== 'reserved')
          throw new AppError('invalid_state', { details: { status: line.status } });
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
          throw new AppError('invalid_state', {
            message: 'only a reservation can be released',
            details: { status: line.status },
          });
        await releaseStock(tx, {
          partId: line.partId,
          locationId: line.locationId,
          quantity: line.quantity,
          workOrderId: o.id,
          actorId: ctx.actor.userId,
        });
        await dal.updatePartLine(tx, line.id, { status: 'released' });
        return {
          events: [{ kind: 'part_released', data: { lineId } }],
          recompute: true,
          audit: 'part:release',
        };
      },
    });

  return { addItem, removeItem, addPart, consumePart, releasePart };
};
