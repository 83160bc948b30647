import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { stockingPlans } from '../../db/schema/parts.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { checkPlanLines, type PlanLine, planDueOn, planTiming } from '../../domain/parts/stocking-plan.ts';
import { formatDay, localDay, zoneFor } from '../../domain/warranty/zoned-calendar.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import type { OrgApi } from '../org/index.ts';
import { partsByIds } from './parts-dal.ts';
import * as dal from './plans-dal.ts';
import type { CreatePlanBody, ListPlansQuery, PlanActionBody, UpdatePlanBody } from './plans-schemas.ts';

// 经销商备件储备计划 (SPEC §2.9): draft → submitted → approved. Dealers file their own; the company
// (stock.write) approves. A plan submitted after its due day (season start − 30 days) is accepted
// and marked late.

const ZONE = 'Asia/Shanghai';

const invalidState = (status: string, wanted: string) =>
  new AppError('invalid_state', {
    message: `stocking plan is ${status}, needs ${wanted}`,
    details: { status, required: wanted },
  });

const today = (now: Date) => formatDay(localDay(zoneFor(ZONE), now.getTime()));

export const stockingPlansService = ({ db, org }: { db: Db; org: Pick<OrgApi, 'findOrg'> }) => {
  const toDtos = async (tx: Executor, views: dal.PlanView[], now: Date) => {
    const lineParts = new Map(
      (
        await partsByIds(
          tx,
          views.flatMap((v) => (v.plan.lines as PlanLine[]).map((l) => l.partId)),
        )
      ).map((p) => [p.id, p]),
    );
    return views.map(({ plan: p, dealerName, approvedByName }) => {
      const timing = planTiming({
        seasonStart: p.seasonStart,
        submittedAt: p.submittedAt,
        now,
        timeZone: ZONE,
      });
      return {
        ...p,
        dealerName,
        approvedByName,
        lines: (p.lines as PlanLine[]).map((l) => {
          const part = lineParts.get(l.partId);
          return {
            partId: l.partId,
            partCode: part?.code ?? null,
            partName: part?.name ?? null,
            unit: part?.unit ?? null,
            quantity: l.quantity,
            note: l.note ?? null,
          };
        }),
        late: timing.late,
        daysLeft: timing.daysLeft,
        timing: timing.reason,
        submittedAt: iso(p.submittedAt),
        approvedAt: iso(p.approvedAt),
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      };
    });
  };

  const one = async (tx: Executor, id: string, now: Date) =>
    (await toDtos(tx, [(await dal.findPlan(tx, id, { kind: 'all' }))!], now))[0]!;

  /** The plan in the actor's scope, at the version the client read (a stale copy is a 409 first). */
  const load = async (tx: Executor, ctx: Ctx, id: string, version: number) => {
    const view = await dal.findPlan(tx, id, scopeFilter(ctx.actor));
    if (!view) throw notFound('stocking_plan', id);
    if (view.plan.version !== version) throw versionConflict('stocking_plan', id, view.plan.version);
    return view;
  };

  /** Shape, then existence of every part, each error on its own line's field. */
  const checkLines = async (tx: Executor, lines: PlanLine[], forSubmit = false) => {
    const errors = checkPlanLines(lines, { forSubmit });
    if (errors.length > 0) throw new AppError('validation_failed', { details: errors });
    const known = new Set(
      (
        await partsByIds(
          tx,
          lines.map((l) => l.partId),
        )
      ).map((p) => p.id),
    );
    const i = lines.findIndex((l) => !known.has(l.partId));
    if (i >= 0) throw fieldError(`lines[${i}].partId`, 'refers to a record that does not exist');
  };

  /** Dealer users file for their own dealer only; company staff name the dealer. */
  const dealerOf = async (tx: Executor, ctx: Ctx, requested: string | undefined) => {
    if (ctx.actor.scope === 'dealer') {
      if (!ctx.actor.dealerId || (requested && requested !== ctx.actor.dealerId))
        throw fieldError('dealerId', 'is outside your data scope');
      return ctx.actor.dealerId;
    }
    if (ctx.actor.scope === 'customer')
      throw new AppError('forbidden', { details: { permission: 'stock.plan' } });
    if (!requested) throw fieldError('dealerId', 'is required');
    if (!(await org.findOrg(tx, 'dealer', requested, { kind: 'all' })))
      throw fieldError('dealerId', 'refers to a record that does not exist');
    return requested;
  };

  const seasonTaken = () =>
    new AppError('duplicate', {
      details: [{ field: 'season', message: 'already has a plan for this dealer' }],
    });

  return {
    list: async (ctx: Ctx, q: Static<typeof ListPlansQuery>) => {
      assertCan(ctx.actor, 'part.read');
      const now = ctx.clock.now();
      const r = await dal.listPlans(db, { ...q, scope: scopeFilter(ctx.actor), today: today(now) });
      return { items: await toDtos(db, r.items, now), total: r.total };
    },

    get: async (ctx: Ctx, id: string) => {
      assertCan(ctx.actor, 'part.read');
      const view = await dal.findPlan(db, id, scopeFilter(ctx.actor));
      if (!view) throw notFound('stocking_plan', id);
      return (await toDtos(db, [view], ctx.clock.now()))[0]!;
    },

    create: async (ctx: Ctx, input: Static<typeof CreatePlanBody>) => {
      assertCan(ctx.actor, 'stock.plan');
      const now = ctx.clock.now();
      return db.transaction(async (tx) => {
        const dealerId = await dealerOf(tx, ctx, input.dealerId);
        const lines = (input.lines ?? []).map((l) => ({ ...l, note: l.note ?? null }));
        await checkLines(tx, lines);
        if (await dal.planSeasonTaken(tx, dealerId, input.season)) throw seasonTaken();
        const row = await dal.insertPlan(tx, {
          dealerId,
          season: input.season,
          seasonStart: input.seasonStart,
          dueOn: planDueOn(input.seasonStart),
          lines,
          note: input.note ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entity: 'stocking_plan',
          entityId: row.id,
          after: row,
        });
        return one(tx, row.id, now);
      });
    },

    update: async (ctx: Ctx, id: string, input: Static<typeof UpdatePlanBody>) => {
      assertCan(ctx.actor, 'stock.plan');
      const now = ctx.clock.now();
      const { version, ...rest } = input;
      return db.transaction(async (tx) => {
        const before = (await load(tx, ctx, id, version)).plan;
        // A submitted plan is what the company works from; it is no longer the dealer's to change.
        if (before.status !== 'draft') throw invalidState(before.status, 'draft');
        const lines = rest.lines?.map((l) => ({ ...l, note: l.note ?? null }));
        if (lines) await checkLines(tx, lines);
        if (rest.season !== undefined && (await dal.planSeasonTaken(tx, before.dealerId, rest.season, id)))
          throw seasonTaken();
        const after = await updateVersioned(tx, {
          table: stockingPlans,
          entity: 'stocking_plan',
          id,
          version,
          patch: definedOnly({
            ...rest,
            lines,
            dueOn: rest.seasonStart ? planDueOn(rest.seasonStart) : undefined,
          }),
          at: now,
        });
        await writeAudit(tx, ctx, { action: 'update', entity: 'stocking_plan', entityId: id, before, after });
        return one(tx, id, now);
      });
    },

    submit: async (ctx: Ctx, id: string, input: Static<typeof PlanActionBody>) => {
      assertCan(ctx.actor, 'stock.plan');
      const now = ctx.clock.now();
      return db.transaction(async (tx) => {
        const before = (await load(tx, ctx, id, input.version)).plan;
        if (before.status !== 'draft') throw invalidState(before.status, 'draft');
        await checkLines(tx, before.lines as PlanLine[], true);
        const after = await updateVersioned(tx, {
          table: stockingPlans,
          entity: 'stocking_plan',
          id,
          version: input.version,
          patch: definedOnly({ status: 'submitted', submittedAt: now, note: input.note }),
          at: now,
        });
        const timing = planTiming({ seasonStart: after.seasonStart, submittedAt: now, now, timeZone: ZONE });
        await writeAudit(tx, ctx, {
          action: 'submit',
          entity: 'stocking_plan',
          entityId: id,
          before,
          after: { ...after, late: timing.late, timing: timing.reason },
        });
        return one(tx, id, now);
      });
    },

    approve: async (ctx: Ctx, id: string, input: Static<typeof PlanActionBody>) => {
      assertCan(ctx.actor, 'stock.write');
      const now = ctx.clock.now();
      return db.transaction(async (tx) => {
        const before = (await load(tx, ctx, id, input.version)).plan;
        if (before.status !== 'submitted') throw invalidState(before.status, 'submitted');
        const after = await updateVersioned(tx, {
          table: stockingPlans,
          entity: 'stocking_plan',
          id,
          version: input.version,
          patch: definedOnly({
            status: 'approved',
            approvedAt: now,
            approvedBy: ctx.actor.userId,
            note: input.note,
          }),
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'approve',
          entity: 'stocking_plan',
          entityId: id,
          before,
          after,
        });
        return one(tx, id, now);
      });
    },
  };
};

export type StockingPlansService = ReturnType<typeof stockingPlansService>;
