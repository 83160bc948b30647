import type { Static } from '@sinclair/typebox';
import type { Executor } from '../../db/client.ts';
import {
  checkTransition,
  type QuoteStatus,
  type WorkOrderStatus,
} from '../../domain/field/work-order-status.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { recordMeterReading } from '../assets/index.ts';
import { releaseStock } from '../parts/index.ts';
import type { TicketsApi } from '../tickets/index.ts';
import { moveTicket } from './ticket-link.ts';
import { checkEngineers } from './work-order-create.ts';
import * as dal from './work-orders-dal.ts';
import type {
  DiagnosisBody,
  DispatchBody,
  UpdateWorkOrderBody,
  WorkOrderTransitionBody,
} from './work-orders-schemas.ts';
import type { Ctx, OrderChange, WorkOrdersService } from './work-orders-service.ts';

// The status steps of a field job: dispatch, travel, check-in, diagnosis, check-out (items and parts:
// work-order-lines.ts).
// Each is one `mutate` of the order; who pays is re-run whenever the work or the parts change.

export const FIELD = ['workorder.write', 'workorder.field'] as const;
const closedForWork = (o: dal.WorkOrderRow) => ['signed', 'closed', 'cancelled'].includes(o.status);

export const refuse = (o: dal.WorkOrderRow, what: string) => {
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

export const workOrderSteps = ({
  orders,
  tickets,
}: {
  orders: WorkOrdersService;
  tickets: Pick<TicketsApi, 'followWorkOrderInTx'>;
}) => {
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
      throw new AppError('invalid_state', {
        message: c.messageEn,
        userMessage: { zh: c.message, en: c.messageEn },
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
        if (!input.engineerIds.includes(lead))
          throw fieldError('leadEngineerId', 'is not one of engineerIds');
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
              data: {
                engineers: found.map((e) => e.name),
                plannedDate,
                redispatch: o.status === 'dispatched',
              },
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
            moveTicket({
              tx: t,
              ctx,
              tickets,
              ticketId: order.ticketId,
              to: 'arranged',
              at: now,
              orderNumber: order.number,
              deliveries,
            }),
        };
      },
    });

  const transition = (ctx: Ctx, id: string, input: Static<typeof WorkOrderTransitionBody>) =>
    orders.mutate(ctx, id, {
      permissions:
        input.to === 'planned' || input.to === 'cancelled' || input.to === 'closed'
          ? ['workorder.write']
          : [...FIELD],
      version: input.version,
      apply: async (tx, o, now) => {
        await guard(tx, o, input.to);
        const at = atOf(input.at, now, o);
        const patch: Partial<dal.WorkOrderRow> = { status: input.to };
        const change: OrderChange = {
          patch,
          events: [
            {
              kind: 'status',
              data: { from: o.status, to: input.to, note: input.note ?? null, at: at.toISOString() },
            },
          ],
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
              moveTicket({
                tx: t,
                ctx,
                tickets,
                ticketId: order.ticketId,
                to: 'in_progress',
                at,
                orderNumber: order.number,
                deliveries,
              });
            break;
          case 'done':
            // 签退: the reserved parts that were not used go back to stock.
            patch.checkOutAt = at;
            patch.doneAt = at;
            for (const l of await dal.partLinesOf(tx, o.id))
              if (l.line.status === 'reserved') {
                await releaseStock(tx, {
                  partId: l.line.partId,
                  locationId: l.line.locationId,
                  quantity: l.line.quantity,
                  workOrderId: o.id,
                  actorId: ctx.actor.userId,
                });
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
                await releaseStock(tx, {
                  partId: l.line.partId,
                  locationId: l.line.locationId,
                  quantity: l.line.quantity,
                  workOrderId: o.id,
                  actorId: ctx.actor.userId,
                });
                await dal.updatePartLine(tx, l.line.id, { status: 'released' });
              }
            await dal.setEngineersOpen(tx, o.id, false);
            break;
        }
        return change;
      },
    });

  /**
   * A reading taken on site goes into the asset's reading history under the asset's rules (never
   * below its last reading), so the entitlement is only ever re-made on a reading that passed them.
   */
  const recordOnSiteReading = async (
    tx: Executor,
    ctx: Ctx,
    o: dal.WorkOrderRow,
    hours: number | null | undefined,
    now: Date,
  ) => {
    if (hours === undefined || hours === null || hours === o.meterHours || !o.assetId) return;
    await recordMeterReading(
      tx,
      ctx,
      o.assetId,
      { hours, readAt: now, source: `work_order:${o.number}` },
      { hours: 'meterHours', readAt: 'meterHours' },
    );
  };

  const diagnose = (ctx: Ctx, id: string, input: Static<typeof DiagnosisBody>) =>
    orders.mutate(ctx, id, {
      permissions: [...FIELD],
      version: input.version,
      apply: async (tx, o, now) => {
        refuse(o, 'change the diagnosis');
        await recordOnSiteReading(tx, ctx, o, input.meterHours, now);
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
      apply: async (tx, o, now) => {
        refuse(o, 'be edited');
        await recordOnSiteReading(tx, ctx, o, input.meterHours, now);
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

  return { dispatch, transition, diagnose, update };
};
