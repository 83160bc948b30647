import type { Clock } from '../../platform/clock.ts';
import type { AppModule } from '../../platform/module.ts';
import { returnAlerts } from './return-alerts.ts';
import { returnSteps } from './return-steps.ts';
import type { ReturnsDeps } from './returns-deps.ts';
import { returnsRoutes } from './returns-routes.ts';
import { returnsService } from './returns-service.ts';

export type { ReturnTicketsPort } from './returns-deps.ts';
export type { ReturnsService } from './returns-service.ts';

/** Nothing yet: no other module calls into returns. */
export type ReturnsApi = Record<string, never>;

/** 三包退换货: return requests, their review, logistics, inspection, refunds and exchanges. */
export const buildReturnsModule = (deps: ReturnsDeps & { clock: Clock }): AppModule<ReturnsApi> => {
  const returns = returnsService(deps);
  const steps = returnSteps({ ...deps, returns });
  const alerts = returnAlerts(deps);
  return {
    name: 'returns',
    routes: (app) => returnsRoutes(app, { returns, steps }),
    handlers: { 'returns-alert': () => alerts.run() },
    api: {},
  };
};
