import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { archiveRoutes } from './archive-routes.ts';
import { archiveService } from './archive-service.ts';

/** Nothing yet: no other module calls the archive. */
export type ArchiveApi = Record<string, never>;

/** 完整档案: a customer's full archive, every view logged, access requests and their approvals. */
export const buildArchiveModule = (deps: { db: Db }): AppModule<ArchiveApi> => {
  const archive = archiveService(deps);
  return { name: 'archive', routes: (app) => archiveRoutes(app, { archive }), api: {} };
};
