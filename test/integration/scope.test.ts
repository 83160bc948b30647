import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp, USER_PASSWORD } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
});
afterAll(() => t.close());

describe('dealer data scope', () => {
  it('a dealer user lists only its own dealer', async () => {
    const a = await t.request('GET', '/api/dealers', { token: s.users.dealer!.token });
    expect(a.status).toBe(200);
    expect(a.body.items.map((d: { id: string }) => d.id)).toEqual([s.dealerA.id]);
    expect(a.body.total).toBe(1);
    const b = await t.request('GET', '/api/dealers', { token: s.users.dealerB!.token });
    expect(b.body.items.map((d: { id: string }) => d.id)).toEqual([s.dealerB.id]);
    // Searching does not widen the scope.
    const q = await t.request('GET', `/api/dealers?q=${encodeURIComponent('经销商')}`, {
      token: s.users.dealer!.token,
    });
    expect(q.body.items).toHaveLength(1);
  });

  it("dealer A cannot read dealer B's record (looks missing, leaks nothing)", async () => {
    const r = await t.request('GET', `/api/dealers/${s.dealerB.id}`, { token: s.users.dealer!.token });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('经销商乙');
    expect(
      (await t.request('GET', `/api/dealers/${s.dealerA.id}`, { token: s.users.dealer!.token })).status,
    ).toBe(200);
  });

  it('internal roles see every dealer', async () => {
    const r = await t.request('GET', '/api/dealers', { token: s.users.desk!.token });
    expect(r.body.total).toBe(2);
  });

  it('a dealer-scoped role with user rights sees and edits only its own dealer users', async () => {
    const role = await t.request('POST', '/api/roles', {
      token: s.admin,
      body: {
        code: 'dealer_admin',
        name: '经销商管理员',
        scope: 'dealer',
        permissions: ['user.read', 'user.write', 'org.read'],
      },
    });
    expect(role.status).toBe(201);
    await t.request('POST', '/api/users', {
      token: s.admin,
      body: {
        username: 'da_admin',
        displayName: '甲管理员',
        password: USER_PASSWORD,
        roleCode: 'dealer_admin',
        dealerId: s.dealerA.id,
      },
    });
    const token = await t.login('da_admin', USER_PASSWORD);
    const list = await t.request('GET', '/api/users?limit=200', { token });
    expect(list.status).toBe(200);
    const dealerIds = new Set(list.body.items.map((u: { dealerId: string }) => u.dealerId));
    expect([...dealerIds]).toEqual([s.dealerA.id]);
    expect(list.body.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'da_admin',
      'u_dealer',
    ]);
    expect((await t.request('GET', `/api/users/${s.users.dealerB!.id}`, { token })).status).toBe(404);
    const other = await t.request('GET', `/api/users/${s.users.dealerB!.id}`, { token: s.admin });
    const patch = await t.request('PATCH', `/api/users/${s.users.dealerB!.id}`, {
      token,
      body: { version: other.body.version, phone: '123' },
    });
    expect(patch.status).toBe(404);
    // Nor can it create a user for another dealer, or move its own user there.
    const create = await t.request('POST', '/api/users', {
      token,
      body: {
        username: 'sneaky',
        displayName: 'x',
        password: USER_PASSWORD,
        roleCode: 'dealer',
        dealerId: s.dealerB.id,
      },
    });
    expect(create.status).toBe(404);
    const own = await t.request('GET', `/api/users/${s.users.dealer!.id}`, { token });
    const move = await t.request('PATCH', `/api/users/${s.users.dealer!.id}`, {
      token,
      body: { version: own.body.version, dealerId: s.dealerB.id },
    });
    expect(move.status).toBe(400);
    expect(move.body.error.details[0].field).toBe('dealerId');
  });

  it('a dealer role needs a dealer on the user', async () => {
    const r = await t.request('POST', '/api/users', {
      token: s.admin,
      body: { username: 'nodealer', displayName: 'x', password: USER_PASSWORD, roleCode: 'dealer' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('dealerId');
  });
});

describe('customer data scope', () => {
  it('a customer user sees no organisation records even with a role that allows reading them', async () => {
    await t.request('POST', '/api/roles', {
      token: s.admin,
      body: {
        code: 'customer_plus',
        name: '客户+',
        scope: 'customer',
        permissions: ['org.read', 'user.read'],
      },
    });
    await t.request('POST', '/api/users', {
      token: s.admin,
      body: {
        username: 'cust_plus',
        displayName: 'c',
        password: USER_PASSWORD,
        roleCode: 'customer_plus',
        customerId: '00000000-0000-4000-8000-000000000001',
      },
    });
    const token = await t.login('cust_plus', USER_PASSWORD);
    expect((await t.request('GET', '/api/dealers', { token })).body.total).toBe(0);
    expect((await t.request('GET', '/api/departments', { token })).body.total).toBe(0);
    const users = await t.request('GET', '/api/users', { token });
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(['cust_plus']);
  });
});
