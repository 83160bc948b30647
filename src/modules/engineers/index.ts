import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { activeEngineers, engineerOfUser, engineersByIds, openLoads } from './engineers-dal.ts';
import { engineersRoutes } from './engineers-routes.ts';
import { type EngineerRefs, type EngineersService, engineersService } from './engineers-service.ts';

export type { EngineerRow } from './engineers-dal.ts';
export type { EngineersService } from './engineers-service.ts';

const api = { activeEngineers, engineerOfUser, engineersByIds, openLoads };

/** Engineers read in the caller's transaction: dispatch candidates, their open load, a user's engineer. */
export type EngineersApi = typeof api;

// Stateless reads, also imported directly by consumers that are not built from a builder yet.
export { activeEngineers, engineerOfUser, engineersByIds, openLoads };

/** 服务工程师: engineers, their skills, regions and calendars. */
export const buildEngineersModule = (
  deps: { db: Db } & EngineerRefs,
): AppModule<EngineersApi> & {
  /** The use cases themselves, for the demo loader (it creates engineers as a person would). */
  service: EngineersService;
} => {
  const engineers = engineersService(deps);
  return { name: 'engineers', routes: (app) => engineersRoutes(app, { engineers }), api, service: engineers };
};
