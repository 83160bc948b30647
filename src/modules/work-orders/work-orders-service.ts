import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, forbiddenAny, notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, can, type Permission, scopeFilter } from '../../platform/permissions.ts';
import { engineerOfUser } from '../engineers/index.ts';
import type { Notice, NotificationsApi } from '../notifications/index.ts';
import type { TicketsApi } from '../tickets/index.ts';
import { findTicketForOrder } from './ticket-link.ts';
import { detailDto, summaryDto } from './work-order-dto.ts';
import { computeMoney } from './work-order-money.ts';
import * as dal from './work-orders-dal.ts';
import type { ListWorkOrdersQuery } from './work-orders-schemas.ts';

export type { Ctx };

export type OrderEvent = { kind: string; data?: Record<string, unknown> };

/** What one change does, decided inside the transaction that holds the order's lock. */
export type OrderChange = {
  patch?: Partial<dal.WorkOrderRow>;
  events?: OrderEvent[];
  /** Re-run the entitlement and the charges (cause, hours, items or parts changed). */
  recompute?: boolean;
  audit: string;
  notices?: Notice[];
  /** Runs after the order row is written, in the same transaction (ticket steps, old-part returns). */
  after?: (tx: Executor, order: dal.WorkOrderRow, deliveries: string[]) => Promise<void>;
};

const csv = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export const workOrdersService = ({
  db,
  notifications,
  tickets,
}: {
  db: Db;
  notifications: NotificationsApi;
  tickets: Pick<TicketsApi, 'reportTimesOf'>;
}) => {
  /**
   * The scope of orders an actor sees: with `workorder.read` its data scope; a field engineer with
   * only `workorder.field` sees just the orders it is sent on.
   */
  const orderScope = async (exec: Executor, actor: Actor): Promise<dal.OrderScope> => {
    if (can(actor, 'workorder.read')) return scopeFilter(actor);
    if (!can(actor, 'workorder.field')) throw forbiddenAny(['workorder.read', 'workorder.field']);
    const me = await engineerOfUser(exec, actor.userId);
    return { ...scopeFilter(actor), engineerId: me?.id ?? null };
  };

  const get = async (ctx: Ctx, id: string, exec: Executor = db) => {
    const scope = await orderScope(exec, ctx.actor);
    const row = await dal.findOrder(exec, id, scope);
    if (!row) throw notFound('work_order', id);
    const [engineers, items, parts, photos, returns, feedback, events] = await Promise.all([
      dal.engineersOf(exec, [id]),
      dal.itemsOf(exec, id),
      dal.partLinesOf(exec, id),
      dal.photosOf(exec, id),
      dal.returnsOf(exec, id),
      dal.feedbackOf(exec, id),
      dal.eventsOf(exec, id),
    ]);
    return detailDto({
      row,
      engineers: engineers.get(id) ?? [],
      items,
      parts,
      photos,
      returns,
      feedback,
      events,
      now: ctx.clock.now(),
      customerView: ctx.actor.scope === 'customer',
    });
  };

  /**
   * The one way an order changes: lock, version check, apply, recompute who pays, events, audit and
   * notifications in one transaction; deliveries go out after the commit.
   */
  const mutate = async (
    ctx: Ctx,
    id: string,
    opts: {
      permissions: Permission[];
      version?: number;
      apply: (tx: Executor, order: dal.WorkOrderRow, now: Date) => Promise<OrderChange>;
    },
  ) => {
    if (!opts.permissions.some((p) => can(ctx.actor, p))) throw forbiddenAny(opts.permissions);
    const deliveries: string[] = [];
    await db.transaction(async (tx) => {
      const before = await dal.lockOrder(tx, id, await orderScope(tx, ctx.actor));
      if (!before) throw notFound('work_order', id);
      if (opts.version !== undefined && opts.version !== before.version)
        throw versionConflict('work_order', id, before.version);
      const now = ctx.clock.now();
      const change = await opts.apply(tx, before, now);
      const events = [...(change.events ?? [])];
      let patch: Partial<dal.WorkOrderRow> = {
        ...change.patch,
        version: before.version + 1,
        updatedAt: now,
      };
      if (change.recompute) {
        const ticket = await findTicketForOrder(tickets, tx, before.ticketId);
        const money = await computeMoney(tx, { ...before, ...patch }, ticket, now);
        patch = {
          ...patch,
          entitlement: money.entitlement,
          charges: money.charges,
          customerTotalFen: money.customerTotalFen,
          companyCostFen: money.companyCostFen,
          quoteRequired: money.quoteRequired,
        };
        // An accepted quote covers what it said: more to pay needs the customer's yes again.
        const quoted = (before.quote as { customerTotalFen?: number } | null)?.customerTotalFen ?? 0;
        if (before.quoteStatus === 'accepted' && money.customerTotalFen > quoted) {
          patch = { ...patch, quoteStatus: 'none' };
          events.push({
            kind: 'quote_outdated',
            data: { quotedFen: quoted, nowFen: money.customerTotalFen },
          });
        }
        if (
          before.customerTotalFen !== money.customerTotalFen ||
          before.quoteRequired !== money.quoteRequired
        )
          events.push({
            kind: 'charges',
            data: { customerTotalFen: money.customerTotalFen, quoteRequired: money.quoteRequired },
          });
        await syncOldPartReturns(tx, { ...before, ...patch }, money.partCoverage, now);
      }
      const after = await dal.updateOrder(tx, id, patch);
      await dal.insertEvents(
        tx,
        events.map((e) => ({
          workOrderId: id,
          kind: e.kind,
          data: e.data ?? {},
          actorId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          at: now,
        })),
      );
      await writeAudit(tx, ctx, { action: change.audit, entity: 'work_order', entityId: id, before, after });
      if (change.after) await change.after(tx, after, deliveries);
      for (const n of change.notices ?? []) deliveries.push(...(await notifications.notify(tx, n)));
    });
    await notifications.deliverSoon(deliveries);
    return get(ctx, id);
  };

  /**
   * Every consumed in-warranty (free) part must come back (旧件返回); a line that stops being free
   * (the cause changed) no longer owes its old part, and one that becomes free again owes it again.
   */
  const syncOldPartReturns = async (
    tx: Executor,
    order: dal.WorkOrderRow,
    coverage: Map<string, string>,
    now: Date,
  ) => {
    const lines = await dal.partLinesOf(tx, order.id);
    for (const l of lines) {
      if (l.line.status !== 'consumed') continue;
      await dal.syncReturn(tx, {
        line: l.line,
        free: coverage.get(l.line.id) === 'free',
        order,
        now,
      });
    }
  };

  return {
    db,
    get,
    mutate,
    orderScope,

    list: async (ctx: Ctx, q: Static<typeof ListWorkOrdersQuery>) => {
      const scope = await orderScope(db, ctx.actor);
      let engineerId = q.engineerId;
      if (q.mine)
        engineerId =
          (await engineerOfUser(db, ctx.actor.userId))?.id ?? '00000000-0000-0000-0000-000000000000';
      const r = await dal.listOrders(db, {
        scope,
        statuses: csv(q.status),
        ticketId: q.ticketId,
        assetId: q.assetId,
        engineerId,
        plannedFrom: q.plannedFrom,
        plannedTo: q.plannedTo,
        unplanned: q.unplanned,
        q: q.q,
        limit: q.limit,
        offset: q.offset,
      });
      const engineers = await dal.engineersOf(
        db,
        r.items.map((i) => i.order.id),
      );
      return { items: r.items.map((i) => summaryDto(i, engineers.get(i.order.id) ?? [])), total: r.total };
    },

    openPaperwork: async (ctx: Ctx) => {
      const scope = await orderScope(db, ctx.actor);
      const r = await dal.listOrders(db, { scope, paperworkOpen: true, limit: 200, offset: 0 });
      const engineers = await dal.engineersOf(
        db,
        r.items.map((i) => i.order.id),
      );
      return { items: r.items.map((i) => summaryDto(i, engineers.get(i.order.id) ?? [])), total: r.total };
    },
  };
};

export type WorkOrdersService = ReturnType<typeof workOrdersService>;

/** A permission check for a step several roles may take (the desk, a dealer, the engineer). */
export const assertAny = (actor: Actor, permissions: Permission[]) => {
  if (!permissions.some((p) => can(actor, p))) throw forbiddenAny(permissions);
};

export const noEngineer = () => fieldError('engineerIds', 'refers to an engineer that does not exist');
export const stateError = (from: string, to: string, extra?: Record<string, unknown>) =>
  new AppError('invalid_state', {
    message: `cannot go from ${from} to ${to}`,
    details: { from, to, ...extra },
  });
export { assertCan };
