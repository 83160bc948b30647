import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

// 三包退换货 through the HTTP API (SPEC §4 "Returns and exchanges"): the options and their reasons,
// the review clock, receipt, inspection, refund drafted by the desk and approved by finance, the
// repair history that opens a replacement, bad input, data scope and the deadline alerts.
// The test clock starts on Monday 2026-03-02 09:00 Beijing time.

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let cA: string;
let cB: string;
let assetA: string;

const tok = (role: string) => s.users[role]!.token;

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  const customer = async (name: string, dealerId: string) =>
    (
      await t.request('POST', '/api/customers', {
        token: s.admin,
        body: { name, kind: 'existing', grade: 'B', dealerId },
      })
    ).body.id as string;
  cA = await customer('南京电子商城', s.dealerA.id);
  cB = await customer('广州家电城', s.dealerB.id);
  const cu = await t.request('GET', `/api/users/${s.users.customer!.id}`, { token: s.admin });
  await t.request('PATCH', `/api/users/${s.users.customer!.id}`, {
    token: s.admin,
    body: { version: cu.body.version, customerId: cA },
  });
  s.users.customer!.token = await t.login('u_customer', 'Passw0rd!x');
  const policy = await t.request('POST', '/api/warranty-policies', {
    token: s.admin,
    body: { name: '整机一年', startBasis: 'invoice', months: 12, hoursLimit: null, plans: [] },
  });
  const model = await t.request('POST', '/api/product-models', {
    token: s.admin,
    body: { code: 'TV55', name: '55 寸电视', category: 'electronics', warrantyPolicyId: policy.body.id },
  });
  const asset = await t.request('POST', '/api/assets', {
    token: s.admin,
    body: { serialNo: 'TV55-0001', modelId: model.body.id, customerId: cA, invoiceAt: '2026-02-20' },
  });
  expect(asset.status, JSON.stringify(asset.body)).toBe(201);
  assetA = asset.body.id;
});
afterAll(() => t.close());

const file = (body: Record<string, unknown> = {}, token = tok('desk')) =>
  t.request('POST', '/api/returns', {
    token,
    body: {
      customerId: cA,
      productCategory: 'electronics',
      purchasedAt: '2026-02-23',
      requested: 'refund',
      qualityFault: true,
      goodsComplete: true,
      reason: '开机黑屏',
      ...body,
    },
  });

const step = (id: string, path: string, body: Record<string, unknown>, token = tok('desk')) =>
  t.request('POST', `/api/returns/${id}/${path}`, { token, body });

const count = async () =>
  Number(
    (
      (await t.database.db.execute(sql`select count(*)::int as n from return_requests`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );

describe('POST /api/returns', () => {
  it('answers the options with reasons and the review due at 24:00 the same day before 18:00', async () => {
    const r = await file();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.number).toMatch(/^TH20260302\d{6}$/);
    expect(r.body.status).toBe('submitted');
    // Bought 23 Feb, asked 2 Mar: day 7 → refund, exchange, repair.
    expect(r.body.eligibility.options).toEqual(['refund', 'exchange', 'repair']);
    expect(r.body.eligibility.requestedAllowed).toBe(true);
    expect(r.body.eligibility.reasons.length).toBeGreaterThan(0);
    for (const reason of r.body.eligibility.reasons) expect(reason.clause).toBeTruthy();
    expect(r.body.eligibility.inputs.days).toBe(7);
    expect(r.body.reviewDueAt).toBe('2026-03-02T16:00:00.000Z');
    expect(r.body.deadlines.review.code).toBe('review_same_day');
    // The request is in the desk queue as a ticket of type return.
    const ticket = await t.request('GET', `/api/tickets/${r.body.ticketId}`, { token: tok('desk') });
    expect(ticket.body).toMatchObject({ type: 'return', customerId: cA });
  });

  it('answers a request made at 18:00 by 12:00 the next day, and day 8 loses the refund', async () => {
    const r = await file({ submittedAt: '2026-03-03T10:00:00.000Z', purchasedAt: '2026-02-23' });
    expect(r.status, JSON.stringify(r.body)).toBe(400); // in the future for the desk
    const earlier = await file({ submittedAt: '2026-03-01T10:00:00.000Z', purchasedAt: '2026-02-21' });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    expect(earlier.body.reviewDueAt).toBe('2026-03-02T04:00:00.000Z');
    expect(earlier.body.deadlines.review.code).toBe('review_next_noon');
    expect(earlier.body.eligibility.inputs.days).toBe(8);
    expect(earlier.body.eligibility.options).toEqual(['exchange', 'repair']);
    expect(earlier.body.eligibility.requestedAllowed).toBe(false);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await count();
    const cat = await file({ productCategory: 'furniture' });
    expect(cat.status).toBe(400);
    expect(cat.body.error.details[0].field).toBe('productCategory');
    const order = await file({
      productCategory: 'goods',
      purchasedAt: '2026-02-25',
      receivedAt: '2026-02-20',
    });
    expect(order.status).toBe(400);
    expect(order.body.error.details.map((d: { field: string }) => d.field)).toContain('receivedAt');
    expect(order.body.error.message).toBeTruthy();
    const date = await file({ purchasedAt: '2026-02-30' });
    expect(date.status).toBe(400);
    expect(date.body.error.details[0].field).toBe('purchasedAt');
    const stranger = await file({ assetId: assetA, customerId: cB });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0].field).toBe('assetId');
    expect(await count()).toBe(before);
  });

  it('takes portal requests for the customer itself only', async () => {
    const own = await file({}, tok('customer'));
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.source).toBe('portal');
    const other = await file({ customerId: cB }, tok('customer'));
    expect(other.status).toBe(400);
    expect(other.body.error.details[0].field).toBe('customerId');
    const mine = await t.request('GET', '/api/returns', { token: tok('customer') });
    expect(mine.body.items.every((i: { customerId: string }) => i.customerId === cA)).toBe(true);
  });
});

describe('the review cycle', () => {
  it('walks approval → mail receipt → inspection → refund approved by finance, each with its deadline', async () => {
    const r = (await file({ invoiceFen: 399_900 })).body;
    const early = await step(r.id, 'receipt', { at: t.clock.now().toISOString(), via: 'mail' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_state');
    const notAllowed = await step(r.id, 'decision', {
      at: t.clock.now().toISOString(),
      approved: true,
      option: 'replacement',
    });
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body.error.details[0].field).toBe('option');
    const ok = await step(r.id, 'decision', {
      at: t.clock.now().toISOString(),
      approved: true,
      option: 'refund',
      note: '同意退货',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', option: 'refund' });
    const again = await step(r.id, 'decision', {
      at: t.clock.now().toISOString(),
      approved: false,
      note: 'x',
    });
    expect(again.status).toBe(409);
    const before = await step(r.id, 'receipt', { at: '2026-03-01T00:00:00.000Z', via: 'mail' });
    expect(before.status).toBe(400);
    expect(before.body.error.details[0].field).toBe('at');
    // Received Monday 2 March: five working days → 24:00 on Monday 9 March.
    const got = await step(r.id, 'receipt', { at: t.clock.now().toISOString(), via: 'mail' });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body.processDueAt).toBe('2026-03-09T16:00:00.000Z');
    expect(got.body.deadlines.process.clause).toBeTruthy();
    // Passed Monday: refund within three working days → 24:00 on Thursday 5 March.
    const passed = await step(r.id, 'inspection', {
      at: t.clock.now().toISOString(),
      passed: true,
      checklist: { packaging: true, accessories: true, manual: true, warrantyCard: true, invoice: true },
    });
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body).toMatchObject({
      status: 'passed',
      refundDueAt: '2026-03-05T16:00:00.000Z',
      sendBackDueAt: null,
    });
    const tooMuch = await step(r.id, 'refund', { amountFen: 400_000 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details[0].field).toBe('amountFen');
    const drafted = await step(r.id, 'refund', { amountFen: 399_900 });
    expect(drafted.body).toMatchObject({ refundStatus: 'drafted', refundFen: 399_900 });
    const self = await step(r.id, 'refund/approve', { at: t.clock.now().toISOString() }, s.admin);
    expect(self.status).toBe(200); // admin drafted nothing: another person
    const done = await t.request('GET', `/api/returns/${r.id}`, { token: tok('finance') });
    expect(done.body).toMatchObject({ status: 'refunded', refundStatus: 'approved' });
    expect(done.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'approved',
      'received',
      'inspection_passed',
      'refund_drafted',
      'refunded',
    ]);
  });

  it('lets only finance approve, never the person who drafted the refund', async () => {
    const r = (await file({ invoiceFen: 10_000 })).body;
    const now = t.clock.now().toISOString();
    await step(r.id, 'decision', { at: now, approved: true, option: 'refund' });
    await step(r.id, 'receipt', { at: now, via: 'pickup' });
    await step(r.id, 'inspection', { at: now, passed: true });
    await step(r.id, 'refund', { amountFen: 5_000 }, s.admin);
    const desk = await step(r.id, 'refund/approve', { at: now });
    expect(desk.status).toBe(403);
    const same = await step(r.id, 'refund/approve', { at: now }, s.admin);
    expect(same.status).toBe(403);
    const fin = await step(r.id, 'refund/approve', { at: now }, tok('finance'));
    expect(fin.status, JSON.stringify(fin.body)).toBe(200);
    expect(fin.body).toMatchObject({ status: 'refunded', refundFen: 5_000, invoiceFen: 10_000 });
  });

  it('sends goods that fail back within three days, with the reason', async () => {
    const r = (await file({ requested: 'exchange' })).body;
    const now = t.clock.now().toISOString();
    await step(r.id, 'decision', { at: now, approved: true, option: 'exchange' });
    await step(r.id, 'receipt', { at: now, via: 'mail' });
    const noReason = await step(r.id, 'inspection', { at: now, passed: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].field).toBe('note');
    const failed = await step(r.id, 'inspection', {
      at: now,
      passed: false,
      note: '人为进水，不符合退换货标准',
    });
    expect(failed.body).toMatchObject({
      status: 'failed',
      sendBackDueAt: '2026-03-05T16:00:00.000Z',
      refundDueAt: null,
    });
    expect(failed.body.deadlines.sendBack.message).toContain('三包');
    const back = await step(r.id, 'send-back', { at: now });
    expect(back.body.status).toBe('sent_back');
  });

  it('rejects with a reason only', async () => {
    const r = (await file()).body;
    const bare = await step(r.id, 'decision', { at: t.clock.now().toISOString(), approved: false });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details[0].field).toBe('note');
    const no = await step(r.id, 'decision', {
      at: t.clock.now().toISOString(),
      approved: false,
      note: '非质量问题',
    });
    expect(no.body).toMatchObject({ status: 'rejected', approved: false });
  });
});

describe('repair history', () => {
  it('offers a replacement once the unit has two repairs of the same fault within the year', async () => {
    const one = await file({
      assetId: assetA,
      faultCode: 'E01',
      purchasedAt: '2026-02-01',
      requested: 'replacement',
    });
    expect(one.body.eligibility.options).toEqual(['repair']);
    for (const at of ['2026-02-10T02:00:00Z', '2026-02-20T02:00:00Z']) {
      const e = await t.request('POST', `/api/assets/${assetA}/events`, {
        token: tok('desk'),
        body: { kind: 'repair', at, faultCode: 'E01' },
      });
      expect(e.status, JSON.stringify(e.body)).toBe(201);
    }
    const missing = await t.request('POST', `/api/assets/${assetA}/events`, {
      token: tok('desk'),
      body: { kind: 'repair', at: '2026-02-21T02:00:00Z' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('faultCode');
    const two = await file({
      assetId: assetA,
      faultCode: 'E01',
      purchasedAt: '2026-02-01',
      requested: 'replacement',
    });
    expect(two.body.eligibility.options).toEqual(['repair', 'replacement']);
    expect(two.body.eligibility.inputs.repairsCounted).toBe(2);
    expect(two.body.serialNo).toBe('TV55-0001');
    const events = await t.request('GET', `/api/assets/${assetA}/events`, { token: tok('desk') });
    expect(events.body.items.filter((e: { kind: string }) => e.kind === 'repair')).toHaveLength(2);
    // The unit's warranty is unchanged by repairs.
    const ent = await t.request('GET', `/api/assets/${assetA}/entitlement?at=2026-03-02`, {
      token: tok('desk'),
    });
    expect(ent.body.inWarranty).toBe(true);
  });

  it('records a maintenance with its meter reading', async () => {
    const m = await t.request('POST', `/api/assets/${assetA}/events`, {
      token: tok('desk'),
      body: { kind: 'maintenance', at: '2026-02-25T02:00:00Z', hours: 50 },
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect(m.body).toMatchObject({ kind: 'maintenance', hours: 50 });
  });
});

describe('scope and alerts', () => {
  it('keeps a request from another dealer and customer (404)', async () => {
    const r = (await file()).body;
    expect((await t.request('GET', `/api/returns/${r.id}`, { token: tok('dealer') })).status).toBe(200);
    expect((await t.request('GET', `/api/returns/${r.id}`, { token: s.users.dealerB!.token })).status).toBe(
      404,
    );
    const list = await t.request('GET', '/api/returns', { token: s.users.dealerB!.token });
    expect(list.body.total).toBe(0);
    expect(
      (
        await step(
          r.id,
          'decision',
          { at: t.clock.now().toISOString(), approved: false, note: 'x' },
          tok('dealer'),
        )
      ).status,
    ).toBe(403);
  });

  it('warns the desk two hours before the review is due and tells managers when it is missed, once', async () => {
    const r = (await file({ reason: '告警测试' })).body;
    const handler = t.app.services.handlers['returns-alert']!;
    t.clock.set(new Date('2026-03-02T14:30:00Z')); // 22:30 Beijing
    await handler({});
    await handler({});
    // Sessions last 12 hours: sign in again after the jump.
    const desk = await t.login('u_desk', 'Passw0rd!x');
    let got = await t.request('GET', `/api/returns/${r.id}`, { token: desk });
    expect(got.body.events.filter((e: { kind: string }) => e.kind === 'deadline_near')).toHaveLength(1);
    t.clock.set(new Date('2026-03-02T16:01:00Z'));
    await handler({});
    await handler({});
    got = await t.request('GET', `/api/returns/${r.id}`, { token: desk });
    expect(got.body.events.filter((e: { kind: string }) => e.kind === 'deadline_missed')).toHaveLength(1);
    const relogin = await t.login('u_manager', 'Passw0rd!x');
    const n = await t.request('GET', '/api/notifications', { token: relogin });
    expect(n.body.items.some((i: { title: string }) => i.title.includes(r.number))).toBe(true);
    t.clock.set(new Date('2026-03-02T01:00:00Z'));
  });
});
