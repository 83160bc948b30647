import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { COUNT_CAP } from '../tickets/index.ts';
import { bucketCase, dealerCond, type Filter } from './dashboard-dal.ts';

// The records behind one cell of a figure (drill-down): the same conditions as the summary that
// counted them, on the source tables, scoped in the WHERE clause, a page at a time. Every record has
// the same columns so one drawer can list tickets, work orders, complaints, visits and responses.

export type DrillRecord = {
  kind: 'ticket' | 'workOrder' | 'complaint' | 'visit' | 'survey';
  id: string;
  number: string | null;
  ticketId: string | null;
  workOrderId: string | null;
  customerName: string | null;
  at: Date | null;
  status: string | null;
  detail: string | null;
  value: number | null;
};

export type Page = { limit: number; offset: number };
type Rows<T> = { rows: T[] };

/** `select` lists the record columns; `from` is the FROM … WHERE shared by the page and the count. */
const page = async (db: Executor, q: { select: SQL; from: SQL; order: SQL }, p: Page) => {
  // One after the other: inside a transaction the queries share one connection.
  const items = (await db.execute(
    sql`select ${q.select} ${q.from} order by ${q.order} limit ${p.limit} offset ${p.offset}`,
  )) as unknown as Rows<Record<string, unknown>>;
  const counted = (await db.execute(
    sql`select count(*)::int as n from (select 1 ${q.from} limit ${COUNT_CAP + 1}) x`,
  )) as unknown as Rows<{ n: number }>;
  const n = Number(counted.rows[0]!.n);
  return {
    items: items.rows.map(
      (r): DrillRecord => ({
        kind: r.kind as DrillRecord['kind'],
        id: r.id as string,
        number: (r.number as string | null) ?? null,
        ticketId: (r.ticket_id as string | null) ?? null,
        workOrderId: (r.work_order_id as string | null) ?? null,
        customerName: (r.customer_name as string | null) ?? null,
        at: r.at ? new Date(r.at as string) : null,
        status: (r.status as string | null) ?? null,
        detail: (r.detail as string | null) ?? null,
        value: r.value === null || r.value === undefined ? null : Number(r.value),
      }),
    ),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
};

const cols = (c: Partial<Record<keyof DrillRecord | 'ticket_id' | 'work_order_id' | 'customer_name', SQL>>) =>
  sql`${c.kind} as kind, ${c.id} as id, ${c.number ?? sql`null`}::text as number,
    ${c.ticket_id ?? sql`null`}::uuid as ticket_id, ${c.work_order_id ?? sql`null`}::uuid as work_order_id,
    ${c.customer_name ?? sql`null`}::text as customer_name, ${c.at ?? sql`null`}::timestamptz as at,
    ${c.status ?? sql`null`}::text as status, ${c.detail ?? sql`null`}::text as detail,
    ${c.value ?? sql`null`}::float8 as value`;

/** A work order (alias `o`, its customer `cu`) as a drill-down record. */
export const orderCols = (c: { at: SQL; detail: SQL; value: SQL }) =>
  cols({
    kind: sql`'workOrder'`,
    id: sql`o.id`,
    number: sql`o.number`,
    ticket_id: sql`o.ticket_id`,
    work_order_id: sql`o.id`,
    customer_name: sql`cu.name`,
    status: sql`o.status`,
    ...c,
  });

const inRange = (col: SQL, a: Date, b: Date) => sql`${col} >= ${a} and ${col} < ${b}`;
const eqOrNull = (col: SQL, id: string | null) => (id ? sql`${col} = ${id}` : sql`${col} is null`);
const scoped = (col: SQL, f: Filter) => dealerCond(col, f.dealer) ?? sql`true`;
const minutes = (a: SQL, b: SQL) => sql`greatest(0, round(extract(epoch from (${b} - ${a})) / 60))`;

/** SLA clocks that ended in the range, for a metric (or all) of a team, a dealer or the company. */
export const slaRecords = (
  db: Executor,
  f: Filter,
  k: { dimension: 'metric' | 'team' | 'dealer'; id: string | null; metric: string | null },
  p: Page,
) =>
  page(
    db,
    {
      select: cols({
        kind: sql`'ticket'`,
        id: sql`t.id`,
        number: sql`t.number`,
        ticket_id: sql`t.id`,
        customer_name: sql`cu.name`,
        at: sql`c.stopped_at`,
        status: sql`c.status`,
        detail: sql`c.metric`,
        value: sql`(c.status = 'met')::int`,
      }),
      from: sql`from ticket_sla_clocks c join tickets t on t.id = c.ticket_id join customers cu on cu.id = t.customer_id
        where ${inRange(sql`c.stopped_at`, f.start, f.end)} and c.status in ('met', 'breached') and ${scoped(sql`t.dealer_id`, f)}
          and ${k.metric ? sql`c.metric = ${k.metric}` : sql`true`}
          and ${k.dimension === 'team' ? eqOrNull(sql`t.assignee_department_id`, k.id) : k.dimension === 'dealer' ? eqOrNull(sql`t.dealer_id`, k.id) : sql`true`}`,
      order: sql`c.stopped_at desc, t.id`,
    },
    p,
  );

/** Open tickets now, of a status and/or an ageing bucket. */
export const backlogRecords = (
  db: Executor,
  f: Filter,
  k: { status: string | null; bucket: string | null },
  p: Page,
) =>
  page(
    db,
    {
      select: cols({
        kind: sql`'ticket'`,
        id: sql`t.id`,
        number: sql`t.number`,
        ticket_id: sql`t.id`,
        customer_name: sql`cu.name`,
        at: sql`t.reported_at`,
        status: sql`t.status`,
        detail: sql`t.type`,
        value: sql`round(extract(epoch from (${f.now}::timestamptz - t.reported_at)) / 86400.0, 1)`,
      }),
      from: sql`from tickets t join customers cu on cu.id = t.customer_id
        where t.status not in ('resolved', 'closed', 'cancelled')
          and ${scoped(sql`t.dealer_id`, f)}
          and ${k.status ? sql`t.status = ${k.status}` : sql`true`}
          and ${k.bucket ? sql`${bucketCase(sql`t.reported_at`, f.now)} = ${k.bucket}` : sql`true`}`,
      order: sql`t.reported_at, t.id`,
    },
    p,
  );

/** Resolved tickets with work orders (the FTF base) in the range; value = live work orders. */
export const ftfRecords = (db: Executor, f: Filter, p: Page) =>
  page(
    db,
    {
      select: cols({
        kind: sql`'ticket'`,
        id: sql`t.id`,
        number: sql`t.number`,
        ticket_id: sql`t.id`,
        customer_name: sql`cu.name`,
        at: sql`t.resolved_at`,
        status: sql`case when w.n = 1 and w.finished = 1 then 'first_time_fix' else 'not_first_time' end`,
        value: sql`w.n`,
      }),
      from: sql`from tickets t join customers cu on cu.id = t.customer_id
        join lateral (select count(*) filter (where o.status <> 'cancelled') as n,
                             count(*) filter (where o.status in ('done', 'signed', 'closed')) as finished
                      from work_orders o where o.ticket_id = t.id) w on w.n >= 1
        where ${inRange(sql`t.resolved_at`, f.start, f.end)} and ${scoped(sql`t.dealer_id`, f)}`,
      order: sql`t.resolved_at desc, t.id`,
    },
    p,
  );

/** Work orders checked out in the range (value: minutes on site), or tickets resolved (value: minutes). */
export const mttrRecords = (db: Executor, f: Filter, what: 'repair' | 'resolve', p: Page) =>
  what === 'repair'
    ? page(
        db,
        {
          select: cols({
            kind: sql`'workOrder'`,
            id: sql`o.id`,
            number: sql`o.number`,
            ticket_id: sql`o.ticket_id`,
            work_order_id: sql`o.id`,
            customer_name: sql`cu.name`,
            at: sql`o.check_out_at`,
            status: sql`o.status`,
            value: minutes(sql`o.check_in_at`, sql`o.check_out_at`),
          }),
          from: sql`from work_orders o join customers cu on cu.id = o.customer_id
            where ${inRange(sql`o.check_out_at`, f.start, f.end)} and o.check_in_at is not null
              and o.status <> 'cancelled' and ${scoped(sql`o.dealer_id`, f)}`,
          order: sql`o.check_out_at desc, o.id`,
        },
        p,
      )
    : page(
        db,
        {
          select: cols({
            kind: sql`'ticket'`,
            id: sql`t.id`,
            number: sql`t.number`,
            ticket_id: sql`t.id`,
            customer_name: sql`cu.name`,
            at: sql`t.resolved_at`,
            status: sql`t.status`,
            value: minutes(sql`t.reported_at`, sql`t.resolved_at`),
          }),
          from: sql`from tickets t join customers cu on cu.id = t.customer_id
            where ${inRange(sql`t.resolved_at`, f.start, f.end)} and ${scoped(sql`t.dealer_id`, f)}`,
          order: sql`t.resolved_at desc, t.id`,
        },
        p,
      );

export { cols, inRange, page, scoped };
