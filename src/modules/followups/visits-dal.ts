import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  auditLog,
  customers,
  dealers,
  engineers,
  followUpVisits,
  roles,
  tickets,
  users,
  workOrderEngineers,
  workOrders,
} from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

// SQL of return visits (回访).

export type VisitRow = typeof followUpVisits.$inferSelect;

/** Dealers see their own dealer's visits; customers none (the visit is the company's call to them). */
const visitScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(followUpVisits.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return sql`false`;
  }
};

const assignee = alias(users, 'assignee');
const completer = alias(users, 'completer');

const visitQuery = (db: Executor) =>
  db
    .select({
      visit: followUpVisits,
      ticketNumber: tickets.number,
      customerName: customers.name,
      customerPhone: customers.phone,
      dealerName: dealers.name,
      engineerName: engineers.name,
      assigneeName: assignee.displayName,
      completedByName: completer.displayName,
    })
    .from(followUpVisits)
    .innerJoin(customers, eq(customers.id, followUpVisits.customerId))
    .leftJoin(tickets, eq(tickets.id, followUpVisits.ticketId))
    .leftJoin(dealers, eq(dealers.id, followUpVisits.dealerId))
    .leftJoin(engineers, eq(engineers.id, followUpVisits.engineerId))
    .leftJoin(assignee, eq(assignee.id, followUpVisits.assigneeUserId))
    .leftJoin(completer, eq(completer.id, followUpVisits.completedBy));

export type VisitView = {
  visit: VisitRow;
  ticketNumber: string | null;
  customerName: string;
  customerPhone: string | null;
  dealerName: string | null;
  engineerName: string | null;
  assigneeName: string | null;
  completedByName: string | null;
};

export type VisitFilter = {
  scope: ScopeFilter;
  statuses?: string[];
  kind?: string;
  assigneeUserId?: string;
  overdueAt?: Date;
  dealerId?: string;
  ticketId?: string;
  followUpStatus?: string;
  limit: number;
  offset: number;
};

const overdueSql = (at: Date) =>
  sql`(${followUpVisits.status} in ('open', 'unreachable') and ${followUpVisits.dueAt} < ${at.toISOString()}::timestamptz)`;

export const listVisits = async (db: Executor, f: VisitFilter) => {
  const where = and(
    visitScope(f.scope),
    f.statuses?.length ? inArray(followUpVisits.status, f.statuses) : undefined,
    f.kind ? eq(followUpVisits.kind, f.kind) : undefined,
    f.assigneeUserId ? eq(followUpVisits.assigneeUserId, f.assigneeUserId) : undefined,
    f.overdueAt ? overdueSql(f.overdueAt) : undefined,
    f.dealerId ? eq(followUpVisits.dealerId, f.dealerId) : undefined,
    f.ticketId ? eq(followUpVisits.ticketId, f.ticketId) : undefined,
    f.followUpStatus ? eq(followUpVisits.followUpStatus, f.followUpStatus) : undefined,
  );
  const [items, totals] = await Promise.all([
    visitQuery(db)
      .where(where)
      // The queue first (open and unreachable, most urgent first), then finished visits, newest first.
      .orderBy(
        sql`case ${followUpVisits.status} when 'open' then 0 when 'unreachable' then 1 else 2 end`,
        sql`case when ${followUpVisits.status} in ('open', 'unreachable') then ${followUpVisits.dueAt} end asc nulls last`,
        desc(followUpVisits.updatedAt),
      )
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(followUpVisits).where(where),
  ]);
  return { items: items as VisitView[], total: Number(totals[0]?.n ?? 0) };
};

export const findVisit = async (db: Executor, id: string, scope: ScopeFilter): Promise<VisitView | null> =>
  ((await visitQuery(db).where(and(eq(followUpVisits.id, id), visitScope(scope))))[0] as
    | VisitView
    | undefined) ?? null;

/** The visit row, locked for a change, if the actor may see it. */
export const lockVisit = async (db: Executor, id: string, scope: ScopeFilter): Promise<VisitRow | null> =>
  (
    await db
      .select()
      .from(followUpVisits)
      .where(and(eq(followUpVisits.id, id), visitScope(scope)))
      .for('update')
  )[0] ?? null;

/** Inserts unless the ticket (or complaint) has its visit already; returns null then. */
export const insertVisit = async (db: Executor, row: typeof followUpVisits.$inferInsert) =>
  (await db.insert(followUpVisits).values(row).onConflictDoNothing().returning())[0] ?? null;

/**
 * The engineer a service visit asks about: the lead (else the first) engineer of the ticket's latest
 * work order that had engineers and was not cancelled.
 */
export const engineerOfTicket = async (db: Executor, ticketId: string): Promise<string | null> =>
  (
    await db
      .select({ id: workOrderEngineers.engineerId })
      .from(workOrders)
      .innerJoin(workOrderEngineers, eq(workOrderEngineers.workOrderId, workOrders.id))
      .where(and(eq(workOrders.ticketId, ticketId), ne(workOrders.status, 'cancelled')))
      .orderBy(desc(workOrders.createdAt), desc(workOrderEngineers.lead), asc(workOrderEngineers.assignedAt))
      .limit(1)
  )[0]?.id ?? null;

export const workOrderNumbersOf = async (db: Executor, ticketId: string) =>
  (
    await db
      .select({ id: workOrders.id, number: workOrders.number, status: workOrders.status })
      .from(workOrders)
      .where(eq(workOrders.ticketId, ticketId))
      .orderBy(asc(workOrders.createdAt))
  ).map((r) => ({ id: r.id, number: r.number, status: r.status }));

/** An active user whose role may carry out return visits (the queue's possible assignees). */
export const canVisit = async (db: Executor, userId: string) =>
  (
    await db
      .select({ id: users.id })
      .from(users)
      .innerJoin(roles, eq(roles.code, users.roleCode))
      .where(
        and(
          eq(users.id, userId),
          eq(users.active, true),
          eq(roles.scope, 'all'),
          sql`'followup.write' = any(${roles.permissions})`,
        ),
      )
  ).length > 0;

/** The visit's own history from the audit log: attempts, notes, assignment, completion. */
export const historyOf = async (db: Executor, id: string) =>
  db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorName: auditLog.actorName,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'follow_up_visit'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
