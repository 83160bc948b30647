import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, PERIOD, seedDashboardWorld } from '../helpers/dashboard-fixtures.ts';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

// Every dashboard figure equals a direct count on the source tables after the stats job ran; dealers
// see only their own figures; exports are .xlsx; drill-downs list exactly the records behind a cell.

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let w: Awaited<ReturnType<typeof seedDashboardWorld>>;
let d: any;
const q = `from=${PERIOD.from}&to=${PERIOD.to}`;
const START = '2025-12-31T16:00:00Z';
const END = '2026-03-20T16:00:00Z';

const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows.map((r) =>
    Object.fromEntries(
      Object.entries(r as object).map(([k, v]) => [
        k,
        typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
      ]),
    ),
  ) as T[];
const get = (path: string, token = s.admin) => t.request('GET', path, { token });

beforeAll(async () => {
  t = await startTestApp({ start: NOW });
  s = await seedOrg(t);
  w = await seedDashboardWorld(t, s);
  const r = await t.request('POST', '/api/dashboard/refresh', { token: s.admin });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.from).toBe('2025-12-20'); // a new database computes from its first event
  d = (await get(`/api/dashboard?${q}`)).body;
});
afterAll(() => t.close());

describe('dashboard figures equal direct counts', () => {
  it('SLA attainment per metric, team and dealer', async () => {
    const direct = await rows<{
      metric: string;
      met: number;
      breached: number;
      dealer_id: string;
      dept: string | null;
    }>(sql`
      select c.metric, t.dealer_id, t.assignee_department_id as dept,
        count(*) filter (where c.status = 'met')::int as met, count(*) filter (where c.status = 'breached')::int as breached
      from ticket_sla_clocks c join tickets t on t.id = c.ticket_id
      where c.stopped_at >= ${START} and c.stopped_at < ${END} and c.status in ('met', 'breached')
      group by 1, 2, 3`);
    const sum = (f: (r: (typeof direct)[number]) => boolean, k: 'met' | 'breached') =>
      direct.filter(f).reduce((a, r) => a + r[k], 0);
    for (const m of ['firstResponse', 'arrange', 'onsite', 'resolve']) {
      const row = d.figures.sla.rows.find((r: any) => r.dimension === 'metric' && r.metric === m);
      expect([row.met, row.breached], m).toEqual([
        sum((r) => r.metric === m, 'met'),
        sum((r) => r.metric === m, 'breached'),
      ]);
    }
    const arrange = d.figures.sla.rows.find((r: any) => r.key === 'metric:-:arrange');
    expect(arrange).toMatchObject({ met: 1, breached: 1, attainment: 0.5 });
    const dealerA = d.figures.sla.rows.find((r: any) => r.key === `dealer:${s.dealerA.id}:all`);
    expect([dealerA.met, dealerA.breached]).toEqual([
      sum((r) => r.dealer_id === s.dealerA.id, 'met'),
      sum((r) => r.dealer_id === s.dealerA.id, 'breached'),
    ]);
    const team = d.figures.sla.rows.find((r: any) => r.key === `team:${s.dept.id}:all`);
    expect(team.name).toBe('售后服务部');
    expect([team.met, team.breached]).toEqual([
      sum((r) => r.dept === s.dept.id, 'met'),
      sum((r) => r.dept === s.dept.id, 'breached'),
    ]);
    expect(d.headline.slaMet + d.headline.slaBreached).toBe(
      direct.reduce((a, r) => a + r.met + r.breached, 0),
    );
  });

  it('backlog per status and ageing bucket at the refresh', async () => {
    const direct = await rows<{ status: string; n: number; old: number }>(sql`
      select status, count(*)::int as n, count(*) filter (where reported_at <= ${NOW}::timestamptz - interval '30 days')::int as old
      from tickets where status in ('new', 'arranged', 'in_progress', 'waiting_customer') group by status`);
    for (const r of d.figures.backlog.rows) {
      const x = direct.find((y) => y.status === r.status);
      expect(r.total, r.status).toBe(x?.n ?? 0);
      expect(r.gt30d, r.status).toBe(x?.old ?? 0);
    }
    const byStatus = Object.fromEntries(d.figures.backlog.rows.map((r: any) => [r.status, r]));
    expect(byStatus.new.lt1d).toBe(1);
    expect(byStatus.arranged.d1to3).toBe(1); // exactly two days old
    expect(byStatus.in_progress.d3to7).toBe(1);
    expect(d.headline.openTickets).toBe(4);
  });

  it('first-time fix and mean time to repair per month', async () => {
    const ftf = await rows<{ month: string; base: number; first: number }>(sql`
      select to_char(t.resolved_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as base,
        count(*) filter (where w.n = 1 and w.fin = 1)::int as first
      from tickets t join lateral (select count(*) filter (where status <> 'cancelled') as n,
        count(*) filter (where status in ('done', 'signed', 'closed')) as fin from work_orders where ticket_id = t.id) w on w.n > 0
      where t.resolved_at >= ${START} and t.resolved_at < ${END} group by 1`);
    for (const r of d.figures.ftf.rows) {
      const x = ftf.find((y) => y.month === r.month) ?? { base: 0, first: 0 };
      expect([r.base, r.first], r.month).toEqual([x.base, x.first]);
    }
    expect(d.figures.ftf.rows.map((r: any) => [r.month, r.rate])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0.5],
      ['2026-03', null],
    ]);
    const mttr = await rows<{ month: string; n: number; mins: number }>(sql`
      select to_char(check_out_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n,
        sum(extract(epoch from check_out_at - check_in_at) / 60)::int as mins
      from work_orders where check_out_at >= ${START} and check_out_at < ${END} and status <> 'cancelled' group by 1`);
    for (const x of mttr) {
      const r = d.figures.mttr.rows.find((y: any) => y.month === x.month);
      expect([r.repairCount, r.repairMeanMinutes]).toEqual([x.n, x.mins / x.n]);
    }
    expect(d.figures.mttr.rows.find((r: any) => r.month === '2026-02').repairMeanMinutes).toBe(
      (120 + 60 + 240) / 3,
    );
  });

  it('repeat failures: the same asset twice within 90 days, the same part twice on it', () => {
    const keys = d.figures.repeats.rows.map((r: any) => r.key).sort();
    expect(keys).toEqual([`asset:${w.assets.a1}`, `part:${w.assets.a1}:${w.parts.p1}`].sort());
    const part = d.figures.repeats.rows.find((r: any) => r.kind === 'part');
    expect(part).toMatchObject({
      serialNo: 'DB-SN-1',
      partCode: 'DB-P1',
      count: 1,
      modelName: '挖掘机 DX150',
    });
  });

  it('warranty cost per model, dealer, part and month; parts consumed per month', async () => {
    const byModel = await rows<{ month: string; model_id: string; fen: number }>(sql`
      select to_char(o.done_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, a.model_id, sum(o.company_cost_fen)::int as fen
      from work_orders o join assets a on a.id = o.asset_id
      where o.done_at >= ${START} and o.done_at < ${END} and o.status in ('done', 'signed', 'closed') and o.company_cost_fen <> 0
      group by 1, 2`);
    const model = d.figures.cost.rows.filter((r: any) => r.dimension === 'model');
    expect(model.map((r: any) => [r.month, r.id, r.costFen]).sort()).toEqual(
      byModel.map((r) => [r.month, r.model_id, r.fen]).sort(),
    );
    const dealerTotal = d.figures.cost.rows
      .filter((r: any) => r.dimension === 'dealer')
      .reduce((a: number, r: any) => a + r.costFen, 0);
    expect(dealerTotal).toBe(d.headline.warrantyCostFen);
    expect(d.headline.warrantyCostFen).toBe(5000 + 4000 + 1500);
    const partCost = await rows<{ part_id: string; fen: number }>(sql`
      select p.part_id, sum((l->>'amountFen')::int)::int as fen
      from work_orders o cross join lateral jsonb_array_elements(o.charges->'lines') l join work_order_parts p on p.id::text = l->>'ref'
      where o.done_at >= ${START} and o.done_at < ${END} and l->>'payer' = 'company' group by 1`);
    const partRows = d.figures.cost.rows.filter((r: any) => r.dimension === 'part');
    expect(partRows.reduce((a: number, r: any) => a + r.costFen, 0)).toBe(partCost[0]!.fen);
    const consumed = await rows<{ month: string; part_id: string; qty: number }>(sql`
      select to_char(consumed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, part_id, sum(quantity)::int as qty
      from work_order_parts where status = 'consumed' and consumed_at >= ${START} and consumed_at < ${END} group by 1, 2`);
    expect(d.figures.parts.rows.map((r: any) => [r.month, r.partId, r.quantity]).sort()).toEqual(
      consumed.map((r) => [r.month, r.part_id, r.qty]).sort(),
    );
  });

  it('satisfaction trend and NPS per month', async () => {
    const visits = await rows<{ month: string; n: number; score: number }>(sql`
      select to_char(completed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n, avg(score_x100)::float8 / 100 as score
      from follow_up_visits where status = 'done' and completed_at >= ${START} and completed_at < ${END} group by 1`);
    for (const v of visits) {
      const r = d.figures.satisfaction.rows.find((y: any) => y.month === v.month);
      expect([r.visits, r.visitScore]).toEqual([v.n, v.score]);
    }
    const march = d.figures.satisfaction.rows.find((r: any) => r.month === '2026-03');
    expect(march).toMatchObject({ surveys: 2, surveyScore: 3, npsAnswered: 2, nps: 0 });
    const feb = d.figures.satisfaction.rows.find((r: any) => r.month === '2026-02');
    expect(feb).toMatchObject({
      visits: 2,
      unhappyVisits: 1,
      surveys: 1,
      surveyScore: null,
      npsAnswered: 1,
      nps: 0,
    });
  });

  it('complaint causes as a Pareto', async () => {
    const direct = await rows<{ cause: string | null; n: number }>(sql`
      select cause_class as cause, count(*)::int as n from complaints
      where received_at >= ${START} and received_at < ${END} and status <> 'cancelled' group by 1`);
    expect(d.figures.complaints.rows.map((r: any) => [r.cause, r.count])).toEqual(
      direct
        .map((r) => [r.cause ?? 'unclassified', r.n])
        .sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]))),
    );
    expect(d.figures.complaints.rows[0]).toMatchObject({
      cause: 'product',
      count: 2,
      share: 0.5,
      cumulative: 0.5,
      vital: true,
    });
    expect(d.figures.complaints.rows.at(-1).cumulative).toBe(1);
  });

  it('refreshing again changes nothing; new activity shows after the next refresh', async () => {
    // Every day again, from before the first event: the same rows.
    await t.app.services.handlers['stats-refresh']!({ from: '2025-12-01' });
    expect((await get(`/api/dashboard?${q}`)).body.figures).toEqual(d.figures);
    await t.database.db.execute(sql`
      insert into tickets (number, customer_id, dealer_id, channel, type, status, description, reported_at)
      values ('DT-NEW', ${w.customers.A}, ${s.dealerA.id}, 'phone', 'repair', 'new', '新', ${NOW})`);
    await t.app.services.handlers['stats-refresh']!({ from: '2026-03-01' });
    const after = (await get(`/api/dashboard?${q}`)).body;
    expect(after.headline.openTickets).toBe(d.headline.openTickets + 1);
    expect(after.refreshedAt).toBe(NOW.toISOString());
    d = after;
  });
});

describe('dealer scope', () => {
  it('a dealer sees exactly its own figures, whatever dealerId it sends', async () => {
    const mine = (await get(`/api/dashboard?${q}`, s.users.dealer!.token)).body;
    const picked = (await get(`/api/dashboard?${q}&dealerId=${s.dealerA.id}`)).body;
    expect(mine.dealerId).toBe(s.dealerA.id);
    expect(mine.figures).toEqual(picked.figures);
    expect(mine.headline).toEqual(picked.headline);
    expect(mine.figures.complaints.rows.map((r: any) => [r.cause, r.count])).toEqual([['product', 2]]);
    expect(
      mine.figures.sla.rows
        .filter((r: any) => r.dimension === 'dealer')
        .every((r: any) => r.id === s.dealerA.id),
    ).toBe(true);
    expect(mine.headline.warrantyCostFen).toBe(9000);
    const other = await get(`/api/dashboard?${q}&dealerId=${s.dealerB.id}`, s.users.dealer!.token);
    expect(other.status).toBe(404);
    expect(
      (
        await get(
          `/api/dashboard/complaints/records?${q}&key=service&dealerId=${s.dealerB.id}`,
          s.users.dealer!.token,
        )
      ).status,
    ).toBe(404);
    const drill = (await get(`/api/dashboard/complaints/records?${q}&key=service`, s.users.dealer!.token))
      .body;
    expect(drill.total).toBe(0);
    // Stored company-wide reports and the refresh are for all-scope staff.
    expect((await t.request('POST', '/api/dashboard/refresh', { token: s.users.dealer!.token })).status).toBe(
      403,
    );
  });
});

describe('export and drill-down', () => {
  it('exports a figure as an .xlsx with Chinese headers and the same rows', async () => {
    const r = await fetch(`${t.base}/api/dashboard/sla/export?${q}`, {
      headers: { authorization: `Bearer ${s.admin}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await r.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('时限达成率');
    expect(ws.getRow(1).values).toContain('达成率（%）');
    expect(ws.rowCount - 1).toBe(d.figures.sla.rows.length);
    expect(ws.getRow(2).getCell(3).value).toBe('首次响应');
  });

  it('drill-down rows match the figure cell', async () => {
    const drill = async (figure: string, key: string) => {
      const r = await get(`/api/dashboard/${figure}/records?${q}&key=${encodeURIComponent(key)}&limit=200`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as {
        items: { kind: string; id: string; value: number | null; status: string }[];
        total: number;
      };
    };
    const arrange = d.figures.sla.rows.find((r: any) => r.key === 'metric:-:arrange');
    const a = await drill('sla', arrange.key);
    expect(a.total).toBe(arrange.met + arrange.breached);
    expect(a.items.filter((i) => i.status === 'met')).toHaveLength(arrange.met);
    expect((await drill('backlog', 'new')).total).toBe(d.figures.backlog.rows[0].total);
    expect((await drill('backlog', 'all:gt30d')).items).toHaveLength(1);
    const ftf = await drill('ftf', '2026-02');
    expect(ftf.items.map((i) => i.status).sort()).toEqual(['first_time_fix', 'not_first_time']);
    for (const row of d.figures.cost.rows) {
      const x = await drill('cost', row.key);
      expect(
        x.items.reduce((s, i) => s + (i.value ?? 0), 0),
        row.key,
      ).toBe(row.costFen);
      expect(x.items.every((i) => i.kind === 'workOrder')).toBe(true);
    }
    for (const row of d.figures.parts.rows) {
      const x = await drill('parts', row.key);
      expect(
        x.items.reduce((s, i) => s + (i.value ?? 0), 0),
        row.key,
      ).toBe(row.quantity);
    }
    const repeats = await drill('repeats', `asset:${w.assets.a1}`);
    expect(repeats.items.map((i) => i.kind)).toEqual(['ticket', 'ticket']);
    const visits = await drill('satisfaction', 'visit:2026-02');
    expect(visits.total).toBe(2);
    expect(visits.items.find((i) => i.status === 'unhappy')?.value).toBe(1.5);
    const product = await drill('complaints', 'product');
    expect(product.total).toBe(2);
    expect((await drill('complaints', 'unclassified')).total).toBe(1);
    expect((await drill('mttr', 'resolve:2026-03')).items[0]!.value).toBe(120);
  });
});

describe('bad input names the field', () => {
  it.each([
    [`/api/dashboard?from=2026-03-10&to=2026-03-01`, 'querystring.from'],
    [`/api/dashboard?from=2026-02-30`, 'querystring.from'],
    [`/api/dashboard?to=yesterday`, 'querystring.to'],
    [`/api/dashboard?from=2020-01-01&to=2026-01-01`, 'querystring.from'],
    [`/api/dashboard?dealerId=nope`, 'querystring.dealerId'],
    [`/api/dashboard/speed/export`, 'params.figure'],
    [`/api/dashboard/speed/records?key=x`, 'params.figure'],
    [`/api/dashboard/sla/records?key=metric:-:speed`, 'querystring.key'],
    [`/api/dashboard/sla/records`, 'querystring.key'],
  ])('%s → 400 %s', async (path, field) => {
    const r = await get(path);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.error.details.map((x: { field: string }) => x.field)).toContain(field);
  });
});
