import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields, setupStores } from '../helpers/parts-fixtures.ts';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let st: Awaited<ReturnType<typeof setupStores>>;

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  st = await setupStores(t, s);
});
afterAll(() => t.close());

describe('stocking plans (经销商备件储备计划)', () => {
  // The test clock stands at 2026-03-02 09:00 Beijing time.
  let tooth: string;
  let filter: string;
  beforeAll(async () => {
    tooth = (await st.newPart({ wear: true })).id;
    filter = (await st.newPart({ consumable: true })).id;
  });

  it('a dealer files for its own dealer: due 30 days before the season, on time', async () => {
    const dealer = s.users.dealer!.token;
    const r = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: { season: '2026 春季', seasonStart: '2026-04-15', lines: [{ partId: tooth, quantity: 40 }] },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      dealerId: s.dealerA.id,
      dueOn: '2026-03-16',
      status: 'draft',
      late: false,
      daysLeft: 14,
    });
    const edit = await t.request('PATCH', `/api/stocking-plans/${r.body.id}`, {
      token: dealer,
      body: {
        version: 1,
        lines: [
          { partId: tooth, quantity: 40 },
          { partId: filter, quantity: 20, note: '旺季保养' },
        ],
      },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.lines[1]).toMatchObject({ partId: filter, quantity: 20, note: '旺季保养' });
    const sub = await t.request('POST', `/api/stocking-plans/${r.body.id}/submit`, {
      token: dealer,
      body: { version: 2 },
    });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ status: 'submitted', late: false, timing: { code: 'on_time' } });

    // Submitted plans are the company's to approve, no longer the dealer's to edit.
    const late = await t.request('PATCH', `/api/stocking-plans/${r.body.id}`, {
      token: dealer,
      body: { version: 3, note: 'x' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invalid_state');
    expect(
      (
        await t.request('POST', `/api/stocking-plans/${r.body.id}/approve`, {
          token: dealer,
          body: { version: 3 },
        })
      ).status,
    ).toBe(403);
    const ok = await t.request('POST', `/api/stocking-plans/${r.body.id}/approve`, {
      token: s.users.technical!.token,
      body: { version: 3 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', approvedByName: 'technical' });
  });

  it('a plan submitted after its due day is accepted and marked late', async () => {
    const dealer = s.users.dealer!.token;
    const r = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: { season: '2026 早春', seasonStart: '2026-03-20', lines: [{ partId: filter, quantity: 5 }] },
    });
    expect(r.body).toMatchObject({
      dueOn: '2026-02-18',
      late: true,
      daysLeft: -12,
      timing: { code: 'overdue' },
    });
    const sub = await t.request('POST', `/api/stocking-plans/${r.body.id}/submit`, {
      token: dealer,
      body: { version: 1 },
    });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ status: 'submitted', late: true, timing: { code: 'late' } });
    const lateOnes = await t.request('GET', '/api/stocking-plans?late=true', { token: s.admin });
    expect(lateOnes.body.items.map((p: { id: string }) => p.id)).toContain(r.body.id);
    expect(lateOnes.body.items.every((p: { late: boolean }) => p.late)).toBe(true);
  });

  it('validates the dealer, the lines and the season', async () => {
    const dealer = s.users.dealer!.token;
    const noDealer = await t.request('POST', '/api/stocking-plans', {
      token: s.admin,
      body: { season: 'X', seasonStart: '2026-06-01' },
    });
    expect(fields(noDealer)).toEqual(['dealerId']);
    const other = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: { dealerId: s.dealerB.id, season: 'X', seasonStart: '2026-06-01' },
    });
    expect(fields(other)).toEqual(['dealerId']);
    const twice = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: {
        season: 'X',
        seasonStart: '2026-06-01',
        lines: [
          { partId: tooth, quantity: 1 },
          { partId: tooth, quantity: 2 },
        ],
      },
    });
    expect(fields(twice)).toEqual(['lines[1].partId']);
    const ghost = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: { season: 'X', seasonStart: '2026-06-01', lines: [{ partId: crypto.randomUUID(), quantity: 1 }] },
    });
    expect(fields(ghost)).toEqual(['lines[0].partId']);
    const badDate = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: { season: 'X', seasonStart: '2026-13-01' },
    });
    expect(fields(badDate)).toEqual(['seasonStart']);
    const empty = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: { season: 'EMPTY', seasonStart: '2026-06-01' },
    });
    expect(empty.status).toBe(201);
    const submitEmpty = await t.request('POST', `/api/stocking-plans/${empty.body.id}/submit`, {
      token: dealer,
      body: { version: 1 },
    });
    expect(fields(submitEmpty)).toEqual(['lines']);
    const dup = await t.request('POST', '/api/stocking-plans', {
      token: dealer,
      body: { season: 'EMPTY', seasonStart: '2026-07-01' },
    });
    expect(dup.status).toBe(409);
    expect(fields(dup)).toEqual(['season']);
    // Approving a draft is out of order.
    const draft = await t.request('POST', `/api/stocking-plans/${empty.body.id}/approve`, {
      token: s.admin,
      body: { version: 1 },
    });
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('invalid_state');
  });

  it('dealers see only their own plans; the company sees all', async () => {
    const b = await t.request('POST', '/api/stocking-plans', {
      token: s.users.dealerB!.token,
      body: { season: '乙 2026', seasonStart: '2026-05-01', lines: [{ partId: tooth, quantity: 3 }] },
    });
    expect(b.status).toBe(201);
    expect(b.body.dealerId).toBe(s.dealerB.id);
    const listA = await t.request('GET', '/api/stocking-plans', { token: s.users.dealer!.token });
    expect(listA.body.items.every((p: { dealerId: string }) => p.dealerId === s.dealerA.id)).toBe(true);
    expect(listA.body.total).toBeGreaterThan(0);
    const listB = await t.request('GET', '/api/stocking-plans', { token: s.users.dealerB!.token });
    expect(listB.body.items.map((p: { id: string }) => p.id)).toEqual([b.body.id]);
    expect(
      (await t.request('GET', `/api/stocking-plans/${b.body.id}`, { token: s.users.dealer!.token })).status,
    ).toBe(404);
    const edit = await t.request('PATCH', `/api/stocking-plans/${b.body.id}`, {
      token: s.users.dealer!.token,
      body: { version: 1, note: '改别人的' },
    });
    expect(edit.status).toBe(404);
    const all = await t.request('GET', '/api/stocking-plans', { token: s.users.manager!.token });
    expect(all.body.total).toBe(listA.body.total + 1);
  });
});
