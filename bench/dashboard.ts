import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { previousMonth } from '../src/domain/reports/periods.ts';
import { startTestApp, type TestApp } from '../test/helpers/test-app.ts';
import { generateTickets } from './tickets.ts';
import { timed } from './util.ts';

// Dashboards at volume: on the tickets benchTickets generated (1 million on PostgreSQL, 100 thousand
// on PGlite) this adds, in SQL, 50 dealers, 8 teams, an installed base of one asset per ten tickets,
// resolutions and ended SLA clocks, work orders for the resolved field tickets (with parts and
// company-paid charge lines), complaints, return visits and survey responses. Then it prints the
// stats-refresh times (first full run, then the 5-minute run), the dashboard load p50/p95 (target
// p95 ≤ 300 ms on PostgreSQL), a drill-down page, and the monthly report's run time.

const h = (col: string, mod: number) => sql.raw(`((hashtext(${col}) & 2147483647) % ${mod})`);
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

export const enrichForDashboard = async (t: TestApp, admin: string) => {
  const { db } = t.database;
  const n = Number(
    (
      (await db.execute(sql`select count(*)::int as n from tickets where number like 'BN%'`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );
  const policy = await t.request('POST', '/api/warranty-policies', {
    token: admin,
    body: { name: '看板基准', startBasis: 'delivery', months: 24, hoursLimit: null },
  });
  const loc = (
    (await db.execute(sql`select id from stock_locations order by code limit 1`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows[0]!.id;
  const t0 = performance.now();
  await db.execute(sql`insert into dealers (code, name)
    select 'BD' || lpad(g::text, 2, '0'), '基准经销商' || g from generate_series(1, 50) g`);
  await db.execute(
    sql`insert into departments (code, name) select 'BDEP' || g, '服务班组' || g from generate_series(1, 8) g`,
  );
  await db.execute(sql`insert into product_models (code, name, category, warranty_policy_id)
    select 'BM' || g, '基准机型' || g, 'excavator', ${policy.body.id} from generate_series(1, 20) g`);
  await db.execute(sql`insert into parts (code, name, cost_fen, list_fen)
    select 'BP' || g, '基准备件' || g, 1000 + g, 1500 + g from generate_series(1, 200) g`);
  await db.execute(sql`insert into assets (serial_no, model_id, customer_id, warranty_policy_id)
    select 'BA' || g, (m.ids)[1 + g % 20], c.id, ${policy.body.id}
    from generate_series(1, ${Math.max(1000, Math.round(n / 10))}::int) g
    cross join (select array(select id from product_models where code like 'BM%' order by code) as ids) m
    join customers c on c.code = 'BC' || (1 + g % 2000)`);
  await db.execute(sql`update tickets t set
      dealer_id = (d.ids)[1 + ${h('t.number', 50)}],
      assignee_department_id = case when ${h('t.number', 10)} < 8 then (dp.ids)[1 + ${h('t.number', 8)}] end,
      asset_id = case when t.type = 'repair' then (a.ids)[1 + ${h("t.number || 'a'", 1_000_000)} % cardinality(a.ids)] end,
      resolved_at = case when t.status in ('resolved', 'closed') then least(now(), t.reported_at + (1 + ${h("t.number || 'r'", 72)}) * interval '1 hour') end
    from (select array(select id from dealers where code like 'BD%' order by code) as ids) d,
      (select array(select id from departments where code like 'BDEP%' order by code) as ids) dp,
      (select array(select id from assets where serial_no like 'BA%') as ids) a
    where t.number like 'BN%'`);
  await db.execute(sql`update ticket_sla_clocks c set
      stopped_at = least(now(), c.started_at + (10 + ${h('c.id::text', 600)}) * interval '1 minute'),
      status = case when ${h("c.id::text || 's'", 10)} < 8 then 'met' else 'breached' end
    from tickets t where t.id = c.ticket_id and t.number like 'BN%' and t.status in ('resolved', 'closed')`);
  console.log(`  tickets: dealers, teams, assets, resolutions and ended clocks in ${secs(t0)} s`);
  const t1 = performance.now();
  await db.execute(sql`insert into work_orders (number, ticket_id, customer_id, asset_id, dealer_id, status, task,
      check_in_at, check_out_at, done_at, company_cost_fen)
    select 'BW' || substr(t.number, 3) || '-' || k, t.id, t.customer_id, t.asset_id, t.dealer_id,
      (array['done', 'signed', 'closed', 'closed'])[1 + ${h('t.number', 4)}], '基准维修',
      t.reported_at + interval '2 hours', least(now(), t.reported_at + interval '2 hours' + (30 + ${h('t.number', 240)}) * interval '1 minute'),
      least(now(), t.reported_at + interval '2 hours' + (30 + ${h('t.number', 240)}) * interval '1 minute'),
      ${h("t.number || 'c'", 5)} * 10000
    from tickets t cross join generate_series(1, 2) k
    where t.number like 'BN%' and t.type in ('repair', 'installation', 'maintenance') and t.status in ('resolved', 'closed')
      and (k = 1 or ${h("t.number || 'k'", 7)} = 0)`);
  await db.execute(sql`insert into work_order_parts (work_order_id, part_id, location_id, quantity, status, consumed_at)
    select w.id, (p.ids)[1 + ${h('w.number', 200)}], ${loc}, 1 + ${h("w.number || 'q'", 3)}, 'consumed', w.check_in_at + interval '30 minutes'
    from work_orders w cross join (select array(select id from parts where code like 'BP%' order by code) as ids) p
    where w.number like 'BW%'`);
  await db.execute(sql`update work_orders w set charges = jsonb_build_object('lines', jsonb_build_array(
      jsonb_build_object('kind', 'part', 'ref', l.id, 'payer', 'company', 'amountFen', w.company_cost_fen / 2),
      jsonb_build_object('kind', 'labour', 'ref', null, 'payer', 'company', 'amountFen', w.company_cost_fen - w.company_cost_fen / 2)))
    from work_order_parts l where l.work_order_id = w.id and w.number like 'BW%'`);
  await db.execute(sql`insert into complaints (number, customer_id, dealer_id, channel, severity, subject, description,
      received_at, status, cause_class, closed_at)
    select 'BK' || substr(t.number, 3), t.customer_id, t.dealer_id, 'phone', 'medium', '基准投诉', '基准', t.reported_at + interval '1 hour',
      (array['received', 'investigating', 'action', 'closed', 'closed'])[1 + ${h('t.number', 5)}],
      (array['product', 'product', 'product', 'service', 'service', 'parts', 'delivery', 'attitude', 'price', 'other'])[1 + ${h("t.number || 'x'", 10)}],
      case when ${h('t.number', 5)} >= 3 then t.reported_at + interval '3 days' end
    from tickets t where t.number like 'BN%' and ${h("t.number || 'k'", 100)} = 0`);
  await db.execute(sql`insert into follow_up_visits (kind, ticket_id, customer_id, dealer_id, status, due_at, score_x100,
      unhappy, follow_up_status, completed_at)
    select 'service', t.id, t.customer_id, t.dealer_id, 'done', t.resolved_at + interval '2 days', s.score, s.score <= 200,
      case when s.score <= 200 then 'open' else 'none' end, least(now(), t.resolved_at + interval '1 day')
    from tickets t cross join lateral (select 100 + ${h("t.number || 'v'", 401)} as score) s
    where t.number like 'BN%' and t.status = 'closed' and ${h("t.number || 'v2'", 2)} = 0`);
  const survey = (
    (await db.execute(sql`insert into surveys (code, name, questions, status)
    values ('BS1', '基准问卷', '[]'::jsonb, 'active') returning id`)) as unknown as { rows: { id: string }[] }
  ).rows[0]!.id;
  await db.execute(sql`insert into survey_invitations (survey_id, customer_id, dealer_id, period, token_hash, expires_at, responded_at)
    select ${survey}, c.id, c.dealer_id, 'BQ', 'bh' || c.code, now() + interval '30 days', now() - ${h('c.code', 900)} * interval '1 hour'
    from customers c where c.code like 'BC%'`);
  await db.execute(sql`insert into survey_responses (invitation_id, survey_id, customer_id, dealer_id, period, answers, score_x100, nps, submitted_at)
    select i.id, i.survey_id, i.customer_id, i.dealer_id, i.period, '[]'::jsonb, 100 + ${h('i.token_hash', 401)}, ${h("i.token_hash || 'n'", 11)}, i.responded_at
    from survey_invitations i where i.period = 'BQ'`);
  for (const table of [
    'tickets',
    'ticket_sla_clocks',
    'work_orders',
    'work_order_parts',
    'complaints',
    'follow_up_visits',
    'survey_responses',
  ])
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  const counts = (
    (await db.execute(sql`select (select count(*) from work_orders where number like 'BW%')::int as orders,
      (select count(*) from complaints where number like 'BK%')::int as complaints,
      (select count(*) from follow_up_visits)::int as visits`)) as unknown as {
      rows: Record<string, number>[];
    }
  ).rows[0]!;
  console.log(
    `  ${counts.orders!.toLocaleString('en')} work orders with parts and charges, ${counts.complaints!.toLocaleString('en')} complaints, ${counts.visits!.toLocaleString('en')} visits, survey responses in ${secs(t1)} s`,
  );
  return n;
};

export const benchDashboard = async (t: TestApp, admin: string) => {
  const n = await enrichForDashboard(t, admin);
  const handlers = t.app.services.handlers;
  let t0 = performance.now();
  const full = (await handlers['stats-refresh']!({})) as { days: number };
  console.log(`stats-refresh, first run (${full.days} days from the first event): ${secs(t0)} s`);
  t0 = performance.now();
  await handlers['stats-refresh']!({});
  console.log(
    `stats-refresh, the 5-minute run (today and yesterday): ${(performance.now() - t0).toFixed(0)} ms`,
  );

  const dealer = (
    (await t.database.db.execute(sql`select id from dealers where code = 'BD07'`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows[0]!.id;
  const load = async (label: string, path: string) => {
    const r = await timed(60, 1, () => t.request('GET', path, { token: admin }));
    console.log(
      `${label} at ${n.toLocaleString('en')} tickets: p50 ${r.p50} ms, p95 ${r.p95} ms (target p95 ≤ 300 ms)`,
    );
  };
  await load('dashboard, six months, whole company', '/api/dashboard');
  await load('dashboard, six months, one dealer', `/api/dashboard?dealerId=${dealer}`);
  const conc = await timed(60, 4, () => t.request('GET', '/api/dashboard', { token: admin }));
  console.log(`dashboard with 4 concurrent users: p50 ${conc.p50} ms, p95 ${conc.p95} ms`);
  await load(
    'drill-down, resolve clocks, first page',
    '/api/dashboard/sla/records?key=metric:-:resolve&limit=50',
  );

  const month = previousMonth(new Date());
  t0 = performance.now();
  const run = await t.request('POST', '/api/reports/monthly/run', { token: admin, body: { period: month } });
  console.log(
    `monthly report ${month} (stats refresh + the month's figures + store): ${secs(t0)} s → ${run.status}`,
  );
};

// `tsx bench/dashboard.ts` runs this part alone (generating the tickets first).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t = await startTestApp({ start: new Date() });
  const admin = await t.adminToken();
  const n = Number(process.env.BENCH_TICKETS ?? (t.database.engine === 'postgres' ? 1_000_000 : 100_000));
  const policies = await t.request('GET', '/api/sla-policies', { token: admin });
  const policyId = policies.body.items.find((p: { priority: number }) => p.priority === 1000).id;
  const s = await generateTickets(t, { n, customers: 2000, policyId });
  console.log(
    `engine ${t.database.engine}: generated ${n.toLocaleString('en')} tickets in ${s.toFixed(1)} s`,
  );
  await benchDashboard(t, admin);
  await t.close();
}
