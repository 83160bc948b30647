import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { calendars, slaPolicies } from '../../db/schema/sla.ts';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

export const listPolicies = (db: Executor, opts: { activeOnly?: boolean } = {}) =>
  db
    .select({ policy: slaPolicies, calendarName: calendars.name })
    .from(slaPolicies)
    .leftJoin(calendars, eq(calendars.id, slaPolicies.calendarId))
    .where(opts.activeOnly ? eq(slaPolicies.active, true) : undefined)
    .orderBy(asc(slaPolicies.priority), asc(slaPolicies.name));

export const findPolicy = async (db: Executor, id: string) =>
  (
    await db
      .select({ policy: slaPolicies, calendarName: calendars.name })
      .from(slaPolicies)
      .leftJoin(calendars, eq(calendars.id, slaPolicies.calendarId))
      .where(eq(slaPolicies.id, id))
  )[0] ?? null;

export const insertPolicy = async (db: Executor, row: typeof slaPolicies.$inferInsert) =>
  (await db.insert(slaPolicies).values(row).returning())[0]!;
