import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { calendars } from '../../db/schema/sla.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { monthDays } from '../../domain/sla/calendar-days.ts';
import { validateCalendarSpec } from '../../domain/sla/calendar-spec.ts';
import type { CalendarSpec } from '../../domain/sla/calendar-types.ts';
import { missingHolidayYears } from '../../domain/sla/china-holidays.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import * as dal from './calendars-dal.ts';
import type { CreateCalendarBody, HolidayNoticeBody, UpdateCalendarBody } from './calendars-schemas.ts';

export const specOf = (c: dal.CalendarRow): CalendarSpec => ({
  timeZone: c.timeZone,
  weeklyHours: c.weeklyHours as CalendarSpec['weeklyHours'],
  holidays: c.holidays as string[],
  workdays: c.workdays as string[],
  workdayHours: (c.workdayHours as CalendarSpec['workdayHours']) ?? null,
});

/** The key a compiled calendar is cached under: any edit bumps the version and so the key. */
export const calendarKey = (c: dal.CalendarRow) => `${c.id}:${c.version}`;

const toDto = (c: dal.CalendarRow, now: Date) => ({
  ...c,
  ...specOf(c),
  workdayHours: specOf(c).workdayHours ?? null,
  dayNames: c.dayNames as Record<string, string>,
  // A calendar without any holiday data (7×24, hotline) needs no notice.
  missingHolidayYear:
    c.holidayYears.length > 0 ? (missingHolidayYears(c.holidayYears, now)[0] ?? null) : null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

const checkSpec = (spec: CalendarSpec) => {
  const issues = validateCalendarSpec(spec);
  if (issues.length > 0)
    throw new AppError('validation_failed', { message: issues[0]!.message, details: issues });
};

const sorted = (days: string[]) => [...new Set(days)].sort();

export const calendarsService = ({ db, jobs }: { db: Db; jobs: Jobs }) => {
  const load = async (id: string) => {
    const c = await dal.findCalendar(db, id);
    if (!c) throw notFound('calendar', id);
    return c;
  };

  /** Save a change and recompute the open tickets' clocks on this calendar (recorded on each ticket). */
  const save = async (ctx: Ctx, before: dal.CalendarRow, version: number, patch: Record<string, unknown>) => {
    const spec = { ...specOf(before), ...(patch as Partial<CalendarSpec>) };
    checkSpec(spec);
    const row = await db.transaction(async (tx) => {
      const after = await updateVersioned(tx, {
        table: calendars,
        entity: 'calendar',
        id: before.id,
        version,
        patch,
        at: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, { action: 'update', entity: 'calendar', entityId: before.id, before, after });
      return after;
    });
    await jobs.enqueue('sla-recompute', {
      calendarId: row.id,
      reason: `日历「${row.name}」已修改（版本 ${row.version}）`,
    });
    return toDto(row, ctx.clock.now());
  };

  return {
    list: async (ctx: Ctx) => {
      assertCan(ctx.actor, 'sla.read');
      const now = ctx.clock.now();
      return { items: (await dal.listCalendars(db)).map((c) => toDto(c, now)) };
    },

    get: async (ctx: Ctx, id: string) => {
      assertCan(ctx.actor, 'sla.read');
      return toDto(await load(id), ctx.clock.now());
    },

    create: async (ctx: Ctx, input: Static<typeof CreateCalendarBody>) => {
      assertCan(ctx.actor, 'sla.write');
      const spec: CalendarSpec = {
        timeZone: input.timeZone,
        weeklyHours: input.weeklyHours,
        holidays: sorted(input.holidays ?? []),
        workdays: sorted(input.workdays ?? []),
        workdayHours: input.workdayHours ?? null,
      };
      checkSpec(spec);
      const now = ctx.clock.now();
      const years = [...new Set([...spec.holidays, ...spec.workdays].map((d) => Number(d.slice(0, 4))))];
      return db.transaction(async (tx) => {
        const row = await dal.insertCalendar(tx, {
          name: input.name,
          ...spec,
          dayNames: input.dayNames ?? {},
          holidayYears: years.sort(),
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, { action: 'create', entity: 'calendar', entityId: row.id, after: row });
        return toDto(row, now);
      });
    },

    update: async (ctx: Ctx, id: string, input: Static<typeof UpdateCalendarBody>) => {
      assertCan(ctx.actor, 'sla.write');
      const { version, ...rest } = input;
      const patch: Record<string, unknown> = definedOnly(rest);
      if (patch.holidays) patch.holidays = sorted(patch.holidays as string[]);
      if (patch.workdays) patch.workdays = sorted(patch.workdays as string[]);
      return save(ctx, await load(id), version, patch);
    },

    /** Replaces one year's holidays and make-up days with the year's notice, as a table. */
    importNotice: async (ctx: Ctx, id: string, input: Static<typeof HolidayNoticeBody>) => {
      assertCan(ctx.actor, 'sla.write');
      const before = await load(id);
      const prefix = `${input.year}-`;
      const wrongYear = input.days.findIndex((d) => !d.date.startsWith(prefix));
      if (wrongYear >= 0)
        throw new AppError('validation_failed', {
          details: [{ field: `days[${wrongYear}].date`, message: `is not in ${input.year}` }],
        });
      const keep = (days: unknown) => (days as string[]).filter((d) => !d.startsWith(prefix));
      const names = Object.fromEntries(
        Object.entries(before.dayNames as Record<string, string>).filter(([d]) => !d.startsWith(prefix)),
      );
      for (const d of input.days) if (d.name) names[d.date] = d.name;
      return save(ctx, before, input.version, {
        holidays: sorted([
          ...keep(before.holidays),
          ...input.days.filter((d) => d.kind === 'holiday').map((d) => d.date),
        ]),
        workdays: sorted([
          ...keep(before.workdays),
          ...input.days.filter((d) => d.kind === 'workday').map((d) => d.date),
        ]),
        dayNames: names,
        holidayYears: [...new Set([...before.holidayYears, input.year])].sort(),
      });
    },

    month: async (ctx: Ctx, id: string, month: string) => {
      assertCan(ctx.actor, 'sla.read');
      const c = await load(id);
      return { items: monthDays({ spec: specOf(c), month, dayNames: c.dayNames as Record<string, string> }) };
    },
  };
};

export type CalendarsService = ReturnType<typeof calendarsService>;
