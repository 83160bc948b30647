import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { findOrg, orgCodes, orgIdsByCode, orgNames } from './org-dal.ts';
import { orgRoutes } from './org-routes.ts';
import { orgService } from './org-service.ts';

export type { OrgEntity, OrgRow } from './org-dal.ts';
export type { OrgService } from './org-service.ts';

const api = { findOrg, orgIdsByCode, orgCodes, orgNames };

/**
 * Departments, service centres and dealers read in the caller's transaction: reference checks,
 * ids by code (imports) and names by id (shown beside other modules' rows).
 */
export type OrgApi = typeof api;

/** 组织架构: departments, service centres, dealers. */
export const buildOrgModule = ({ db }: { db: Db }): AppModule<OrgApi> => {
  const org = orgService({ db });
  return { name: 'org', routes: (app) => orgRoutes(app, { org }), api };
};
