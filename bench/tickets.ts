import { sql } from 'drizzle-orm';
import type { TestApp } from '../test/helpers/test-app.ts';
import { timed } from './util.ts';

// Ticket registration throughput (API vs raw INSERTs through the same driver) and desk queue latency
// at volume: 1 million tickets on a PostgreSQL server, 100 thousand on PGlite (BENCH_TICKETS overrides).

/** Generates `n` tickets with two clocks each, spread over statuses, dealers and due times, in SQL. */
export const generateTickets = async (
  t: TestApp,
  opts: { n: number; customers: number; policyId: string },
) => {
  const { db } = t.database;
  const t0 = performance.now();
  await db.execute(sql`
    insert into customers (code, name, kind, grade, dealer_id)
    select 'BC' || g, '基准客户' || g, 'existing', (array['A','B','C','D'])[1 + g % 4],
      (select id from dealers order by code limit 1 offset (g % 2))
    from generate_series(1, ${opts.customers}) g`);
  const cal = (await db.execute(
    sql`select calendar_id from sla_policies where id = ${opts.policyId}`,
  )) as unknown as {
    rows: { calendar_id: string }[];
  };
  const chunk = 200_000;
  for (let from = 1; from <= opts.n; from += chunk) {
    const to = Math.min(opts.n, from + chunk - 1);
    await db.execute(sql`
      insert into tickets (number, customer_id, dealer_id, channel, type, status, description, reported_at,
        sla_policy_id, next_due_at, sla_state, created_at, updated_at)
      select 'BN' || lpad(g::text, 9, '0'), c.id, c.dealer_id,
        (array['phone','email','web','letter','visit','im'])[1 + g % 6],
        (array['consultation','repair','installation','training','maintenance','return','complaint'])[1 + g % 7],
        (array['new','arranged','in_progress','waiting_customer','resolved','closed','closed','closed','closed','cancelled'])[1 + g % 10],
        '基准工单 ' || g, now() - (g % 900 || ' hours')::interval, ${opts.policyId},
        now() + ((g % 4000) - 1000 || ' minutes')::interval, 'running',
        now() - (g % 900 || ' hours')::interval, now()
      from generate_series(${from}::int, ${to}::int) g
      join customers c on c.code = 'BC' || (1 + g % ${opts.customers})`);
  }
  await db.execute(sql`
    insert into ticket_sla_clocks (ticket_id, metric, target_minutes, calendar_id, started_at, due_at, status, computed_at)
    select t.id, m.metric, 120, ${cal.rows[0]!.calendar_id}, t.reported_at, t.next_due_at, 'running', now()
    from tickets t cross join (values ('arrange'), ('resolve')) m(metric)
    where t.number like 'BN%'`);
  await db.execute(sql`analyze tickets`);
  await db.execute(sql`analyze ticket_sla_clocks`);
  return (performance.now() - t0) / 1000;
};

export const benchTickets = async (t: TestApp, admin: string) => {
  const engine = t.database.engine;
  const n = Number(process.env.BENCH_TICKETS ?? (engine === 'postgres' ? 1_000_000 : 100_000));
  const customer = await t.request('POST', '/api/customers', {
    token: admin,
    body: { name: '吞吐客户', kind: 'existing', grade: 'A' },
  });
  const policies = await t.request('GET', '/api/sla-policies', { token: admin });
  const policyId = policies.body.items.find((p: { priority: number }) => p.priority === 1000).id;

  // Registration: the whole use case (policy match, clocks, events, audit) against one plain INSERT.
  const count = 400;
  const api = await timed(count, 4, () =>
    t.request('POST', '/api/tickets', {
      token: admin,
      body: {
        customerId: customer.body.id,
        channel: 'phone',
        type: 'consultation',
        description: '咨询保养周期',
      },
    }),
  );
  const raw = await timed(count, 4, (i) =>
    t.database.db.execute(sql`
      insert into tickets (number, customer_id, channel, type, status, description, reported_at)
      values (${`RAW${i}-${Date.now()}`}, ${customer.body.id}, 'phone', 'consultation', 'new', '咨询', now())`),
  );
  console.log(
    `ticket creation: API ${api.perSecond}/s (p95 ${api.p95} ms) vs raw single-row INSERT ${raw.perSecond}/s → ratio ${(api.perSecond / raw.perSecond).toFixed(2)} (target ≥ 0.3)`,
  );

  const secs = await generateTickets(t, { n, customers: 2000, policyId });
  console.log(`generated ${n.toLocaleString('en')} tickets with clocks in ${secs.toFixed(1)} s (${engine})`);
  const open = 'status=new,arranged,in_progress,waiting_customer';
  const q = async (label: string, path: string, token = admin) => {
    const r = await timed(200, 1, () => t.request('GET', path, { token }));
    console.log(
      `queue ${label} at ${n.toLocaleString('en')} tickets: p50 ${r.p50} ms, p95 ${r.p95} ms (target p95 ≤ 50 ms)`,
    );
  };
  await q('open tickets by due time, page of 50', `/api/tickets?${open}&sort=due&limit=50`);
  await q('overdue, page of 50', `/api/tickets?overdue=true&limit=50`);
  await q('repairs by phone, 5th page', `/api/tickets?${open}&type=repair&channel=phone&limit=50&offset=200`);
  await q('newest first (all statuses)', `/api/tickets?sort=created&limit=50`);
};
