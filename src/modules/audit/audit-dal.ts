import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export type AuditQuery = {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

/** Newest first with a keyset cursor (`before` = last id seen): stays fast however long the log grows. */
export const listAudit = (db: Executor, q: AuditQuery) =>
  db
    .select()
    .from(auditLog)
    .where(
      and(
        q.entity ? eq(auditLog.entity, q.entity) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
        q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
        q.before ? lt(auditLog.id, q.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
