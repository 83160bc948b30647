import { and, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  archiveAccessLog,
  archiveAccessRequests,
  customers,
  departments,
  users,
} from '../../db/schema/index.ts';

export type RequestRow = typeof archiveAccessRequests.$inferSelect;

/** The customer with the department that keeps its archive (the owner's department) and that department's head. */
export const archiveSubject = async (db: Executor, customerId: string) => {
  const rows = await db
    .select({
      customer: customers,
      ownerDepartmentId: users.departmentId,
      ownerHeadId: departments.headUserId,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerUserId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(customers.id, customerId));
  return rows[0] ?? null;
};

export const departmentHead = async (db: Executor, departmentId: string | null) => {
  if (!departmentId) return null;
  const rows = await db
    .select({ head: departments.headUserId })
    .from(departments)
    .where(eq(departments.id, departmentId));
  return rows[0]?.head ?? null;
};

export const approvedRequest = async (db: Executor, customerId: string, applicantId: string, now: Date) =>
  (
    await db
      .select()
      .from(archiveAccessRequests)
      .where(
        and(
          eq(archiveAccessRequests.customerId, customerId),
          eq(archiveAccessRequests.applicantId, applicantId),
          eq(archiveAccessRequests.status, 'approved'),
          gt(archiveAccessRequests.expiresAt, now),
        ),
      )
      .orderBy(desc(archiveAccessRequests.expiresAt))
      .limit(1)
  )[0] ?? null;

export const insertRequest = async (db: Executor, row: typeof archiveAccessRequests.$inferInsert) =>
  (await db.insert(archiveAccessRequests).values(row).returning())[0]!;

export const findRequest = async (db: Executor, id: string) =>
  (await db.select().from(archiveAccessRequests).where(eq(archiveAccessRequests.id, id)))[0] ?? null;

export const listRequests = (db: Executor, where: SQL | undefined) =>
  db
    .select()
    .from(archiveAccessRequests)
    .where(where)
    .orderBy(desc(archiveAccessRequests.createdAt))
    .limit(200);

export const logAccess = (db: Executor, row: typeof archiveAccessLog.$inferInsert) =>
  db.insert(archiveAccessLog).values(row);

export const listLog = (
  db: Executor,
  q: { customerId?: string; userId?: string; before?: number; limit: number },
) =>
  db
    .select()
    .from(archiveAccessLog)
    .where(
      and(
        q.customerId ? eq(archiveAccessLog.customerId, q.customerId) : undefined,
        q.userId ? eq(archiveAccessLog.userId, q.userId) : undefined,
        q.before ? lt(archiveAccessLog.id, q.before) : undefined,
      ),
    )
    .orderBy(desc(archiveAccessLog.id))
    .limit(q.limit + 1);
