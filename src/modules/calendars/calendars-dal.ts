import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { calendars } from '../../db/schema/sla.ts';

export type CalendarRow = typeof calendars.$inferSelect;

export const listCalendars = (db: Executor) =>
  db.select().from(calendars).orderBy(sql`${calendars.code} is null`, asc(calendars.name));

export const findCalendar = async (db: Executor, id: string) =>
  (await db.select().from(calendars).where(eq(calendars.id, id)))[0] ?? null;

export const findCalendarsByIds = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as CalendarRow[])
    : db.select().from(calendars).where(sql`${calendars.id} in ${ids}`);

export const findCalendarByCode = async (db: Executor, code: string) =>
  (await db.select().from(calendars).where(eq(calendars.code, code)))[0] ?? null;

export const insertCalendar = async (db: Executor, row: typeof calendars.$inferInsert) =>
  (await db.insert(calendars).values(row).returning())[0]!;
