import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { type EngineerCandidate, rankEngineers } from '../../domain/field/dispatch-suggest.ts';
import type { HoursRange, Weekday } from '../../domain/sla/calendar-types.ts';
import { assertCan, scopeFilter } from '../../platform/permissions.ts';
import { findCalendarsByIds } from '../calendars/index.ts';
import { activeEngineers, type EngineerRow, openLoads } from '../engineers/index.ts';
import { localToday, summaryDto } from './work-order-dto.ts';
import * as dal from './work-orders-dal.ts';
import type { BoardQuery } from './work-orders-schemas.ts';
import type { Ctx, WorkOrdersService } from './work-orders-service.ts';

// The dispatcher's board (days × engineers) and the ranked suggestion for one order. Both read the
// engineers, their loads and their calendars in a fixed number of queries, whatever the head count.

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

type CalendarDays = { weeklyHours: unknown; holidays: unknown; workdays: unknown };

/** Whether a calendar has working hours on a local date (holidays off, make-up days on). */
export const worksOn = (c: CalendarDays | undefined, date: string): boolean => {
  if (!c) return true;
  if ((c.workdays as string[]).includes(date)) return true;
  if ((c.holidays as string[]).includes(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return ((c.weeklyHours as Record<Weekday, HoursRange[]>)[wd] ?? []).length > 0;
};

const addDays = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

const calendarsOf = async (db: Db, engineers: EngineerRow[]) => {
  const ids = [...new Set(engineers.map((e) => e.calendarId).filter((x): x is string => !!x))];
  return new Map((await findCalendarsByIds(db, ids)).map((c) => [c.id, c]));
};

export const dispatchBoard = ({ db, orders }: { db: Db; orders: WorkOrdersService }) => ({
  /** Engineers ranked for one order on skill, region, load and deadline, each score explained. */
  suggestions: async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'engineer.read');
    const order = await orders.get(ctx, id);
    const now = ctx.clock.now();
    const day = order.plannedDate ?? localToday(now);
    const engineers = await activeEngineers(db, { scope: scopeFilter(ctx.actor) });
    const ids = engineers.map((e) => e.id);
    const [loads, onDay, calendars] = await Promise.all([
      openLoads(db, ids),
      dal.ordersOnDay(db, day),
      calendarsOf(db, engineers),
    ]);
    const candidates: EngineerCandidate[] = engineers.map((e) => ({
      id: e.id,
      name: e.name,
      trade: e.trade,
      skills: e.skills,
      regions: e.regions,
      dealerId: e.dealerId,
      serviceCentreId: e.serviceCentreId,
      // This order's own engineers are not extra load for it.
      openOrders: Math.max(0, (loads.get(e.id) ?? 0) - (order.engineers.some((x) => x.id === e.id) ? 1 : 0)),
      capacity: e.capacity,
      ordersOnDay: onDay.get(e.id) ?? 0,
      worksOnDay: worksOn(e.calendarId ? calendars.get(e.calendarId) : undefined, day),
    }));
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const ranked = rankEngineers(
      {
        trade: order.trade,
        category: order.category,
        region: order.region,
        dealerId: order.dealerId,
        deadlineAt: order.deadlineAt ? new Date(order.deadlineAt) : null,
        now,
      },
      candidates,
      10,
    );
    return {
      items: ranked.map((s) => ({
        ...s,
        openOrders: byId.get(s.engineerId)?.openOrders ?? 0,
        capacity: byId.get(s.engineerId)?.capacity ?? 0,
      })),
    };
  },

  board: async (ctx: Ctx, q: Static<typeof BoardQuery>) => {
    assertCan(ctx.actor, 'engineer.read');
    const scope = await orders.orderScope(db, ctx.actor);
    const to = addDays(q.from, q.days - 1);
    const engineers = await activeEngineers(db, {
      scope: scopeFilter(ctx.actor),
      q: q.q,
      dealerId: q.dealerId,
      serviceCentreId: q.serviceCentreId,
      limit: 500,
    });
    const [loads, planned, unplanned, calendars] = await Promise.all([
      openLoads(
        db,
        engineers.map((e) => e.id),
      ),
      dal.boardOrders(db, { scope, from: q.from, to }),
      dal.unplannedOrders(db, scope),
      calendarsOf(db, engineers),
    ]);
    const names = await dal.engineersOf(
      db,
      [...planned, ...unplanned].map((r) => r.order.id),
    );
    // A day is greyed when no engineer on the board works it.
    const days = Array.from({ length: q.days }, (_, i) => addDays(q.from, i)).map((date) => ({
      date,
      working:
        engineers.length === 0 ||
        engineers.some((e) => worksOn(e.calendarId ? calendars.get(e.calendarId) : undefined, date)),
    }));
    return {
      from: q.from,
      days,
      engineers: engineers.map((e) => ({
        id: e.id,
        name: e.name,
        trade: e.trade,
        regions: e.regions,
        openOrders: loads.get(e.id) ?? 0,
        capacity: e.capacity,
      })),
      orders: planned.map((r) => summaryDto(r, names.get(r.order.id) ?? [])),
      unplanned: unplanned.map((r) => summaryDto(r, names.get(r.order.id) ?? [])),
    };
  },
});
