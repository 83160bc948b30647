import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

// Queries of the daily problem list and the weekly satisfaction report (the monthly report is the
// dashboard's figures for the month).

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Executor, q: SQL) => ((await db.execute(q)) as unknown as Rows<T>).rows;

export type ProblemRow = {
  customerId: string;
  customerName: string;
  dealerName: string | null;
  n: number;
  /** For tickets: how many of n are already overdue (the rest are at risk). */
  overdue: number;
  refs: string[];
};

const withCustomer = (inner: SQL) => sql`
  select x.customer_id as "customerId", c.name as "customerName", d.name as "dealerName",
    x.n::int as n, x.overdue::int as overdue, x.refs as refs
  from (${inner}) x join customers c on c.id = x.customer_id left join dealers d on d.id = c.dealer_id`;

/** Open tickets past their next deadline, or reaching it within `riskMs`, per customer. */
export const ticketsAtRisk = (db: Executor, now: Date, riskMs: number) =>
  rows<ProblemRow>(
    db,
    withCustomer(sql`
      select customer_id, count(*) as n, count(*) filter (where next_due_at < ${now}) as overdue,
        (array_agg(number order by next_due_at))[1:5] as refs
      from tickets
      where status not in ('resolved', 'closed', 'cancelled')
        and next_due_at < ${new Date(now.getTime() + riskMs)}
      group by customer_id`),
  );

/** Unhappy return visits whose follow-up is still open, or that were made in the period. */
export const unhappyVisits = (db: Executor, start: Date, end: Date) =>
  rows<ProblemRow>(
    db,
    withCustomer(sql`
      select v.customer_id, count(*) as n, 0 as overdue,
        (array_agg(coalesce(t.number, to_char(v.completed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')) order by v.completed_at desc))[1:5] as refs
      from follow_up_visits v left join tickets t on t.id = v.ticket_id
      where v.unhappy and (v.follow_up_status = 'open' or (v.completed_at >= ${start} and v.completed_at < ${end}))
      group by v.customer_id`),
  );

/** Complaints not yet closed; overdue = the 72-hour feedback is late. */
export const openComplaints = (db: Executor, now: Date) =>
  rows<ProblemRow>(
    db,
    withCustomer(sql`
      select customer_id, count(*) as n,
        count(*) filter (where feedback_at is null and feedback_due_at < ${now}) as overdue,
        (array_agg(number order by received_at))[1:5] as refs
      from complaints where status not in ('closed', 'cancelled')
      group by customer_id`),
  );

export type ScoreGroup = {
  id: string | null;
  name: string | null;
  answered: number;
  scored: number;
  scoreX100Sum: number;
  unhappy: number;
  npsAnswered: number;
  promoters: number;
  detractors: number;
};

const GROUPS = {
  engineer: { col: sql`engineer_id`, join: sql`left join engineers g on g.id = x.id` },
  dealer: { col: sql`dealer_id`, join: sql`left join dealers g on g.id = x.id` },
};

/** Return visits completed and survey responses submitted in the range, per engineer or dealer. */
export const scoresBy = async (
  db: Executor,
  source: 'visit' | 'survey',
  by: 'engineer' | 'dealer',
  start: Date,
  end: Date,
) => {
  const g = GROUPS[by];
  const inner =
    source === 'visit'
      ? sql`select ${g.col} as id, count(*) as answered, count(score_x100) as scored, coalesce(sum(score_x100), 0) as score,
              count(*) filter (where unhappy) as unhappy, 0 as nps_answered, 0 as promoters, 0 as detractors
            from follow_up_visits where status = 'done' and completed_at >= ${start} and completed_at < ${end} group by 1`
      : sql`select ${g.col} as id, count(*) as answered, count(score_x100) as scored, coalesce(sum(score_x100), 0) as score,
              count(*) filter (where score_x100 <= 200) as unhappy, count(nps) as nps_answered,
              count(*) filter (where nps >= 9) as promoters, count(*) filter (where nps <= 6) as detractors
            from survey_responses where submitted_at >= ${start} and submitted_at < ${end} group by 1`;
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select x.id, g.name, x.answered, x.scored, x.score, x.unhappy, x.nps_answered, x.promoters, x.detractors
        from (${inner}) x ${g.join} order by g.name nulls last`,
  );
  return r.map(
    (x): ScoreGroup => ({
      id: (x.id as string | null) ?? null,
      name: (x.name as string | null) ?? null,
      answered: Number(x.answered),
      scored: Number(x.scored),
      scoreX100Sum: Number(x.score),
      unhappy: Number(x.unhappy),
      npsAnswered: Number(x.nps_answered),
      promoters: Number(x.promoters),
      detractors: Number(x.detractors),
    }),
  );
};

export type UnhappyRow = {
  source: 'visit' | 'survey';
  id: string;
  customerId: string;
  customerName: string;
  dealerName: string | null;
  engineerName: string | null;
  score: number | null;
  at: Date;
  ref: string | null;
  comment: string | null;
};

/** Customers unhappy in the range: unhappy visits and survey answers scoring 2 or less. */
export const unhappyCustomers = (db: Executor, start: Date, end: Date, limit = 200) =>
  rows<UnhappyRow>(
    db,
    sql`select u.source, u.id, u.customer_id as "customerId", c.name as "customerName", d.name as "dealerName",
          e.name as "engineerName", u.score / 100.0 as score, u.at, u.ref, u.comment
        from (
          select 'visit' as source, v.id, v.customer_id, v.dealer_id, v.engineer_id, v.score_x100 as score,
            v.completed_at as at, t.number as ref, coalesce(v.follow_up_action, v.suggestions) as comment
          from follow_up_visits v left join tickets t on t.id = v.ticket_id
          where v.status = 'done' and v.unhappy and v.completed_at >= ${start} and v.completed_at < ${end}
          union all
          select 'survey', s.id, s.customer_id, s.dealer_id, s.engineer_id, s.score_x100, s.submitted_at, s.period, null
          from survey_responses s
          where s.score_x100 <= 200 and s.submitted_at >= ${start} and s.submitted_at < ${end}
        ) u join customers c on c.id = u.customer_id
        left join dealers d on d.id = u.dealer_id left join engineers e on e.id = u.engineer_id
        order by u.at desc limit ${limit}`,
  );

/** Complaints received and closed in the range, per cause class. */
export const complaintFlow = async (db: Executor, start: Date, end: Date) => {
  const r = await rows<{ cause: string | null; opened: number; closed: number }>(
    db,
    sql`select cause_class as cause,
          count(*) filter (where received_at >= ${start} and received_at < ${end})::int as opened,
          count(*) filter (where closed_at >= ${start} and closed_at < ${end})::int as closed
        from complaints
        where (received_at >= ${start} and received_at < ${end}) or (closed_at >= ${start} and closed_at < ${end})
        group by cause_class`,
  );
  return r.map((x) => ({ cause: x.cause, opened: Number(x.opened), closed: Number(x.closed) }));
};
