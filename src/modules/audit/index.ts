import type { Db } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { listAudit } from './audit-dal.ts';
import { auditRoutes } from './audit-routes.ts';

/**
 * 审计日志: the read-only view of the audit log. Writes happen through platform/audit.ts's
 * writeAudit inside each module's own transaction, so this module offers no API.
 */
export const buildAuditModule = ({ db }: { db: Db }): AppModule => ({
  name: 'audit',
  routes: (app) => auditRoutes(app, { listAudit: (q) => listAudit(db, q) }),
  api: {},
});
