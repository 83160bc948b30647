import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintWorld, HOUR } from '../helpers/complaint-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// What complaints feed back: improvement suggestions tracked until done (with the overdue list) and
// the Pareto of causes for the dashboards, checked against a direct count.

let t: TestApp;
let w: Awaited<ReturnType<typeof complaintWorld>>;

beforeAll(async () => {
  t = await startTestApp({ config: { loginRateLimitPerMinute: 10_000 } });
  w = await complaintWorld(t);
});
afterAll(() => t.close());

const DAY = 24 * HOUR;
const list = async (query: string, token = w.tokens.quality!) => {
  const r = await t.request('GET', `/api/improvement-suggestions${query}`, { token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { items: { id: string; overdue: boolean; status: string }[]; total: number };
};

describe('improvement suggestions', () => {
  it('are raised from a complaint or a fault analysis and tracked until done', async () => {
    const c = await w.toAction(await w.register(), 'product');
    const inDays = (n: number) => new Date(t.clock.now().getTime() + n * DAY).toISOString();
    const fromComplaint = await t.request('POST', `/api/complaints/${c.id}/suggestions`, {
      token: w.tokens.quality,
      body: {
        title: '动臂油缸密封结构改进',
        description: '同批次多起内泄投诉，建议改用双唇密封',
        target: 'rd',
        ownerUserId: w.s.users.technical!.id,
        dueAt: inDays(5),
      },
    });
    expect(fromComplaint.status, JSON.stringify(fromComplaint.body)).toBe(201);
    expect(fromComplaint.body).toMatchObject({
      source: 'complaint',
      complaintId: c.id,
      complaintNumber: c.number,
      status: 'open',
      ownerName: 'technical',
      overdue: false,
    });
    const owner = await t.request('GET', '/api/notifications', { token: w.tokens.technical });
    expect(owner.body.items.some((i: { title: string }) => i.title.includes('动臂油缸密封结构改进'))).toBe(
      true,
    );
    const standalone = await t.request('POST', '/api/improvement-suggestions', {
      token: w.tokens.technical,
      body: { title: '液压油滤芯寿命偏短', target: 'quality', dueAt: inDays(1) },
    });
    expect(standalone.status).toBe(201);
    expect(standalone.body).toMatchObject({ source: 'fault_analysis', complaintId: null });

    const detail = await t.request('GET', `/api/complaints/${c.id}`, { token: w.tokens.quality });
    expect(detail.body.suggestions.map((s: { id: string }) => s.id)).toEqual([fromComplaint.body.id]);
    const portal = await t.request('GET', `/api/complaints/${c.id}`, { token: w.tokens.customer });
    expect(portal.body.suggestions).toEqual([]);

    expect((await list('?overdue=true')).items).toEqual([]);
    t.clock.advance(2 * DAY);
    await w.relogin();
    const overdue = await list('?overdue=true');
    expect(overdue.items.map((i) => i.id)).toEqual([standalone.body.id]);
    expect(overdue.items[0]!.overdue).toBe(true);
    expect((await list('?target=rd')).items.map((i) => i.id)).toEqual([fromComplaint.body.id]);

    const patch = (body: Record<string, unknown>) =>
      t.request('PATCH', `/api/improvement-suggestions/${standalone.body.id}`, {
        token: w.tokens.quality,
        body,
      });
    const started = await patch({ version: 1, status: 'in_progress', ownerUserId: w.s.users.quality!.id });
    expect(started.body).toMatchObject({ status: 'in_progress', version: 2, overdue: true });
    const noResolution = await patch({ version: 2, status: 'done' });
    expect(noResolution.status).toBe(400);
    expect(noResolution.body.error.details[0].field).toBe('resolution');
    expect((await patch({ version: 1, status: 'done', resolution: 'x' })).status).toBe(409);
    const done = await patch({
      version: 2,
      status: 'done',
      resolution: '更换滤芯供应商，寿命提升至 500 小时',
    });
    expect(done.body).toMatchObject({ status: 'done', doneAt: t.clock.now().toISOString(), overdue: false });
    expect((await list('?overdue=true')).items).toEqual([]);
    expect((await list('?status=done')).items.map((i) => i.id)).toEqual([standalone.body.id]);
    const jump = await t.request('PATCH', `/api/improvement-suggestions/${fromComplaint.body.id}`, {
      token: w.tokens.quality,
      body: { version: 1, status: 'rejected' },
    });
    expect(jump.body.error.details[0].field).toBe('resolution');
  });

  it('are internal work: the desk, dealers and customers cannot reach them', async () => {
    for (const who of ['desk', 'dealer', 'customer'])
      expect(
        (await t.request('GET', '/api/improvement-suggestions', { token: w.tokens[who] })).status,
        who,
      ).toBe(403);
  });
});

describe('cause Pareto', () => {
  it('equals a direct count of the causes, largest first, with running shares', async () => {
    for (const cause of ['parts', 'parts', 'parts', 'delivery', 'attitude', 'attitude'])
      await w.toAction(await w.register({ subject: `原因 ${cause}` }), cause);
    // A cancelled complaint is not a cause.
    const cancelled = await w.register();
    await w.step(cancelled, 'cancel', { reason: '误登记' });

    const r = await t.request('GET', '/api/complaints/causes', { token: w.tokens.manager });
    expect(r.status).toBe(200);
    const direct = await t.database.db.execute(
      sql`select cause_class, count(*)::int as n from complaints
          where cause_class is not null and status <> 'cancelled' group by cause_class`,
    );
    const counts = new Map(
      (direct as unknown as { rows: { cause_class: string; n: number }[] }).rows.map((x) => [
        x.cause_class,
        x.n,
      ]),
    );
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(r.body.map((x: { causeClass: string; count: number }) => [x.causeClass, x.count])).toEqual(
      [...counts.entries()].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0])),
    );
    expect(r.body[0]).toMatchObject({
      causeClass: 'parts',
      count: 3,
      share: Math.round((3 / total) * 1e4) / 1e4,
    });
    expect(r.body.at(-1).cumulativeShare).toBe(1);

    // The window is by receipt: a date `to` covers that whole day; nothing was received after it.
    const today = new Date(t.clock.now().getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const window = await t.request('GET', `/api/complaints/causes?from=${today}&to=${today}`, {
      token: w.tokens.manager,
    });
    expect(window.body.map((x: { causeClass: string }) => x.causeClass)).toEqual([
      'parts',
      'attitude',
      'delivery',
    ]);
    const future = await t.request('GET', '/api/complaints/causes?from=2030-01-01', {
      token: w.tokens.manager,
    });
    expect(future.body).toEqual([]);
    // Dealer B's customers have no complaints with a cause.
    expect((await t.request('GET', '/api/complaints/causes', { token: w.tokens.dealer_b })).body).toEqual([]);
  });
});

const CAUSES = ['product', 'service', 'parts', 'delivery', 'attitude', 'price', 'other'];
const order = (c: string) => CAUSES.indexOf(c);
