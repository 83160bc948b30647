import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import {
  assets,
  customers,
  engineers,
  fieldFeedback,
  productModels,
  tickets,
  users,
  workOrderEngineers,
  type workOrderParts,
  workOrders,
} from '../../db/schema/index.ts';
import { FEEDBACK_DAYS } from '../../domain/field/field-feedback.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type PartLineRow = typeof workOrderParts.$inferSelect;

/**
 * Who sees which orders: dealers their own, customers theirs, and a field engineer without
 * `workorder.read` only the orders they are sent on (`engineerId`).
 */
export type OrderScope = ScopeFilter & { engineerId?: string | null };

const scopeWhere = (s: OrderScope): SQL | undefined => {
  const own =
    s.engineerId === undefined
      ? undefined
      : s.engineerId === null
        ? sql`false`
        : sql`exists (select 1 from ${workOrderEngineers} e where e.work_order_id = ${workOrders.id} and e.engineer_id = ${s.engineerId})`;
  switch (s.kind) {
    case 'all':
      return own;
    case 'dealer':
      return and(s.dealerId ? eq(workOrders.dealerId, s.dealerId) : sql`false`, own);
    case 'customer':
      return and(s.customerId ? eq(workOrders.customerId, s.customerId) : sql`false`, own);
  }
};

const summaryCols = {
  order: workOrders,
  ticketNumber: tickets.number,
  customerName: customers.name,
  assetSerialNo: assets.serialNo,
};
export type SummaryRow = {
  order: WorkOrderRow;
  ticketNumber: string;
  customerName: string;
  assetSerialNo: string | null;
};

const summaries = (db: Executor) =>
  db
    .select(summaryCols)
    .from(workOrders)
    .innerJoin(tickets, eq(tickets.id, workOrders.ticketId))
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .leftJoin(assets, eq(assets.id, workOrders.assetId));

export const nextNumber = async (db: Executor) => {
  const r = await db.execute(sql`select nextval('work_order_number_seq') as n`);
  return Number((r as unknown as { rows: { n: string }[] }).rows[0]!.n);
};

export const insertOrder = async (db: Executor, row: typeof workOrders.$inferInsert) =>
  (await db.insert(workOrders).values(row).returning())[0]!;

export const lockOrder = async (db: Executor, id: string, scope: OrderScope) =>
  (
    await db
      .select()
      .from(workOrders)
      .where(and(eq(workOrders.id, id), scopeWhere(scope)))
      .for('update')
  )[0] ?? null;

export const updateOrder = async (db: Executor, id: string, patch: Partial<WorkOrderRow>) =>
  (await db.update(workOrders).set(patch).where(eq(workOrders.id, id)).returning())[0]!;

export const findOrder = async (db: Executor, id: string, scope: OrderScope) => {
  const rows = await db
    .select({ ...summaryCols, modelName: productModels.name, urgentApprovedByName: users.displayName })
    .from(workOrders)
    .innerJoin(tickets, eq(tickets.id, workOrders.ticketId))
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .leftJoin(assets, eq(assets.id, workOrders.assetId))
    .leftJoin(productModels, eq(productModels.id, assets.modelId))
    .leftJoin(users, eq(users.id, workOrders.urgentApprovedBy))
    .where(and(eq(workOrders.id, id), scopeWhere(scope)));
  return rows[0] ?? null;
};

export type ListFilter = {
  scope: OrderScope;
  statuses?: string[];
  ticketId?: string;
  assetId?: string;
  engineerId?: string;
  plannedFrom?: string;
  plannedTo?: string;
  unplanned?: boolean;
  openOnly?: boolean;
  paperworkOpen?: boolean;
  q?: string;
  limit: number;
  offset: number;
};

const listWhere = (f: ListFilter) => {
  const like = f.q ? containsPattern(f.q) : null;
  return and(
    scopeWhere(f.scope),
    f.statuses?.length ? inArray(workOrders.status, f.statuses) : undefined,
    f.openOnly ? sql`${workOrders.status} not in ('closed', 'cancelled')` : undefined,
    f.ticketId ? eq(workOrders.ticketId, f.ticketId) : undefined,
    f.assetId ? eq(workOrders.assetId, f.assetId) : undefined,
    f.engineerId
      ? sql`exists (select 1 from ${workOrderEngineers} e where e.work_order_id = ${workOrders.id} and e.engineer_id = ${f.engineerId})`
      : undefined,
    f.plannedFrom ? gte(workOrders.plannedDate, f.plannedFrom) : undefined,
    f.plannedTo ? lte(workOrders.plannedDate, f.plannedTo) : undefined,
    f.unplanned ? or(isNull(workOrders.plannedDate), eq(workOrders.status, 'planned')) : undefined,
    f.paperworkOpen
      ? and(isNotNull(workOrders.urgentApprovedAt), isNull(workOrders.paperworkRegularisedAt))
      : undefined,
    like
      ? or(ilike(workOrders.number, like), ilike(workOrders.task, like), ilike(customers.name, like))
      : undefined,
  );
};

export const listOrders = async (db: Executor, f: ListFilter) => {
  const where = listWhere(f);
  const [items, totals] = await Promise.all([
    summaries(db)
      .where(where)
      .orderBy(sql`${workOrders.deadlineAt} asc nulls last`, desc(workOrders.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(workOrders)
      .innerJoin(customers, eq(customers.id, workOrders.customerId))
      .where(where),
  ]);
  return { items: items as SummaryRow[], total: Number(totals[0]?.n ?? 0) };
};

/** The engineers of many orders in one query (lists and the board never query per order). */
export const engineersOf = async (db: Executor, orderIds: string[]) => {
  if (orderIds.length === 0)
    return new Map<
      string,
      { id: string; name: string; trade: string; phone: string | null; lead: boolean }[]
    >();
  const rows = await db
    .select({
      orderId: workOrderEngineers.workOrderId,
      id: engineers.id,
      name: engineers.name,
      trade: engineers.trade,
      phone: engineers.phone,
      lead: workOrderEngineers.lead,
    })
    .from(workOrderEngineers)
    .innerJoin(engineers, eq(engineers.id, workOrderEngineers.engineerId))
    .where(inArray(workOrderEngineers.workOrderId, orderIds))
    .orderBy(desc(workOrderEngineers.lead), asc(engineers.name));
  const out = new Map<
    string,
    { id: string; name: string; trade: string; phone: string | null; lead: boolean }[]
  >();
  for (const { orderId, ...e } of rows) out.set(orderId, [...(out.get(orderId) ?? []), e]);
  return out;
};

export const setEngineers = async (
  db: Executor,
  orderId: string,
  list: { engineerId: string; lead: boolean }[],
  at: Date,
) => {
  await db.delete(workOrderEngineers).where(eq(workOrderEngineers.workOrderId, orderId));
  if (list.length > 0)
    await db
      .insert(workOrderEngineers)
      .values(
        list.map((e) => ({ workOrderId: orderId, engineerId: e.engineerId, lead: e.lead, assignedAt: at })),
      );
};

export const setEngineersOpen = (db: Executor, orderId: string, open: boolean) =>
  db.update(workOrderEngineers).set({ open }).where(eq(workOrderEngineers.workOrderId, orderId));

export const listFeedback = (db: Executor, opts: { scope: OrderScope; overdueOn?: string; limit: number }) =>
  db
    .select({
      orderId: workOrders.id,
      number: workOrders.number,
      checkOutAt: workOrders.checkOutAt,
      reimbursedAt: workOrders.reimbursedAt,
      customerName: customers.name,
      feedback: fieldFeedback,
    })
    .from(workOrders)
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .leftJoin(fieldFeedback, eq(fieldFeedback.workOrderId, workOrders.id))
    .where(
      and(
        scopeWhere(opts.scope),
        isNotNull(workOrders.checkOutAt),
        opts.overdueOn
          ? or(
              and(
                isNull(fieldFeedback.id),
                sql`(${workOrders.checkOutAt} + make_interval(days => ${FEEDBACK_DAYS}))::date < ${opts.overdueOn}::date`,
              ),
              and(ne(fieldFeedback.status, 'signed'), sql`${fieldFeedback.dueOn} < ${opts.overdueOn}::date`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(workOrders.checkOutAt))
    .limit(opts.limit);

/** Open orders in a planning window (the board): planned-for days in range. */
export const boardOrders = (db: Executor, opts: { scope: OrderScope; from: string; to: string }) =>
  summaries(db)
    .where(
      and(
        scopeWhere(opts.scope),
        gte(workOrders.plannedDate, opts.from),
        lte(workOrders.plannedDate, opts.to),
        sql`${workOrders.status} <> 'cancelled'`,
        sql`${workOrders.status} <> 'planned'`,
      ),
    )
    .orderBy(asc(workOrders.plannedDate), asc(workOrders.number))
    .limit(2000) as Promise<SummaryRow[]>;

export const unplannedOrders = (db: Executor, scope: OrderScope, limit = 200) =>
  summaries(db)
    .where(and(scopeWhere(scope), eq(workOrders.status, 'planned')))
    .orderBy(sql`${workOrders.deadlineAt} asc nulls last`, asc(workOrders.number))
    .limit(limit) as Promise<SummaryRow[]>;

/** Orders per engineer on one day, for the suggestion's "free today" rule. */
export const ordersOnDay = async (db: Executor, day: string) => {
  const rows = await db
    .select({ id: workOrderEngineers.engineerId, n: count() })
    .from(workOrderEngineers)
    .innerJoin(workOrders, eq(workOrders.id, workOrderEngineers.workOrderId))
    .where(and(eq(workOrders.plannedDate, day), eq(workOrderEngineers.open, true)))
    .groupBy(workOrderEngineers.engineerId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
};

/** What the order needs (category of the product, region of the customer), read at creation. */
export const jobContext = async (db: Executor, ticketId: string) =>
  (
    await db
      .select({
        ticket: tickets,
        customerRegion: customers.region,
        customerAddress: customers.address,
        category: productModels.category,
      })
      .from(tickets)
      .innerJoin(customers, eq(customers.id, tickets.customerId))
      .leftJoin(assets, eq(assets.id, tickets.assetId))
      .leftJoin(productModels, eq(productModels.id, assets.modelId))
      .where(eq(tickets.id, ticketId))
  )[0] ?? null;

export const ticketAttachmentCount = async (db: Executor, ticketId: string) => {
  const r = await db.execute(
    sql`select count(*)::int as n from ticket_attachments where ticket_id = ${ticketId}`,
  );
  return Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
};

/** Keeps the old-part return of one consumed line in step with whether the line is free. */

// Lines of an order (items, parts, photos, events, old parts, feedback) live in their own file.
export * from './work-order-lines-dal.ts';
