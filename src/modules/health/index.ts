import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { healthRoutes } from './health-routes.ts';

/** GET /api/health: ok only when the database answers. */
export const buildHealthModule = ({ database }: { database: Database }): AppModule => ({
  name: 'health',
  routes: (app) => healthRoutes(app, { pingDatabase: () => database.db.execute(sql`select 1`) }),
  api: {},
});
