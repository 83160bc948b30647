import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { CAUSE_CLASSES } from '../../domain/complaints/complaint-status.ts';
import { pareto } from '../../domain/complaints/pareto.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, type Permission, scopeFilter } from '../../platform/permissions.ts';
import { toInstant } from '../../platform/schemas.ts';
import type { Notice, NotificationsApi } from '../notifications/index.ts';
import type { TicketEventInput, TicketsApi } from '../tickets/index.ts';
import { detailDto, summaryDto } from './complaint-dto.ts';
import * as dal from './complaints-dal.ts';
import type { CausesQuery, ListComplaintsQuery } from './complaints-schemas.ts';
import { suggestionsOf } from './improvement-dal.ts';

export type { Ctx };

/** What complaints use of the tickets module: read, register, and move the complaint's own ticket. */
export type ComplaintTickets = Pick<
  TicketsApi,
  'get' | 'createInTx' | 'addEventInTx' | 'routeToDepartmentInTx' | 'resolveInTx' | 'closeInTx' | 'cancelInTx'
>;

/**
 * What one step does to the complaint's ticket: the entry on its timeline, the audit action, and
 * the move it makes (none: the entry alone). The tickets module decides what each move means for
 * the ticket's status and clocks.
 */
export type TicketSide = {
  event: TicketEventInput;
  audit: string;
  move?:
    | { to: 'department'; departmentId: string }
    | { to: 'resolved'; at: Date; resolution: string }
    | { to: 'closed'; at: Date }
    | { to: 'cancelled'; at: Date };
};

/** What one change does, decided inside the transaction that holds the complaint's lock. */
export type ComplaintChange = {
  patch: Partial<dal.ComplaintRow>;
  audit: string;
  /** The complaint ticket's side of the step (status, clocks, the timeline event), same transaction. */
  ticket?: TicketSide;
  notices?: Notice[];
  /** Runs after the complaint row is written, in the same transaction (the second return visit). */
  after?: (tx: Executor, row: dal.ComplaintRow) => Promise<void>;
};

const csv = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const DAY_MS = 86_400_000;

/**
 * Reading a complaint includes reading its own ticket (clocks, timeline): a role may have
 * complaint.read without ticket.read. The data scope stays the actor's.
 */
export const asTicketReader = (ctx: Ctx): Ctx => withPermission(ctx, 'ticket.read');

/**
 * Whoever files or changes a complaint gets it back in the answer, even with complaint.create or
 * complaint.handle alone (engineers may file complaints without reading the complaint list).
 */
export const asComplaintReader = (ctx: Ctx): Ctx => withPermission(ctx, 'complaint.read');

const withPermission = (ctx: Ctx, p: Permission): Ctx =>
  ctx.actor.permissions.has(p)
    ? ctx
    : { ...ctx, actor: { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, p]) } };

export const complaintsService = ({
  db,
  notifications,
  tickets,
}: {
  db: Db;
  notifications: NotificationsApi;
  tickets: ComplaintTickets;
}) => {
  const get = async (ctx: Ctx, id: string, exec: Executor = db) => {
    assertCan(ctx.actor, 'complaint.read');
    const row = await dal.findComplaint(exec, id, scopeFilter(ctx.actor));
    if (!row) throw notFound('complaint', id);
    const customerView = ctx.actor.scope === 'customer';
    const ticketId = row.complaint.ticketId;
    const [ticket, suggestions] = await Promise.all([
      ticketId ? tickets.get(asTicketReader(ctx), ticketId, exec) : Promise.resolve(null),
      customerView ? Promise.resolve([]) : suggestionsOf(exec, id),
    ]);
    return detailDto({ row, now: ctx.clock.now(), customerView, ticket, suggestions });
  };

  /** The 72-hour clock (the ticket's resolve clock) as it stands now, inside the caller's transaction. */
  const feedbackClock = async (tx: Executor, ctx: Ctx, ticketId: string | null) => {
    if (!ticketId) return null;
    const t = await tickets.get(asTicketReader(ctx), ticketId, tx);
    return t.sla.find((c) => c.metric === 'resolve') ?? null;
  };

  /** The complaint ticket's side of a step, in the complaint's transaction; returns the outbox rows. */
  const moveTicket = (tx: Executor, ctx: Ctx, ticketId: string, permission: Permission, side: TicketSide) => {
    const note = { permission, event: side.event, audit: side.audit };
    const m = side.move;
    switch (m?.to) {
      case undefined:
        return tickets.addEventInTx(tx, ctx, ticketId, note);
      case 'department':
        return tickets.routeToDepartmentInTx(tx, ctx, ticketId, { ...note, departmentId: m.departmentId });
      case 'resolved':
        return tickets.resolveInTx(tx, ctx, ticketId, { ...note, at: m.at, resolution: m.resolution });
      case 'closed':
        return tickets.closeInTx(tx, ctx, ticketId, { ...note, at: m.at });
      case 'cancelled':
        return tickets.cancelInTx(tx, ctx, ticketId, { ...note, at: m.at });
    }
  };

  /**
   * The one way a complaint changes: lock, version check, apply, move its ticket, audit and notices
   * in one transaction; deliveries go out after the commit.
   */
  const mutate = async (
    ctx: Ctx,
    id: string,
    opts: {
      permission: Permission;
      version?: number;
      apply: (tx: Executor, c: dal.ComplaintRow, now: Date) => Promise<ComplaintChange>;
    },
  ) => {
    assertCan(ctx.actor, opts.permission);
    const deliveries: string[] = [];
    await db.transaction(async (tx) => {
      const before = await dal.lockComplaint(tx, id, scopeFilter(ctx.actor));
      if (!before) throw notFound('complaint', id);
      if (opts.version !== undefined && opts.version !== before.version)
        throw versionConflict('complaint', id, before.version);
      const now = ctx.clock.now();
      const change = await opts.apply(tx, before, now);
      let patch: Partial<dal.ComplaintRow> = { ...change.patch, version: before.version + 1, updatedAt: now };
      if (change.ticket && before.ticketId) {
        deliveries.push(...(await moveTicket(tx, ctx, before.ticketId, opts.permission, change.ticket)));
        // Pauses on the ticket move the deadline: keep the stored due time (list, overdue filter) in step.
        const clock = await feedbackClock(tx, ctx, before.ticketId);
        if (clock?.dueAt) patch = { ...patch, feedbackDueAt: new Date(clock.dueAt) };
      }
      const after = await dal.updateComplaint(tx, id, patch);
      await writeAudit(tx, ctx, { action: change.audit, entity: 'complaint', entityId: id, before, after });
      if (change.after) await change.after(tx, after);
      for (const n of change.notices ?? [])
        if (n.userIds.length > 0) deliveries.push(...(await notifications.notify(tx, n)));
    });
    await notifications.deliverSoon(deliveries);
    return get(asComplaintReader(ctx), id);
  };

  return {
    db,
    get,
    mutate,
    feedbackClock,

    list: async (ctx: Ctx, q: Static<typeof ListComplaintsQuery>) => {
      assertCan(ctx.actor, 'complaint.read');
      const now = ctx.clock.now();
      const r = await dal.listComplaints(db, {
        scope: scopeFilter(ctx.actor),
        statuses: csv(q.status),
        severities: csv(q.severity),
        causeClasses: csv(q.causeClass),
        dealerId: q.dealerId,
        customerId: q.customerId,
        overdueAt: q.overdue ? now : undefined,
        q: q.q?.trim() || undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: r.items.map((i) => summaryDto(i, now)), total: r.total };
    },

    /**
     * Pareto of causes for complaints received in [from, to): a date `to` includes that whole day.
     * For the dashboards; in the caller's data scope.
     */
    causes: async (ctx: Ctx, q: Static<typeof CausesQuery>) => {
      assertCan(ctx.actor, 'complaint.read');
      const from = q.from ? toInstant(q.from) : undefined;
      const to = q.to
        ? new Date(toInstant(q.to).getTime() + (/^\d{4}-\d{2}-\d{2}$/.test(q.to) ? DAY_MS : 0))
        : undefined;
      const rows = await dal.causeCounts(db, {
        scope: scopeFilter(ctx.actor),
        from,
        to,
        dealerId: q.dealerId,
      });
      return pareto(
        rows.map((r) => ({ causeClass: r.causeClass, count: Number(r.count) })),
        CAUSE_CLASSES,
      );
    },

    /** People who may own a corrective action or a suggestion (quality may not read the user list). */
    actionOwners: async (ctx: Ctx) => {
      assertCan(ctx.actor, 'complaint.handle');
      return { items: await dal.listStaff(db) };
    },
  };
};

export type ComplaintsService = ReturnType<typeof complaintsService>;
