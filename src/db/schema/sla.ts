import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tsColumns, versionColumn } from './columns.ts';

// 服务时间日历: weekly hours (several intervals a day), public holidays and make-up working days (调休).
// Every SLA deadline is counted in the working time of one calendar.
export const calendars = pgTable(
  'calendars',
  {
    id: idColumn(),
    // Stable code for the calendars the product ships with (standard, hotline ...); null for user ones.
    code: text('code'),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    // { mon: [["08:30","12:00"],["13:00","17:30"]], ..., sun: [] }
    weeklyHours: jsonb('weekly_hours').notNull(),
    holidays: jsonb('holidays').notNull().default(sql`'[]'::jsonb`),
    // Make-up working days; they use workday_hours, or Monday's hours when that is null (SPEC §4).
    workdays: jsonb('workdays').notNull().default(sql`'[]'::jsonb`),
    workdayHours: jsonb('workday_hours'),
    // Holiday names by date (from the State Council notice) so the UI and the reasons can name them.
    dayNames: jsonb('day_names').notNull().default(sql`'{}'::jsonb`),
    // Years whose holiday notice has been loaded; the warning for a missing next year reads this.
    holidayYears: integer('holiday_years').array().notNull().default(sql`'{}'::integer[]`),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('calendars_code_uq').on(t.code)],
);

// 时限政策: which tickets a policy applies to, its targets in business minutes, and escalation steps.
export const slaPolicies = pgTable('sla_policies', {
  id: idColumn(),
  name: text('name').notNull(),
  calendarId: uuid('calendar_id')
    .notNull()
    .references(() => calendars.id),
  // Lower wins when several policies match a ticket.
  priority: integer('priority').notNull().default(100),
  active: boolean('active').notNull().default(true),
  // { types: [], channels: [], grades: [], urgent: null }: an empty list matches every value.
  appliesTo: jsonb('applies_to').notNull(),
  // [{ metric, minutes, clause? }]
  targets: jsonb('targets').notNull(),
  // [{ metric, percent, notifyRoles: [], level, clause? }], e.g. 200 % of arrange → manager.
  escalations: jsonb('escalations').notNull().default(sql`'[]'::jsonb`),
  // Where the promise comes from, e.g. "售后服务管理规定 篇三", cited in every deadline's reasons.
  clause: text('clause'),
  version: versionColumn(),
  ...tsColumns(),
});
