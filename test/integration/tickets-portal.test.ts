import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  multipartPng,
  seedOrg,
  startTestApp,
  type TestApp,
  TINY_PNG,
  USER_PASSWORD,
} from '../helpers/test-app.ts';

// The customer portal: customers see and write only their own tickets; evidence files are checked
// before anything is stored and a rejected file never costs the ticket.

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let mine: { customer: string; asset: string; token: string };
let other: { customer: string; asset: string; token: string };

const customerWithAsset = async (name: string, serialNo: string, username: string, modelId: string) => {
  const c = await t.request('POST', '/api/customers', {
    token: s.admin,
    body: { name, kind: 'existing', grade: 'B', dealerId: s.dealerA.id },
  });
  const a = await t.request('POST', '/api/assets', {
    token: s.admin,
    body: { serialNo, modelId, customerId: c.body.id, deliveredAt: '2026-01-10' },
  });
  const u = await t.request('POST', '/api/users', {
    token: s.admin,
    body: {
      username,
      displayName: name,
      password: USER_PASSWORD,
      roleCode: 'customer',
      customerId: c.body.id,
    },
  });
  expect(u.status).toBe(201);
  return { customer: c.body.id, asset: a.body.id, token: await t.login(username, USER_PASSWORD) };
};

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  const policy = await t.request('POST', '/api/warranty-policies', {
    token: s.admin,
    body: { name: '挖掘机', startBasis: 'delivery', months: 12, hoursLimit: 2000 },
  });
  const model = await t.request('POST', '/api/product-models', {
    token: s.admin,
    body: { code: 'DX60', name: 'DX60', category: 'excavator', warrantyPolicyId: policy.body.id },
  });
  mine = await customerWithAsset('客户甲', 'DX60-A1', 'cust_a', model.body.id);
  other = await customerWithAsset('客户乙', 'DX60-B1', 'cust_b', model.body.id);
});
afterAll(() => t.close());

const portalReport = (who: typeof mine, body: Record<string, unknown> = {}) =>
  t.request('POST', '/api/tickets', {
    token: who.token,
    body: {
      customerId: who.customer,
      assetId: who.asset,
      channel: 'web',
      type: 'repair',
      description: '动臂油缸漏油',
      viaQr: true,
      ...body,
    },
  });

describe('customer portal', () => {
  it('a customer reports a fault on its own unit, with the warranty decided at once', async () => {
    const r = await portalReport(mine);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ source: 'qr', customerId: mine.customer, status: 'new' });
    expect(r.body.entitlement).toMatchObject({ inWarranty: true, coverage: expect.any(String) });
    expect(r.body.entitlement.reasons.length).toBeGreaterThan(0);
    // The desk hears about it in the bell.
    const bell = await t.request('GET', '/api/notifications', { token: s.users.desk!.token });
    expect(bell.body.items.some((n: { ticketId: string }) => n.ticketId === r.body.id)).toBe(true);
  });

  it("sees only its own tickets, and another customer's look missing", async () => {
    const theirs = await portalReport(other);
    const list = await t.request('GET', '/api/tickets', { token: mine.token });
    expect(list.body.items.every((i: { customerId: string }) => i.customerId === mine.customer)).toBe(true);
    expect(list.body.total).toBeGreaterThan(0);
    expect((await t.request('GET', `/api/tickets/${theirs.body.id}`, { token: mine.token })).status).toBe(
      404,
    );
    const r = await t.request('POST', `/api/tickets/${theirs.body.id}/replies`, {
      token: mine.token,
      body: { body: '我来插一句' },
    });
    expect(r.status).toBe(404);
  });

  it('cannot report for another customer or on another customer’s unit', async () => {
    const a = await portalReport(mine, { customerId: other.customer, assetId: null });
    expect(a.status).toBe(400);
    expect(a.body.error.details[0].field).toBe('customerId');
    const b = await portalReport(mine, { assetId: other.asset });
    expect(b.status).toBe(400);
    expect(b.body.error.details[0].field).toBe('assetId');
  });

  it('never sees internal notes, only replies meant for it', async () => {
    const r = await portalReport(mine);
    await t.request('POST', `/api/tickets/${r.body.id}/replies`, {
      token: s.users.desk!.token,
      body: { body: '客户信用一般，先收定金', visibility: 'internal' },
    });
    await t.request('POST', `/api/tickets/${r.body.id}/replies`, {
      token: s.users.desk!.token,
      body: { body: '工程师明天上午到场' },
    });
    const g = await t.request('GET', `/api/tickets/${r.body.id}`, { token: mine.token });
    const bodies = g.body.events.map((e: { body: string | null }) => e.body);
    expect(bodies).toContain('工程师明天上午到场');
    expect(bodies).not.toContain('客户信用一般，先收定金');
    expect(g.body.slaMatch).toBeNull();
    // A customer's "internal" note is just a reply.
    const c = await t.request('POST', `/api/tickets/${r.body.id}/replies`, {
      token: mine.token,
      body: { body: '好的', visibility: 'internal' },
    });
    expect(c.body.events.at(-1)).toMatchObject({ kind: 'reply', visibility: 'customer' });
  });

  it('sees the status change when the desk assigns an engineer', async () => {
    const r = await portalReport(mine);
    await t.request('POST', `/api/tickets/${r.body.id}/assign`, {
      token: s.users.desk!.token,
      body: { userId: s.users.engineer!.id, version: r.body.version },
    });
    const g = await t.request('GET', `/api/tickets/${r.body.id}`, { token: mine.token });
    expect(g.body.status).toBe('arranged');
  });
});

describe('evidence attachments', () => {
  it('stores a photo and serves it back only in scope', async () => {
    const r = await portalReport(mine);
    const form = multipartPng('漏油.png');
    const up = await t.request('POST', `/api/tickets/${r.body.id}/attachments`, {
      token: mine.token,
      raw: form.body,
      headers: { 'content-type': form.type },
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'photo', mimeType: 'image/png', sizeBytes: TINY_PNG.length });
    const res = await fetch(`${t.base}/api/tickets/${r.body.id}/attachments/${up.body.id}`, {
      headers: { authorization: `Bearer ${mine.token}` },
    });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(TINY_PNG)).toBe(true);
    const theirs = await fetch(`${t.base}/api/tickets/${r.body.id}/attachments/${up.body.id}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(theirs.status).toBe(404);
  });

  it('rejects a bad type, a disguised file and an oversize photo without losing the ticket', async () => {
    const r = await portalReport(mine);
    const send = (form: { body: Buffer; type: string }) =>
      t.request('POST', `/api/tickets/${r.body.id}/attachments`, {
        token: mine.token,
        raw: form.body,
        headers: { 'content-type': form.type },
      });
    const exe = await send(multipartPng('setup.exe', Buffer.from('MZ\x90\x00'), 'application/x-msdownload'));
    expect(exe.status).toBe(415);
    expect(exe.body.error.details[0].field).toBe('file');
    const fake = await send(multipartPng('photo.png', Buffer.from('not a png at all')));
    expect(fake.status).toBe(415);
    const big = Buffer.alloc(10 * 1024 * 1024 + 10);
    TINY_PNG.copy(big);
    const huge = await send(multipartPng('huge.png', big));
    expect(huge.status).toBe(413);
    const g = await t.request('GET', `/api/tickets/${r.body.id}`, { token: mine.token });
    expect(g.status).toBe(200);
    expect(g.body.attachments).toEqual([]);
    expect(g.body.description).toBe('动臂油缸漏油');
  });
});
