import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields, insertOldPartReturn, setupStores } from '../helpers/parts-fixtures.ts';
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

describe('old-part returns (旧件返回与鉴定)', () => {
  let customer: string;
  let ticket: string;
  let tooth: string;
  beforeAll(async () => {
    customer = (
      await t.request('POST', '/api/customers', {
        token: s.admin,
        body: { name: '旧件客户', kind: 'existing', grade: 'B', dealerId: s.dealerA.id },
      })
    ).body.id;
    ticket = (
      await t.request('POST', '/api/tickets', {
        token: s.admin,
        body: { customerId: customer, channel: 'phone', type: 'repair', description: '斗齿断裂' },
      })
    ).body.id;
    tooth = (await st.newPart({ wear: true })).id;
  });

  const fixture = (dueAt: Date, quantity = 2) =>
    insertOldPartReturn(t.database.db, {
      ticketId: ticket,
      customerId: customer,
      partId: tooth,
      locationId: st.main,
      dealerId: s.dealerA.id,
      quantity,
      dueAt,
    });

  it('receive, then appraise as reusable: the part goes back on the named store’s shelf', async () => {
    const { ret, workOrder } = await fixture(new Date('2026-03-01T00:00:00Z'));
    const tech = s.users.technical!.token;
    const overdue = await t.request('GET', '/api/old-part-returns?overdue=true', { token: tech });
    const row = overdue.body.items.find((r: { id: string }) => r.id === ret.id);
    expect(row).toMatchObject({
      status: 'pending',
      overdue: true,
      workOrderNumber: workOrder.number,
      quantity: 2,
    });
    expect(row.partCode).toMatch(/^P-/);

    const early = await t.request('POST', `/api/old-part-returns/${ret.id}/appraise`, {
      token: tech,
      body: { version: 1, appraisal: 'reusable', storeLocationId: st.centreStore },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_state');

    expect(
      (
        await t.request('POST', `/api/old-part-returns/${ret.id}/receive`, {
          token: s.users.dealer!.token,
          body: { version: 1 },
        })
      ).status,
    ).toBe(403);
    const rec = await t.request('POST', `/api/old-part-returns/${ret.id}/receive`, {
      token: tech,
      body: { version: 1 },
    });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ status: 'received', overdue: false, version: 2 });
    expect(rec.body.receivedAt).toBe('2026-03-02T01:00:00.000Z');
    const again = await t.request('POST', `/api/old-part-returns/${ret.id}/receive`, {
      token: tech,
      body: { version: 2 },
    });
    expect(again.body.error.code).toBe('invalid_state');

    const badStore = await t.request('POST', `/api/old-part-returns/${ret.id}/appraise`, {
      token: tech,
      body: { version: 2, appraisal: 'reusable', storeLocationId: crypto.randomUUID() },
    });
    expect(fields(badStore)).toEqual(['storeLocationId']);
    const before = (await st.levelOf(tooth, st.centreStore))?.onHand ?? 0;
    const ok = await t.request('POST', `/api/old-part-returns/${ret.id}/appraise`, {
      token: tech,
      body: {
        version: 2,
        appraisal: 'reusable',
        note: '磨损轻微，可再利用',
        storeLocationId: st.centreStore,
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'appraised',
      appraisal: 'reusable',
      appraisalNote: '磨损轻微，可再利用',
      storeLocationName: '华东备件库',
    });
    expect((await st.levelOf(tooth, st.centreStore))!.onHand).toBe(before + 2);
    const moves = await t.request('GET', `/api/stock/moves?partId=${tooth}&kind=old_part_in`, {
      token: tech,
    });
    expect(moves.body.items[0]).toMatchObject({
      workOrderId: workOrder.id,
      quantity: 2,
      toLocationId: st.centreStore,
    });
  });

  it('scrap and supplier claims are recorded against the store without adding stock', async () => {
    const { ret } = await fixture(new Date('2026-03-20T00:00:00Z'), 1);
    const tech = s.users.technical!.token;
    await t.request('POST', `/api/old-part-returns/${ret.id}/receive`, { token: tech, body: { version: 1 } });
    const before = (await st.levelOf(tooth, st.main))?.onHand ?? 0;
    const r = await t.request('POST', `/api/old-part-returns/${ret.id}/appraise`, {
      token: tech,
      body: { version: 2, appraisal: 'supplier_claim', storeLocationId: st.main },
    });
    expect(r.body).toMatchObject({
      status: 'appraised',
      appraisal: 'supplier_claim',
      storeLocationId: st.main,
    });
    expect((await st.levelOf(tooth, st.main))?.onHand ?? 0).toBe(before);
    const bad = await t.request('POST', `/api/old-part-returns/${ret.id}/appraise`, {
      token: tech,
      body: { version: 3, appraisal: 'lost', storeLocationId: st.main },
    });
    expect(fields(bad)).toEqual(['appraisal']);
  });

  it('dealers see the returns of their own work orders only', async () => {
    const a = await t.request('GET', '/api/old-part-returns', { token: s.users.dealer!.token });
    expect(a.body.total).toBeGreaterThan(0);
    expect(a.body.items.every((r: { dealerId: string }) => r.dealerId === s.dealerA.id)).toBe(true);
    const b = await t.request('GET', '/api/old-part-returns', { token: s.users.dealerB!.token });
    expect(b.body.total).toBe(0);
  });
});
