import type { Db } from '../../db/client.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import type { AppModule } from '../../platform/module.ts';
import type { CalendarsApi } from '../calendars/index.ts';
import { findPolicy, listPolicies } from './sla-dal.ts';
import { slaRoutes } from './sla-routes.ts';
import { policyTerms, slaService } from './sla-service.ts';

export type { SlaPolicyRow } from './sla-dal.ts';
export { CHANNELS, GRADES, METRICS, type Metric, TICKET_TYPES } from './sla-schemas.ts';
export type { AppliesTo, EscalationStep, SlaService, Target } from './sla-service.ts';

const api = { findPolicy, listPolicies, policyTerms };

/** SLA policies (服务时限) read in the caller's transaction, with their terms in full shape. */
export type SlaApi = typeof api;

// Stateless reads, also imported directly by ticket SLA code that is not built from a builder yet.
export { findPolicy, listPolicies, policyTerms };

export const buildSlaModule = (deps: {
  db: Db;
  jobs: Jobs;
  calendars: Pick<CalendarsApi, 'findCalendar'>;
}): AppModule<SlaApi> => {
  const sla = slaService(deps);
  return { name: 'sla', routes: (app) => slaRoutes(app, { sla }), api };
};
