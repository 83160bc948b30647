import { sql } from 'drizzle-orm';
import type { TestApp } from '../test/helpers/test-app.ts';
import { timed } from './util.ts';

// Dispatch at the designed size: 500 engineers and 5 thousand open work orders. Prints the latency of
// the ranked suggestion (target p95 ≤ 100 ms), the dispatch board, and the work-order page (≤ 50 ms),
// one request at a time: the latency one dispatcher sees (PGlite runs one query at a time anyway).

const CATEGORIES = ['excavator', 'loader', 'crane', 'roller', 'forklift'];
const REGIONS = ['江苏', '浙江', '广东', '山东', '河南', '四川', '湖北', '河北'];

export const benchWorkOrders = async (t: TestApp, admin: string) => {
  const { db } = t.database;
  const req = <T = any>(method: string, path: string, body?: unknown) =>
    t.request<T>(method, path, { token: admin, body });
  const policy = await req('POST', '/api/warranty-policies', {
    name: '派工基准',
    startBasis: 'delivery',
    months: 24,
    hoursLimit: null,
  });
  const model = await req('POST', '/api/product-models', {
    code: 'WB-M',
    name: '派工基准机型',
    category: 'excavator',
    warrantyPolicyId: policy.body.id,
    wearParts: ['WB-P1'],
  });
  const customer = await req('POST', '/api/customers', {
    name: '派工基准客户',
    kind: 'existing',
    grade: 'A',
    region: '江苏南京',
  });
  const asset = await req('POST', '/api/assets', {
    serialNo: 'WB-SN-1',
    modelId: model.body.id,
    customerId: customer.body.id,
    deliveredAt: new Date().toISOString().slice(0, 10),
  });

  const t0 = performance.now();
  await db.execute(sql`
    insert into engineers (name, trade, skills, regions, capacity)
    select '工程师' || g, (array['hydraulic','electrical','mechanical','general'])[1 + g % 4],
      array[(${sql.raw(`array['${CATEGORIES.join("','")}']`)})[1 + g % 5], (${sql.raw(`array['${CATEGORIES.join("','")}']`)})[1 + (g / 5) % 5]],
      array[(${sql.raw(`array['${REGIONS.join("','")}']`)})[1 + g % 8]], 8
    from generate_series(1, 500) g`);
  await db.execute(sql`
    insert into tickets (number, customer_id, asset_id, channel, type, status, description, reported_at, created_at, updated_at)
    select 'WB' || lpad(g::text, 7, '0'), ${customer.body.id}, ${asset.body.id}, 'phone', 'repair', 'arranged', '派工基准 ' || g, now(), now(), now()
    from generate_series(1, 5000) g`);
  await db.execute(sql`
    insert into work_orders (number, ticket_id, customer_id, asset_id, status, task, trade, category, region, deadline_at, planned_date)
    select 'WBO' || substr(t.number, 3), t.id, t.customer_id, t.asset_id,
      (array['planned','dispatched','travelling','on_site','done'])[1 + n % 5], '基准任务',
      (array['hydraulic','electrical','mechanical'])[1 + n % 3],
      (${sql.raw(`array['${CATEGORIES.join("','")}']`)})[1 + n % 5],
      (${sql.raw(`array['${REGIONS.join("','")}']`)})[1 + n % 8] || '某市',
      now() + (n % 72 || ' hours')::interval, (current_date + (n % 7))
    from (select id, number, customer_id, asset_id, substr(number, 3)::int as n from tickets where number like 'WB%') t`);
  await db.execute(sql`
    insert into work_order_engineers (work_order_id, engineer_id, lead)
    select w.id, e.id, true from work_orders w
    join lateral (select id from engineers order by id offset (abs(hashtext(w.number)) % 500) limit 1) e on true
    where w.number like 'WBO%' and w.status <> 'planned'`);
  await db.execute(sql`analyze engineers`);
  await db.execute(sql`analyze work_orders`);
  await db.execute(sql`analyze work_order_engineers`);
  console.log(
    `generated 500 engineers and 5,000 open work orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const ids = (
    (await db.execute(
      sql`select id from work_orders where number like 'WBO%' order by number`,
    )) as unknown as {
      rows: { id: string }[];
    }
  ).rows.map((r) => r.id);
  const sug = await timed(200, 1, (i) =>
    req('GET', `/api/work-orders/${ids[(i * 37) % ids.length]}/suggestions`),
  );
  console.log(
    `dispatch suggestion (500 engineers, 5k open orders): p50 ${sug.p50} ms, p95 ${sug.p95} ms (target p95 ≤ 100 ms)`,
  );
  const from = new Date().toISOString().slice(0, 10);
  const board = await timed(30, 1, () => req('GET', `/api/dispatch-board?from=${from}&days=7`));
  console.log(`dispatch board, 7 days × 500 engineers: p50 ${board.p50} ms, p95 ${board.p95} ms`);

  // A realistic page: dispatched, checked in, diagnosed, five work items, three parts used.
  const ticket = await req('POST', '/api/tickets', {
    customerId: customer.body.id,
    assetId: asset.body.id,
    channel: 'phone',
    type: 'repair',
    description: '基准',
  });
  const engineer = await req('POST', '/api/engineers', {
    name: '页面工程师',
    trade: 'hydraulic',
    skills: ['excavator'],
  });
  let o = (
    await req('POST', `/api/tickets/${ticket.body.id}/work-orders`, {
      task: '页面基准',
      engineerIds: [engineer.body.id],
    })
  ).body;
  o = (await req('POST', `/api/work-orders/${o.id}/transition`, { version: o.version, to: 'on_site' })).body;
  o = (
    await req('PUT', `/api/work-orders/${o.id}/diagnosis`, {
      version: o.version,
      cause: 'defect',
      diagnosis: '基准诊断',
    })
  ).body;
  const main = (await req('GET', '/api/stock-locations')).body.items.find(
    (l: { code: string }) => l.code === 'MAIN',
  ).id;
  for (let i = 1; i <= 3; i++) {
    const p = await req('POST', '/api/parts', {
      code: `WB-P${i}`,
      name: `基准零件${i}`,
      costFen: 1000 * i,
      listFen: 1500 * i,
    });
    await req('POST', '/api/stock/receive', { partId: p.body.id, locationId: main, quantity: 10 });
    await req('POST', `/api/work-orders/${o.id}/parts`, { partId: p.body.id, locationId: main, quantity: 1 });
  }
  for (let i = 1; i <= 5; i++)
    await req('POST', `/api/work-orders/${o.id}/items`, {
      description: `项目${i}`,
      quantity: 1,
      labourMinutes: 30,
    });
  const page = await timed(300, 1, () => req('GET', `/api/work-orders/${o.id}`));
  console.log(
    `work-order page (5 items, 3 parts, events): p50 ${page.p50} ms, p95 ${page.p95} ms (target p95 ≤ 50 ms)`,
  );
  const list = await timed(100, 1, () => req('GET', '/api/work-orders?status=dispatched,on_site&limit=50'));
  console.log(`work-order list page of 50: p50 ${list.p50} ms, p95 ${list.p95} ms`);
};
