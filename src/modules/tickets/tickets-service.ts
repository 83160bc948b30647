import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/warranty/entitlement.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, type Permission, scopeFilter } from '../../platform/permissions.ts';
import { writeSheet } from '../imports/index.ts';
import type { Notice, NotificationsApi } from '../notifications/index.ts';
import type { ClockSeed } from './ticket-clocks.ts';
import { createTicket, createTicketInTx, type TicketCreateDeps } from './ticket-create.ts';
import { attachmentDto, eventDto, eventRows, type NewEvent, ticketSummaryDto } from './ticket-dto.ts';
import { choosePolicy, clocksFor, loadClockContext, storeClocks } from './ticket-sla.ts';
import * as dal from './tickets-dal.ts';
import type { ListTicketsQuery, UpdateTicketBody } from './tickets-schemas.ts';

export type { Ctx };

/** What one change to a ticket does, decided inside the transaction that holds the ticket's lock. */
export type Mutation = {
  patch?: Partial<dal.TicketRow>;
  events?: NewEvent[];
  /** Adjusts the clocks (stop a metric, restart arrange, cancel all); clocks are recomputed anyway. */
  clocks?: (seeds: ClockSeed[]) => ClockSeed[];
  notices?: Notice[];
  audit?: string;
};

const csv = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

export const ticketsService = ({ db, ...deps }: { db: Db } & TicketCreateDeps) => {
  const { notifications } = deps;
  const get = async (ctx: Ctx, id: string, exec: Executor = db) => {
    assertCan(ctx.actor, 'ticket.read');
    const row = await dal.findTicket(exec, id, scopeFilter(ctx.actor));
    if (!row) throw notFound('ticket', id);
    const customerView = ctx.actor.scope === 'customer';
    const now = ctx.clock.now();
    const cc = await loadClockContext(exec, row.ticket);
    const [stored, events, attachments, escalations] = await Promise.all([
      dal.clocksOf(exec, [id]),
      dal.eventsOf(exec, id, customerView),
      dal.attachmentsOf(exec, id, customerView),
      customerView ? Promise.resolve([]) : dal.escalationsOf(exec, id),
    ]);
    // Live figures (elapsed, remaining) for the page; the stored rows stay as the job last wrote them.
    const clocks = cc ? clocksFor({ ctx: cc, ticket: row.ticket, existing: stored, now }) : stored;
    return {
      ...ticketSummaryDto(row, clocks, now),
      entitlement: row.ticket.entitlement ?? null,
      slaMatch: customerView ? null : (row.ticket.slaMatch ?? null),
      events: events.map(eventDto),
      attachments: attachments.map(attachmentDto),
      pauses: (cc?.pauses ?? (await dal.pausesOf(exec, [id]))).map((p) => ({
        id: p.id,
        from: p.fromAt.toISOString(),
        to: p.toAt?.toISOString() ?? null,
        reason: p.reason,
      })),
      escalations: escalations.map((e) => ({
        metric: e.metric,
        stepIndex: e.stepIndex,
        percent: e.percent,
        level: e.level,
        reachedAt: e.reachedAt.toISOString(),
        firedAt: e.firedAt.toISOString(),
        reasons: e.reasons,
      })),
    };
  };

  type MutateOpts = {
    permission: Permission;
    version?: number;
    apply: (tx: Executor, ticket: dal.TicketRow, now: Date) => Promise<Mutation>;
  };

  /**
   * The one way tickets change, inside a transaction the caller holds: lock the row, check the
   * version, apply, recompute the clocks, write the events, audit and notifications. Returns the
   * outbox rows to deliver after the commit. Work orders use it to move their ticket in their own
   * transaction.
   */
  const applyInTx = async (tx: Executor, ctx: Ctx, id: string, opts: MutateOpts): Promise<string[]> => {
    assertCan(ctx.actor, opts.permission);
    const deliveries: string[] = [];
    const before = await dal.lockTicket(tx, id, scopeFilter(ctx.actor));
    if (!before) throw notFound('ticket', id);
    if (opts.version !== undefined && opts.version !== before.version)
      throw versionConflict('ticket', id, before.version);
    const now = ctx.clock.now();
    const m = await opts.apply(tx, before, now);
    let patch: Partial<dal.TicketRow> = { ...m.patch, updatedAt: now };
    const working = { ...before, ...patch } as dal.TicketRow;
    const cc = await loadClockContext(tx, working);
    if (cc) {
      const existing = await dal.clocksOf(tx, [id]);
      const clocks = clocksFor({ ctx: cc, ticket: working, existing, now, change: m.clocks });
      const summary = await storeClocks(tx, id, cc.calendar.id, clocks, now);
      patch = { ...patch, ...summary };
    }
    const after = await dal.updateTicket(tx, id, patch);
    await dal.insertEvents(
      tx,
      eventRows({ actor: ctx.actor, ticketId: id, events: m.events ?? [], at: now }),
    );
    await writeAudit(tx, ctx, {
      action: m.audit ?? 'update',
      entity: 'ticket',
      entityId: id,
      before,
      after,
    });
    for (const n of m.notices ?? []) deliveries.push(...(await notifications.notify(tx, n)));
    return deliveries;
  };

  /** applyInTx in its own transaction; deliveries go out after the commit. */
  const mutate = async (ctx: Ctx, id: string, opts: MutateOpts) => {
    assertCan(ctx.actor, opts.permission);
    const deliveries = await db.transaction((tx) => applyInTx(tx, ctx, id, opts));
    await notifications.deliverSoon(deliveries);
    return get(ctx, id);
  };

  const filterOf = (ctx: Ctx, q: Static<typeof ListTicketsQuery>): dal.ListFilter => {
    const now = ctx.clock.now().getTime();
    const dueBefore = q.overdue
      ? new Date(now)
      : q.dueWithinMinutes
        ? new Date(now + q.dueWithinMinutes * 60_000)
        : undefined;
    return {
      scope: scopeFilter(ctx.actor),
      statuses: csv(q.status),
      types: csv(q.type),
      channels: csv(q.channel),
      customerId: q.customerId,
      assetId: q.assetId,
      assigneeUserId: q.mine ? ctx.actor.userId : q.assigneeUserId,
      assigneeDealerId: q.assigneeDealerId,
      assigneeDepartmentId: q.assigneeDepartmentId,
      unassigned: q.unassigned,
      dueBefore,
      q: q.q,
      sort: q.sort ?? 'due',
      limit: q.limit,
      offset: q.offset,
    };
  };

  const list = async (ctx: Ctx, q: Static<typeof ListTicketsQuery>) => {
    assertCan(ctx.actor, 'ticket.read');
    const r = await dal.listTickets(db, filterOf(ctx, q));
    // One query for every clock of the page, not one per ticket.
    const clocks = await dal.clocksOf(
      db,
      r.items.map((i) => i.ticket.id),
    );
    const byTicket = new Map<string, dal.ClockRow[]>();
    for (const c of clocks) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c]);
    const now = ctx.clock.now();
    return {
      items: r.items.map((i) => ticketSummaryDto(i, byTicket.get(i.ticket.id) ?? [], now)),
      total: r.total,
      totalCapped: r.totalCapped,
    };
  };

  return {
    get,
    mutate,
    applyInTx,
    create: createTicket({ db, ...deps }),
    /** Registration inside the caller's transaction (a complaint creates its ticket in its own). */
    createInTx: createTicketInTx(deps),
    list,

    update: (ctx: Ctx, id: string, input: Static<typeof UpdateTicketBody>) => {
      const { version, ...rest } = input;
      return mutate(ctx, id, {
        permission: 'ticket.handle',
        version,
        apply: async (tx, t) => {
          const patch: Partial<dal.TicketRow> = {};
          for (const [k, v] of Object.entries(rest))
            if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
          if (rest.occurredAt !== undefined)
            patch.occurredAt = rest.occurredAt ? new Date(rest.occurredAt) : null;
          const events: NewEvent[] = [{ kind: 'updated', data: { fields: Object.keys(patch) } }];
          // Type and urgency decide the policy: a change re-matches it and restarts the clocks' terms.
          if (
            (rest.type && rest.type !== t.type) ||
            (rest.urgent !== undefined && rest.urgent !== t.urgent)
          ) {
            const { policy, match } = await choosePolicy(tx, {
              type: rest.type ?? t.type,
              channel: t.channel,
              grade: t.customerGrade,
              urgent: rest.urgent ?? t.urgent,
            });
            patch.slaPolicyId = policy?.id ?? null;
            patch.slaMatch = match;
            if (!policy) await dal.deleteClocksExcept(tx, t.id, []);
            events.push({ kind: 'sla_recomputed', data: { reason: 'type_or_urgency_changed', match } });
          }
          return { patch, events };
        },
      });
    },

    exportXlsx: async (ctx: Ctx, q: Static<typeof ListTicketsQuery>) => {
      assertCan(ctx.actor, 'ticket.read');
      const r = await dal.listTickets(db, { ...filterOf(ctx, q), limit: 10_000, offset: 0 });
      const local = (d: Date | null) => (d ? formatLocal(DEFAULT_TIME_ZONE, d.getTime()) : null);
      return writeSheet({
        sheet: '服务请求',
        columns: [
          { header: '编号', key: 'number' },
          { header: '客户', key: 'customer', width: 28 },
          { header: '序列号', key: 'serialNo' },
          { header: '渠道', key: 'channel' },
          { header: '类型', key: 'type' },
          { header: '紧急', key: 'urgent' },
          { header: '状态', key: 'status' },
          { header: '报修时间', key: 'reportedAt' },
          { header: '最近到期', key: 'nextDueAt' },
          { header: '负责人', key: 'assignee' },
          { header: '描述', key: 'description', width: 50 },
        ],
        rows: r.items.map((i) => ({
          number: i.ticket.number,
          customer: i.customerName,
          serialNo: i.serialNo,
          channel: i.ticket.channel,
          type: i.ticket.type,
          urgent: i.ticket.urgent ? '是' : '',
          status: i.ticket.status,
          reportedAt: local(i.ticket.reportedAt),
          nextDueAt: local(i.ticket.nextDueAt),
          assignee: i.assigneeName ?? i.assigneeDealerName ?? i.assigneeDepartmentName,
          description: i.ticket.description,
        })),
      });
    },
  };
};

export type TicketsService = ReturnType<typeof ticketsService>;
