import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, seedOrg, startTestApp, type TestApp, USER_PASSWORD } from '../helpers/test-app.ts';

// Issue 11 item 7: a scoped caller (dealer, customer) naming a dealer or customer outside its scope is
// refused with the customers endpoint's 400, never silently given its own instead; nothing is stored.
let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let customerA: string;
let customerB: string;
let portalToken: string;
let modelId: string;

const expectOutOfScope = (r: { status: number; body: any }, field: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error.code).toBe('validation_failed');
  // Said in the caller's language (zh-CN by default) with the field in words; `field` stays the path.
  expect(r.body.error.details).toEqual([
    { field, label: expect.stringMatching(/[\u4e00-\u9fff]/), message: '超出您的数据范围' },
  ]);
};

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  const mk = async (name: string, dealerId: string) =>
    (
      await t.request('POST', '/api/customers', {
        token: s.admin,
        body: { name, kind: 'new', grade: 'C', dealerId },
      })
    ).body.id as string;
  customerA = await mk('甲的客户', s.dealerA.id);
  customerB = await mk('乙的客户', s.dealerB.id);
  const portalUser = await t.request('POST', '/api/users', {
    token: s.admin,
    body: {
      username: 'portal_a',
      displayName: '客户甲',
      password: USER_PASSWORD,
      roleCode: 'customer',
      customerId: customerA,
    },
  });
  expect(portalUser.status).toBe(201);
  portalToken = await t.login('portal_a', USER_PASSWORD);
  const policy = await t.request('POST', '/api/warranty-policies', {
    token: s.admin,
    body: { name: '政策', startBasis: 'delivery', months: 12, hoursLimit: 2000 },
  });
  modelId = (
    await t.request('POST', '/api/product-models', {
      token: s.admin,
      body: { code: 'M1', name: '挖掘机', category: 'excavator', warrantyPolicyId: policy.body.id },
    })
  ).body.id;
  expect(ADMIN_PASSWORD).toBeTruthy();
});
afterAll(() => t.close());

describe('a dealer naming another dealer', () => {
  const dealer = () => s.users.dealer!.token;

  it('creating an engineer for another dealer: 400, no engineer (was 201 with its own dealer)', async () => {
    const r = await t.request('POST', '/api/engineers', {
      token: dealer(),
      body: { name: '乙的工程师', trade: 'hydraulic', dealerId: s.dealerB.id },
    });
    expectOutOfScope(r, 'dealerId');
    const all = await t.request('GET', '/api/engineers', { token: s.admin });
    expect(all.body.items.map((e: { name: string }) => e.name)).not.toContain('乙的工程师');
  });

  it('creating its own engineer without naming a dealer still files it under its dealer', async () => {
    const r = await t.request('POST', '/api/engineers', {
      token: dealer(),
      body: { name: '甲的工程师', trade: 'hydraulic' },
    });
    expect(r.status).toBe(201);
    expect(r.body.dealerId).toBe(s.dealerA.id);
    const moved = await t.request('PATCH', `/api/engineers/${r.body.id}`, {
      token: dealer(),
      body: { version: r.body.version, dealerId: s.dealerB.id },
    });
    expectOutOfScope(moved, 'dealerId');
  });

  it('customers, assets and stocking plans answer the same', async () => {
    expectOutOfScope(
      await t.request('POST', '/api/customers', {
        token: dealer(),
        body: { name: '越权客户', kind: 'new', grade: 'C', dealerId: s.dealerB.id },
      }),
      'dealerId',
    );
    expectOutOfScope(
      await t.request('POST', '/api/assets', {
        token: dealer(),
        body: {
          serialNo: 'SN-X1',
          modelId,
          customerId: customerA,
          dealerId: s.dealerB.id,
          deliveredAt: '2026-01-05',
        },
      }),
      'dealerId',
    );
    expectOutOfScope(
      await t.request('POST', '/api/stocking-plans', {
        token: dealer(),
        body: { dealerId: s.dealerB.id, season: '2026', seasonStart: '2026-06-01' },
      }),
      'dealerId',
    );
  });

  it("another dealer's customer is refused on a ticket (it does not exist for this dealer)", async () => {
    const r = await t.request('POST', '/api/tickets', {
      token: dealer(),
      body: { customerId: customerB, channel: 'phone', type: 'repair', description: '越权' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('customerId');
  });
});

describe('a customer naming another customer', () => {
  it('filing a complaint for another customer: 400, nothing filed (was filed as its own)', async () => {
    const r = await t.request('POST', '/api/complaints', {
      token: portalToken,
      body: {
        customerId: customerB,
        channel: 'web',
        severity: 'low',
        subject: '越权',
        description: '越权投诉',
      },
    });
    expectOutOfScope(r, 'customerId');
    const list = await t.request('GET', '/api/complaints', { token: s.admin });
    expect(list.body.items.map((c: { subject: string }) => c.subject)).not.toContain('越权');
  });

  it('its own complaint is filed', async () => {
    const r = await t.request('POST', '/api/complaints', {
      token: portalToken,
      body: {
        customerId: customerA,
        channel: 'web',
        severity: 'low',
        subject: '噪音',
        description: '噪音大',
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.customerId).toBe(customerA);
  });

  it('reporting a fault for another customer is refused', async () => {
    const r = await t.request('POST', '/api/tickets', {
      token: portalToken,
      body: { customerId: customerB, channel: 'web', type: 'repair', description: '越权' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('customerId');
  });
});
