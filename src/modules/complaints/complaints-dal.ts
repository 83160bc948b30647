import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import {
  assets,
  complaints,
  customers,
  departments,
  tickets,
  users,
  workOrders,
} from '../../db/schema/index.ts';
import { FEEDBACK_PENDING } from '../../domain/complaints/complaint-status.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

// All SQL of complaints (客户投诉). The data scope is in every WHERE clause: dealers see their dealer's
// complaints, customers their own.

export type ComplaintRow = typeof complaints.$inferSelect;

const scopeWhere = (s: ScopeFilter): SQL | undefined => {
  switch (s.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return s.dealerId ? eq(complaints.dealerId, s.dealerId) : sql`false`;
    case 'customer':
      return s.customerId ? eq(complaints.customerId, s.customerId) : sql`false`;
  }
};

const owner = sql<
  string | null
>`(select display_name from ${users} u where u.id = ${complaints.actionOwnerUserId})`;
const receiver = sql<
  string | null
>`(select display_name from ${users} u where u.id = ${complaints.receivedBy})`;

const cols = {
  complaint: complaints,
  customerName: customers.name,
  ticketNumber: tickets.number,
  departmentName: departments.name,
  serialNo: assets.serialNo,
  actionOwnerName: owner,
  receivedByName: receiver,
};
export type ComplaintWithNames = {
  complaint: ComplaintRow;
  customerName: string;
  ticketNumber: string | null;
  departmentName: string | null;
  serialNo: string | null;
  actionOwnerName: string | null;
  receivedByName: string | null;
};

const withNames = (db: Executor) =>
  db
    .select(cols)
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .leftJoin(tickets, eq(tickets.id, complaints.ticketId))
    .leftJoin(departments, eq(departments.id, complaints.departmentId))
    .leftJoin(assets, eq(assets.id, complaints.assetId));

export const nextNumber = async (db: Executor) => {
  const r = await db.execute(sql`select nextval('complaint_number_seq') as n`);
  return Number((r as unknown as { rows: { n: string }[] }).rows[0]!.n);
};

export const insertComplaint = async (db: Executor, row: typeof complaints.$inferInsert) =>
  (await db.insert(complaints).values(row).returning())[0]!;

export const lockComplaint = async (db: Executor, id: string, scope: ScopeFilter) =>
  (
    await db
      .select()
      .from(complaints)
      .where(and(eq(complaints.id, id), scopeWhere(scope)))
      .for('update')
  )[0] ?? null;

export const updateComplaint = async (db: Executor, id: string, patch: Partial<ComplaintRow>) =>
  (await db.update(complaints).set(patch).where(eq(complaints.id, id)).returning())[0]!;

export const findComplaint = async (db: Executor, id: string, scope: ScopeFilter) =>
  ((await withNames(db).where(and(eq(complaints.id, id), scopeWhere(scope))))[0] as
    | ComplaintWithNames
    | undefined) ?? null;

export type ListFilter = {
  scope: ScopeFilter;
  statuses?: string[];
  severities?: string[];
  causeClasses?: string[];
  dealerId?: string;
  customerId?: string;
  /** Feedback still owed and past due at this instant. */
  overdueAt?: Date;
  q?: string;
  limit: number;
  offset: number;
};

const listWhere = (f: ListFilter) => {
  const like = f.q ? containsPattern(f.q) : null;
  return and(
    scopeWhere(f.scope),
    f.statuses?.length ? inArray(complaints.status, f.statuses) : undefined,
    f.severities?.length ? inArray(complaints.severity, f.severities) : undefined,
    f.causeClasses?.length ? inArray(complaints.causeClass, f.causeClasses) : undefined,
    f.dealerId ? eq(complaints.dealerId, f.dealerId) : undefined,
    f.customerId ? eq(complaints.customerId, f.customerId) : undefined,
    f.overdueAt
      ? and(inArray(complaints.status, [...FEEDBACK_PENDING]), lt(complaints.feedbackDueAt, f.overdueAt))
      : undefined,
    like
      ? or(ilike(complaints.number, like), ilike(complaints.subject, like), ilike(customers.name, like))
      : undefined,
  );
};

export const listComplaints = async (db: Executor, f: ListFilter) => {
  const where = listWhere(f);
  const [items, totals] = await Promise.all([
    withNames(db)
      .where(where)
      // Overdue first is what the overdue filter is for; otherwise the newest complaint leads.
      .orderBy(
        ...(f.overdueAt ? [complaints.feedbackDueAt] : []),
        desc(complaints.receivedAt),
        desc(complaints.number),
      )
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(where),
  ]);
  return { items: items as ComplaintWithNames[], total: Number(totals[0]?.n ?? 0) };
};

/** Complaints per cause class received in [from, to), in scope; cancelled ones are not causes. */
export const causeCounts = (
  db: Executor,
  opts: { scope: ScopeFilter; from?: Date; to?: Date; dealerId?: string },
) =>
  db
    .select({ causeClass: complaints.causeClass, count: count() })
    .from(complaints)
    .where(
      and(
        scopeWhere(opts.scope),
        sql`${complaints.causeClass} is not null`,
        sql`${complaints.status} <> 'cancelled'`,
        opts.from ? gte(complaints.receivedAt, opts.from) : undefined,
        opts.to ? lt(complaints.receivedAt, opts.to) : undefined,
        opts.dealerId ? eq(complaints.dealerId, opts.dealerId) : undefined,
      ),
    )
    .groupBy(complaints.causeClass) as Promise<{ causeClass: string; count: number }[]>;

/** The ticket or work order a complaint is about: its customer, for the same-customer check. */
export const customerOfTicket = async (db: Executor, id: string) =>
  (await db.select({ customerId: tickets.customerId }).from(tickets).where(eq(tickets.id, id)))[0]
    ?.customerId ?? null;

export const customerOfWorkOrder = async (db: Executor, id: string) =>
  (await db.select({ customerId: workOrders.customerId }).from(workOrders).where(eq(workOrders.id, id)))[0]
    ?.customerId ?? null;

export const findDepartment = async (db: Executor, id: string) =>
  (
    await db
      .select({ id: departments.id, name: departments.name, headUserId: departments.headUserId })
      .from(departments)
      .where(and(eq(departments.id, id), eq(departments.active, true)))
  )[0] ?? null;

/** Staff who may own a corrective action or a suggestion: active, company-wide, not customers. */
const staffWhere = and(
  eq(users.active, true),
  sql`${users.customerId} is null`,
  sql`${users.dealerId} is null`,
);

export const findStaff = async (db: Executor, id: string) =>
  (
    await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.id, id), staffWhere))
  )[0] ?? null;

export const listStaff = (db: Executor) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roleCode: users.roleCode,
      departmentId: users.departmentId,
    })
    .from(users)
    .where(and(staffWhere, sql`${users.roleCode} <> 'customer'`))
    .orderBy(users.displayName)
    .limit(1000);

export const usersWithRoles = async (db: Executor, roleCodes: string[]) =>
  (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.roleCode, roleCodes), eq(users.active, true), sql`${users.dealerId} is null`))
  ).map((u) => u.id);

export const customerUsers = async (db: Executor, customerId: string) =>
  (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.customerId, customerId), eq(users.active, true)))
  ).map((u) => u.id);
