import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { type RequestContext, writeAudit } from '../../platform/audit.ts';
import { fieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, type Permission, scopeFilter } from '../../platform/permissions.ts';
import { findAsset } from '../assets/assets-dal.ts';
import { entitlementFor } from '../assets/entitlement-service.ts';
import { findCustomer } from '../customers/customers-dal.ts';
import { writeSheet } from '../imports/sheet.ts';
import type { Notice, NotificationsService } from '../notifications/notifications-service.ts';
import type { ClockSeed } from './ticket-clocks.ts';
import { attachmentDto, eventDto, ticketSummaryDto } from './ticket-dto.ts';
import { choosePolicy, clocksFor, contextFor, loadClockContext, storeClocks } from './ticket-sla.ts';
import * as dal from './tickets-dal.ts';
import type { CreateTicketBody, ListTicketsQuery, UpdateTicketBody } from './tickets-schemas.ts';

export type Ctx = RequestContext & { actor: Actor };
type NewEvent = { kind: string; visibility?: 'internal' | 'customer'; body?: string | null; data?: unknown };

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

export const ticketsService = ({ db, notifications }: { db: Db; notifications: NotificationsService }) => {
  const eventRows = (ctx: RequestContext, ticketId: string, events: NewEvent[], at: Date) =>
    events.map((e) => ({
      id: crypto.randomUUID(),
      ticketId,
      at,
      kind: e.kind,
      visibility: e.visibility ?? 'internal',
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.displayName ?? null,
      body: e.body ?? null,
      data: e.data ?? null,
    }));

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

  /**
   * The one way tickets change: lock the row, check the version, apply, recompute the clocks, write
   * the events, audit and notifications in the same transaction; deliveries go out after the commit.
   */
  const mutate = async (
    ctx: Ctx,
    id: string,
    opts: {
      permission: Permission;
      version?: number;
      apply: (tx: Executor, ticket: dal.TicketRow, now: Date) => Promise<Mutation>;
    },
  ) => {
    assertCan(ctx.actor, opts.permission);
    const deliveries: string[] = [];
    await db.transaction(async (tx) => {
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
      await dal.insertEvents(tx, eventRows(ctx, id, m.events ?? [], now));
      await writeAudit(tx, ctx, {
        action: m.audit ?? 'update',
        entity: 'ticket',
        entityId: id,
        before,
        after,
      });
      for (const n of m.notices ?? []) deliveries.push(...(await notifications.notify(tx, n)));
    });
    await notifications.deliverSoon(deliveries);
    return get(ctx, id);
  };

  const create = async (ctx: Ctx, input: Static<typeof CreateTicketBody>) => {
    assertCan(ctx.actor, 'ticket.create');
    const scope = scopeFilter(ctx.actor);
    const portal = ctx.actor.scope === 'customer';
    const now = ctx.clock.now();
    // Customers report "now"; the desk may register a call or letter received earlier.
    const reportedAt = !portal && input.reportedAt ? new Date(input.reportedAt) : now;
    if (reportedAt.getTime() > now.getTime() + 5 * 60_000) throw fieldError('reportedAt', 'is in the future');
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : null;
    if (occurredAt && occurredAt > reportedAt) throw fieldError('occurredAt', 'is after reportedAt');
    const deliveries: string[] = [];
    const dto = await db.transaction(async (tx) => {
      const customer = await findCustomer(tx, input.customerId, scope);
      if (!customer) throw fieldError('customerId', 'refers to a record that does not exist');
      const asset = input.assetId ? await findAsset(tx, input.assetId, scope) : null;
      if (input.assetId && !asset) throw fieldError('assetId', 'refers to a record that does not exist');
      if (asset && asset.asset.customerId !== customer.id)
        throw fieldError('assetId', 'belongs to another customer');
      // 查卷: the entitlement at the time of the fault, stored with its inputs so it can be explained later.
      const entitlement = asset
        ? {
            decidedAt: now.toISOString(),
            serialNo: asset.asset.serialNo,
            ...(await entitlementFor(
              tx,
              asset.asset,
              { at: (occurredAt ?? reportedAt).toISOString(), reportedAt: reportedAt.toISOString() },
              now,
            )),
          }
        : null;
      const urgent = input.urgent ?? false;
      const { policy, match } = await choosePolicy(tx, {
        type: input.type,
        channel: input.channel,
        grade: customer.grade,
        urgent,
      });
      const seq = await dal.nextTicketSeq(tx);
      const day = new Date(reportedAt.getTime() + 8 * 3_600_000)
        .toISOString()
        .slice(0, 10)
        .replaceAll('-', '');
      const ticket = await dal.insertTicket(tx, {
        id: crypto.randomUUID(),
        number: `SR${day}${String(seq).padStart(6, '0')}`,
        customerId: customer.id,
        assetId: asset?.asset.id ?? null,
        dealerId: customer.dealerId ?? asset?.asset.dealerId ?? null,
        channel: input.channel,
        type: input.type,
        urgent,
        customerGrade: customer.grade,
        status: 'new',
        title: input.title ?? null,
        description: input.description,
        request: input.request ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? customer.phone ?? null,
        address: input.address ?? customer.address ?? null,
        reportedAt,
        occurredAt,
        source: portal ? (input.viaQr ? 'qr' : 'portal') : 'staff',
        entitlement,
        slaPolicyId: policy?.id ?? null,
        slaMatch: match,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      // A new ticket has no pauses: the policy already chosen and its calendar are all the clocks need.
      const cc = policy ? await contextFor(tx, policy) : null;
      const clocks = cc ? clocksFor({ ctx: cc, ticket, existing: [], now }) : [];
      if (cc) {
        const summary = await storeClocks(tx, ticket.id, cc.calendar.id, clocks, now);
        await dal.setSlaSummary(tx, ticket.id, summary);
        Object.assign(ticket, summary);
      }
      const events = eventRows(
        ctx,
        ticket.id,
        [
          {
            kind: 'created',
            visibility: 'customer',
            body: input.description,
            data: {
              channel: input.channel,
              type: input.type,
              source: ticket.source,
              number: ticket.number,
            },
          },
          { kind: 'sla_policy', data: match },
          ...(entitlement
            ? [
                {
                  kind: 'entitlement',
                  data: { coverage: entitlement.coverage, inWarranty: entitlement.inWarranty },
                },
              ]
            : []),
        ],
        now,
      );
      await dal.insertEvents(tx, events);
      await writeAudit(tx, ctx, { action: 'create', entity: 'ticket', entityId: ticket.id, after: ticket });
      if (portal) {
        // A customer's own report reaches the desk at once.
        const desk = await dal.usersWithRoles(tx, ['desk'], null);
        deliveries.push(
          ...(await notifications.notify(tx, {
            userIds: desk.map((u) => u.id),
            kind: 'ticket',
            title: `新报修 ${ticket.number}：${customer.name}`,
            body: input.description.slice(0, 200),
            ticketId: ticket.id,
            link: `/tickets/${ticket.id}`,
            dedupeKey: `ticket-created:${ticket.id}`,
          })),
        );
      }
      // Answer from what this transaction already holds instead of reading it all back.
      const row = {
        ticket,
        customerName: customer.name,
        serialNo: asset?.asset.serialNo ?? null,
        assigneeName: null,
        assigneeDealerName: null,
        assigneeDepartmentName: null,
      };
      return {
        ...ticketSummaryDto(row, clocks, now),
        entitlement,
        slaMatch: portal ? null : match,
        events: events.filter((e) => !portal || e.visibility === 'customer').map(eventDto),
        attachments: [],
        pauses: [],
        escalations: [],
      };
    });
    await notifications.deliverSoon(deliveries);
    return dto;
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
    create,
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
      const local = (d: Date | null) =>
        d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;
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
