import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/warranty/entitlement.ts';
import { writeAudit } from '../../platform/audit.ts';
import { fieldError } from '../../platform/errors.ts';
import { assertCan, type Permission, scopeFilter } from '../../platform/permissions.ts';
import type { AssetsApi } from '../assets/index.ts';
import type { CustomersApi } from '../customers/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { eventDto, eventRows, ticketSummaryDto } from './ticket-dto.ts';
import { choosePolicy, clocksFor, contextFor, storeClocks } from './ticket-sla.ts';
import * as dal from './tickets-dal.ts';
import type { CreateTicketBody } from './tickets-schemas.ts';
import type { Ctx } from './tickets-service.ts';

// Registration (产品售后服务登记): check the archive (查卷), snapshot the entitlement, choose the SLA
// policy, start the clocks, and answer from what the transaction already holds.

export type CreateTicketOpts = {
  /**
   * The permission that allows this registration: `ticket.create` for the desk and the portal; a
   * complaint registers its own ticket under `complaint.create`.
   */
  permission: Permission;
  /** Leave out the desk's "new request" notice: the caller tells its own people. */
  silent?: boolean;
};

/**
 * Registration inside a transaction the caller holds (complaints create their ticket in theirs).
 * Returns the ticket as the API shows it and the outbox rows to deliver after the commit.
 */
/** What registration needs from other modules: the customer and asset reads, the entitlement rule, notices. */
export type TicketCreateDeps = {
  notifications: NotificationsApi;
  customers: Pick<CustomersApi, 'findCustomer'>;
  assets: Pick<AssetsApi, 'findAsset' | 'entitlementFor'>;
};

export const createTicketInTx =
  ({ notifications, customers, assets }: TicketCreateDeps) =>
  async (tx: Executor, ctx: Ctx, input: Static<typeof CreateTicketBody>, opts: CreateTicketOpts) => {
    assertCan(ctx.actor, opts.permission);
    const scope = scopeFilter(ctx.actor);
    const portal = ctx.actor.scope === 'customer';
    const now = ctx.clock.now();
    // Customers report "now"; the desk may register a call or letter received earlier.
    const reportedAt = !portal && input.reportedAt ? new Date(input.reportedAt) : now;
    if (reportedAt.getTime() > now.getTime() + 5 * 60_000) throw fieldError('reportedAt', 'is in the future');
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : null;
    if (occurredAt && occurredAt > reportedAt) throw fieldError('occurredAt', 'is after reportedAt');
    const deliveries: string[] = [];
    const customer = await customers.findCustomer(tx, input.customerId, scope);
    if (!customer) throw fieldError('customerId', 'refers to a record that does not exist');
    const asset = input.assetId ? await assets.findAsset(tx, input.assetId, scope) : null;
    if (input.assetId && !asset) throw fieldError('assetId', 'refers to a record that does not exist');
    if (asset && asset.asset.customerId !== customer.id)
      throw fieldError('assetId', 'belongs to another customer');
    // 查卷: the entitlement at the time of the fault, stored with its inputs so it can be explained later.
    const entitlement = asset
      ? {
          decidedAt: now.toISOString(),
          serialNo: asset.asset.serialNo,
          ...(await assets.entitlementFor(
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
    const day = formatLocal(DEFAULT_TIME_ZONE, reportedAt.getTime()).slice(0, 10).replaceAll('-', '');
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
    const events = eventRows({
      actor: ctx.actor,
      ticketId: ticket.id,
      events: [
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
      at: now,
    });
    await dal.insertEvents(tx, events);
    await writeAudit(tx, ctx, { action: 'create', entity: 'ticket', entityId: ticket.id, after: ticket });
    if (portal && !opts.silent) {
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
    const dto = {
      ...ticketSummaryDto(row, clocks, now),
      entitlement,
      slaMatch: portal ? null : match,
      events: events.filter((e) => !portal || e.visibility === 'customer').map(eventDto),
      attachments: [],
      pauses: [],
      escalations: [],
    };
    return { dto, deliveries };
  };

/** Registration in its own transaction; notices go out after the commit. */
export const createTicket = ({ db, ...deps }: { db: Db } & TicketCreateDeps) => {
  const { notifications } = deps;
  const inTx = createTicketInTx(deps);
  return async (ctx: Ctx, input: Static<typeof CreateTicketBody>) => {
    assertCan(ctx.actor, 'ticket.create');
    const { dto, deliveries } = await db.transaction((tx) =>
      inTx(tx, ctx, input, { permission: 'ticket.create' }),
    );
    await notifications.deliverSoon(deliveries);
    return dto;
  };
};
