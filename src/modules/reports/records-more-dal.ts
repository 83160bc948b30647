import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { REPEAT_WINDOW_DAYS } from '../../domain/reports/figures.ts';
import type { Filter } from './dashboard-dal.ts';
import { cols, inRange, orderCols, type Page, page, scoped } from './records-dal.ts';

// Drill-down records of the repeat-failure, cost, parts, satisfaction and complaint figures.

const WINDOW = sql.raw(`interval '${REPEAT_WINDOW_DAYS} days'`);
const FINISHED = sql`o.status in ('done', 'signed', 'closed')`;

/** Repair tickets of one asset in the period and the 90 days before it. */
export const repeatTicketRecords = (db: Executor, f: Filter, assetId: string, p: Page) =>
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
        detail: sql`t.description`,
      }),
      from: sql`from tickets t join customers cu on cu.id = t.customer_id
        where t.type = 'repair' and t.asset_id = ${assetId} and ${scoped(sql`t.dealer_id`, f)}
          and t.reported_at >= ${f.start}::timestamptz - ${WINDOW} and t.reported_at < ${f.end}`,
      order: sql`t.reported_at, t.id`,
    },
    p,
  );

/** The fits of one part on one asset in the period and the 90 days before it. */
export const repeatPartRecords = (db: Executor, f: Filter, k: { assetId: string; partId: string }, p: Page) =>
  page(
    db,
    {
      select: orderCols({
        at: sql`l.consumed_at`,
        detail: sql`pt.code || ' ' || pt.name`,
        value: sql`l.quantity`,
      }),
      from: sql`from work_order_parts l join work_orders o on o.id = l.work_order_id
        join customers cu on cu.id = o.customer_id join parts pt on pt.id = l.part_id
        where l.status = 'consumed' and o.asset_id = ${k.assetId} and l.part_id = ${k.partId}
          and ${scoped(sql`o.dealer_id`, f)}
          and l.consumed_at >= ${f.start}::timestamptz - ${WINDOW} and l.consumed_at < ${f.end}`,
      order: sql`l.consumed_at, l.id`,
    },
    p,
  );

/** Finished work orders with a company cost in the range, of a model or a dealer (null: none). */
export const costOrderRecords = (
  db: Executor,
  f: Filter,
  k: { dimension: 'model' | 'dealer'; id: string | null },
  p: Page,
) => {
  const col = k.dimension === 'model' ? sql`a.model_id` : sql`o.dealer_id`;
  return page(
    db,
    {
      select: orderCols({ at: sql`o.done_at`, detail: sql`o.task`, value: sql`o.company_cost_fen` }),
      from: sql`from work_orders o join customers cu on cu.id = o.customer_id left join assets a on a.id = o.asset_id
        where ${inRange(sql`o.done_at`, f.start, f.end)} and ${FINISHED} and o.company_cost_fen <> 0
          and ${scoped(sql`o.dealer_id`, f)} and ${k.id ? sql`${col} = ${k.id}` : sql`${col} is null`}`,
      order: sql`o.done_at desc, o.id`,
    },
    p,
  );
};

/** Finished orders whose company-paid part lines name this part; value = those lines' cost. */
export const costPartRecords = (db: Executor, f: Filter, partId: string, p: Page) =>
  page(
    db,
    {
      select: orderCols({ at: sql`o.done_at`, detail: sql`o.task`, value: sql`x.fen` }),
      from: sql`from work_orders o join customers cu on cu.id = o.customer_id
        join lateral (
          select sum((l->>'amountFen')::bigint) as fen
          from jsonb_array_elements(coalesce(o.charges->'lines', '[]'::jsonb)) l
          join work_order_parts wp on wp.id = (l->>'ref')::uuid
          where l->>'kind' = 'part' and l->>'payer' = 'company' and wp.part_id = ${partId}) x on x.fen is not null
        where ${inRange(sql`o.done_at`, f.start, f.end)} and ${FINISHED} and ${scoped(sql`o.dealer_id`, f)}`,
      order: sql`o.done_at desc, o.id`,
    },
    p,
  );

/** Part lines consumed in the range; value = pieces. */
export const partRecords = (db: Executor, f: Filter, partId: string, p: Page) =>
  page(
    db,
    {
      select: orderCols({
        at: sql`l.consumed_at`,
        detail: sql`pt.code || ' ' || pt.name`,
        value: sql`l.quantity`,
      }),
      from: sql`from work_order_parts l join work_orders o on o.id = l.work_order_id
        join customers cu on cu.id = o.customer_id join parts pt on pt.id = l.part_id
        where l.status = 'consumed' and l.part_id = ${partId} and ${inRange(sql`l.consumed_at`, f.start, f.end)}
          and ${scoped(sql`o.dealer_id`, f)}`,
      order: sql`l.consumed_at desc, l.id`,
    },
    p,
  );

/** Return visits completed (value: score 1–5) or survey responses submitted in the range. */
export const satisfactionRecords = (db: Executor, f: Filter, source: 'visit' | 'survey', p: Page) =>
  source === 'visit'
    ? page(
        db,
        {
          select: cols({
            kind: sql`'visit'`,
            id: sql`v.id`,
            ticket_id: sql`v.ticket_id`,
            customer_name: sql`cu.name`,
            at: sql`v.completed_at`,
            status: sql`case when v.unhappy then 'unhappy' else v.status end`,
            detail: sql`v.suggestions`,
            value: sql`v.score_x100 / 100.0`,
          }),
          from: sql`from follow_up_visits v join customers cu on cu.id = v.customer_id
            where v.status = 'done' and ${inRange(sql`v.completed_at`, f.start, f.end)} and ${scoped(sql`v.dealer_id`, f)}`,
          order: sql`v.completed_at desc, v.id`,
        },
        p,
      )
    : page(
        db,
        {
          select: cols({
            kind: sql`'survey'`,
            id: sql`s.id`,
            number: sql`s.period`,
            customer_name: sql`cu.name`,
            at: sql`s.submitted_at`,
            status: sql`case when s.score_x100 <= 200 then 'unhappy' end`,
            detail: sql`'NPS ' || coalesce(s.nps::text, '-')`,
            value: sql`s.score_x100 / 100.0`,
          }),
          from: sql`from survey_responses s join customers cu on cu.id = s.customer_id
            where ${inRange(sql`s.submitted_at`, f.start, f.end)} and ${scoped(sql`s.dealer_id`, f)}`,
          order: sql`s.submitted_at desc, s.id`,
        },
        p,
      );

/** Complaints received in the range with this cause class (null: not yet classified). */
export const complaintRecords = (db: Executor, f: Filter, cause: string | null, p: Page) =>
  page(
    db,
    {
      select: cols({
        kind: sql`'complaint'`,
        id: sql`c.id`,
        number: sql`c.number`,
        ticket_id: sql`c.ticket_id`,
        customer_name: sql`cu.name`,
        at: sql`c.received_at`,
        status: sql`c.status`,
        detail: sql`c.subject`,
      }),
      from: sql`from complaints c join customers cu on cu.id = c.customer_id
        where ${inRange(sql`c.received_at`, f.start, f.end)} and c.status <> 'cancelled'
          and ${scoped(sql`c.dealer_id`, f)} and ${cause ? sql`c.cause_class = ${cause}` : sql`c.cause_class is null`}`,
      order: sql`c.received_at desc, c.id`,
    },
    p,
  );
