import type { Db } from '../../db/client.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import type { AppModule } from '../../platform/module.ts';
import { findCalendar, findCalendarsByIds } from './calendars-dal.ts';
import { calendarsRoutes } from './calendars-routes.ts';
import { calendarKey, calendarsService, specOf } from './calendars-service.ts';

export type { CalendarRow } from './calendars-dal.ts';
export type { CalendarsService } from './calendars-service.ts';

const api = { findCalendar, findCalendarsByIds, specOf, calendarKey };

/**
 * Working calendars (工作日历) read in the caller's transaction: the SLA clocks compile them
 * (`specOf`, cached under `calendarKey`), dispatch reads engineers' hours, others check a reference.
 */
export type CalendarsApi = typeof api;

// Stateless reads, also imported directly by ticket SLA code that is not built from a builder yet.
export { calendarKey, findCalendar, findCalendarsByIds, specOf };

export const buildCalendarsModule = (deps: { db: Db; jobs: Jobs }): AppModule<CalendarsApi> => {
  const calendars = calendarsService(deps);
  return { name: 'calendars', routes: (app) => calendarsRoutes(app, { calendars }), api };
};
