import type { Static } from '@sinclair/typebox';
import { reviewDueAt } from '../../domain/returns/return-deadlines.ts';
import { returnEligibility, validateReturnInput } from '../../domain/returns/return-eligibility.ts';
import { nextReturnAlert } from '../../domain/returns/return-status.ts';
import type { ReturnEligibilityInput } from '../../domain/returns/return-types.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { assertCan, scopeFilter } from '../../platform/permissions.ts';
import { returnDto, returnEventDto } from './return-dto.ts';
import { returnsWorkbook } from './return-export.ts';
import * as dal from './returns-dal.ts';
import type { ReturnsDeps } from './returns-deps.ts';
import type { CreateReturnBody, ListReturnsQuery } from './returns-schemas.ts';

const SHANGHAI = 'Asia/Shanghai';
const FUTURE_SLACK_MS = 5 * 60_000;

/** The domain rule's input problems, all of them, as one 400 naming each field. */
const invalid = (issues: { field: string; messageEn: string }[]) =>
  new AppError('validation_failed', {
    message: issues.map((i) => `${i.field}: ${i.messageEn}`).join('; '),
    details: issues.map((i) => ({ field: i.field, message: i.messageEn })),
  });

const day = (d: Date | string | null | undefined) =>
  d === null || d === undefined ? null : typeof d === 'string' ? new Date(d) : d;

export const returnsService = (deps: ReturnsDeps) => {
  const { db, customers, assets, users, notifications, tickets } = deps;

  const get = async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'return.read');
    const r = await dal.findReturn(db, id, scopeFilter(ctx.actor));
    if (!r) throw notFound('return', id);
    const events = await dal.eventsOf(db, id);
    const portal = ctx.actor.scope === 'customer';
    return {
      ...returnDto(r),
      events: events.filter((e) => !portal || e.visibility === 'customer').map(returnEventDto),
    };
  };

  const list = async (ctx: Ctx, q: Static<typeof ListReturnsQuery>) => {
    assertCan(ctx.actor, 'return.read');
    const r = await dal.listReturns(db, scopeFilter(ctx.actor), q);
    return { items: r.items.map(returnDto), total: r.total };
  };

  /** The queue as filtered, as .xlsx (at most 100,000 rows: the whole queue of a large company). */
  const exportXlsx = async (ctx: Ctx, q: Omit<Static<typeof ListReturnsQuery>, 'limit' | 'offset'>) => {
    assertCan(ctx.actor, 'return.read');
    const r = await dal.listReturns(db, scopeFilter(ctx.actor), { ...q, limit: 100_000, offset: 0 });
    return returnsWorkbook(r.items.map(returnDto));
  };

  /** 退换货登记: decide the 三包 options, start the review clock, open the request's ticket. */
  const create = async (ctx: Ctx, input: Static<typeof CreateReturnBody>) => {
    assertCan(ctx.actor, 'return.create');
    const portal = ctx.actor.scope === 'customer';
    const now = ctx.clock.now();
    if (portal && input.customerId !== ctx.actor.customerId)
      throw fieldError('customerId', 'is outside your data scope');
    // Customers ask "now"; the desk may register a request received earlier (a letter, a call).
    const submittedAt = !portal && input.submittedAt ? new Date(input.submittedAt) : now;
    if (submittedAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
      throw fieldError('submittedAt', 'is in the future');
    const base: ReturnEligibilityInput = {
      productCategory: input.productCategory,
      purchasedAt: input.purchasedAt,
      receivedAt: input.receivedAt ?? null,
      submittedAt,
      requested: input.requested,
      qualityFault: input.qualityFault,
      faultCode: input.faultCode ?? null,
      majorComponent: input.majorComponent ?? null,
      goodsComplete: input.goodsComplete,
      timeZone: SHANGHAI,
    };
    const issues = validateReturnInput(base);
    if (issues.length > 0) throw invalid(issues);
    if (input.majorComponent && input.productCategory !== 'equipment')
      throw fieldError('majorComponent', 'applies to equipment only');
    // A request filed from an existing return ticket is linked to it instead of opening another.
    const linked = input.ticketId ? await linkedTicket(ctx, input.ticketId, input.customerId) : null;
    const deliveries: string[] = [];
    const id = await db.transaction(async (tx) => {
      const scope = scopeFilter(ctx.actor);
      const customer = await customers.findCustomer(tx, input.customerId, scope);
      if (!customer) throw fieldError('customerId', 'refers to a record that does not exist');
      const assetId = input.assetId ?? linked?.assetId ?? null;
      const asset = assetId ? await assets.findAsset(tx, assetId, scope) : null;
      if (assetId && !asset) throw fieldError('assetId', 'refers to a record that does not exist');
      if (asset && asset.asset.customerId !== customer.id)
        throw fieldError('assetId', 'belongs to another customer');
      const repairs = asset ? await assets.repairsOf(tx, asset.asset.id) : [];
      // Equipment: the warranty on the day of the request decides repair and replacement.
      const ent =
        asset && input.productCategory === 'equipment'
          ? await assets.entitlementFor(tx, asset.asset, { at: submittedAt.toISOString() }, now)
          : null;
      const eligibility = returnEligibility({
        ...base,
        repairs,
        warranty: ent
          ? {
              inWarranty: ent.inWarranty,
              warrantyStart: day(ent.warrantyStart),
              warrantyEnd: day(ent.warrantyEnd),
            }
          : null,
      });
      const review = reviewDueAt(submittedAt, SHANGHAI);
      let ticket = linked ? { id: linked.id, number: linked.number, dealerId: null as string | null } : null;
      if (!ticket) {
        const created = await tickets.createInTx(
          tx,
          ctx,
          {
            customerId: customer.id,
            assetId: asset?.asset.id ?? null,
            channel: portal ? 'web' : 'phone',
            type: 'return',
            title: `退换货申请：${input.reason.slice(0, 60)}`,
            description: input.reason,
            reportedAt: submittedAt.toISOString(),
            contactPhone: input.contactPhone ?? null,
          },
          { permission: 'return.create', silent: true },
        );
        deliveries.push(...created.deliveries);
        ticket = created.dto;
      }
      const seq = await dal.nextReturnSeq(tx);
      const localDay = formatLocal(SHANGHAI, submittedAt.getTime()).slice(0, 10).replaceAll('-', '');
      const alert = nextReturnAlert({
        status: 'submitted',
        dueAt: review.dueAt,
        stepStartedAt: submittedAt,
        fired: [],
      });
      const row = await dal.insertReturn(tx, {
        number: `TH${localDay}${String(seq).padStart(6, '0')}`,
        status: 'submitted',
        customerId: customer.id,
        customerName: customer.name,
        assetId: asset?.asset.id ?? null,
        serialNo: asset?.asset.serialNo ?? null,
        modelName: asset?.modelName ?? null,
        dealerId: asset?.asset.dealerId ?? customer.dealerId ?? ticket.dealerId,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        source: portal ? 'portal' : 'desk',
        productCategory: input.productCategory,
        purchasedAt: input.purchasedAt,
        receivedAt: input.receivedAt ?? null,
        submittedAt,
        requested: input.requested,
        qualityFault: input.qualityFault,
        faultCode: input.faultCode ?? null,
        majorComponent: input.majorComponent ?? null,
        goodsComplete: input.goodsComplete,
        reason: input.reason,
        contactPhone: input.contactPhone ?? null,
        city: input.city ?? null,
        invoiceFen: input.invoiceFen ?? null,
        eligibility,
        deadlines: { review },
        reviewDueAt: review.dueAt,
        nextDueAt: review.dueAt,
        nextAlertAt: alert?.at ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await dal.insertEvents(tx, [
        {
          returnId: row.id,
          at: submittedAt,
          kind: 'submitted',
          actorId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          note: input.reason,
          data: {
            requested: input.requested,
            options: eligibility.options,
            requestedAllowed: eligibility.requestedAllowed,
            reviewDueAt: review.dueAt.toISOString(),
          },
        },
      ]);
      await writeAudit(tx, ctx, { action: 'create', entity: 'return', entityId: row.id, after: row });
      const desk = await users.activeUserIdsWithRoles(tx, ['desk'], row.dealerId);
      if (desk.length > 0)
        deliveries.push(
          ...(await notifications.notify(tx, {
            userIds: desk,
            kind: 'return',
            title: `新退换货申请 ${row.number}：${customer.name}`,
            body: `${input.reason.slice(0, 200)}\n审核期限：${formatLocal(SHANGHAI, review.dueAt.getTime())}`,
            ticketId: ticket.id,
            link: `/returns/${row.id}`,
            dedupeKey: `return-created:${row.id}`,
          })),
        );
      return row.id;
    });
    await notifications.deliverSoon(deliveries);
    return get(ctx, id);
  };

  const linkedTicket = async (ctx: Ctx, ticketId: string, customerId: string) => {
    const t = await tickets.get(ctx, ticketId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found')
        throw fieldError('ticketId', 'refers to a record that does not exist');
      throw err;
    });
    if (t.type !== 'return') throw fieldError('ticketId', 'is not a return request');
    if (t.customerId !== customerId) throw fieldError('ticketId', 'belongs to another customer');
    return t;
  };

  const pickupCities = async (ctx: Ctx) => {
    assertCan(ctx.actor, 'return.read');
    return { cities: await dal.pickupCities(db) };
  };

  const setPickupCities = async (ctx: Ctx, cities: string[]) => {
    assertCan(ctx.actor, 'return.settings');
    const clean = [...new Set(cities.map((c) => c.trim()).filter((c) => c.length > 0))];
    await db.transaction(async (tx) => {
      const before = await dal.pickupCities(tx);
      await dal.replacePickupCities(tx, clean);
      await writeAudit(tx, ctx, {
        action: 'update',
        entity: 'return_pickup_cities',
        entityId: null,
        before: { cities: before },
        after: { cities: clean },
      });
    });
    return { cities: clean.sort((a, b) => a.localeCompare(b, 'zh-CN')) };
  };

  return { get, list, exportXlsx, create, pickupCities, setPickupCities };
};

export type ReturnsService = ReturnType<typeof returnsService>;
