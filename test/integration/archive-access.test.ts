import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp, USER_PASSWORD } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
const tok: Record<string, string> = {};
let customerId: string;

const user = async (username: string, roleCode: string, departmentId: string) => {
  const r = await t.request('POST', '/api/users', {
    token: s.admin,
    body: { username, displayName: username, password: USER_PASSWORD, roleCode, departmentId },
  });
  expect(r.status).toBe(201);
  tok[username] = await t.login(username, USER_PASSWORD);
  return r.body.id as string;
};

const setHead = async (deptId: string, headUserId: string) => {
  const d = await t.request('GET', `/api/departments/${deptId}`, { token: s.admin });
  expect(
    (
      await t.request('PATCH', `/api/departments/${deptId}`, {
        token: s.admin,
        body: { version: d.body.version, headUserId },
      })
    ).status,
  ).toBe(200);
};

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  const sales = (
    await t.request('POST', '/api/departments', {
      token: s.admin,
      body: { code: 'SALES', name: '销售分公司' },
    })
  ).body;
  await setHead(sales.id, await user('sales_head', 'manager', sales.id));
  await setHead(s.dept.id, await user('svc_head', 'manager', s.dept.id));
  await user('sales_rep', 'desk', sales.id);
  await user('sales_mate', 'desk', sales.id);
  await user('svc_desk', 'desk', s.dept.id);
  customerId = (
    await t.request('POST', '/api/customers', {
      token: tok.sales_rep,
      body: { name: '徐州建工', kind: 'existing', grade: 'A', dealerId: s.dealerA.id },
    })
  ).body.id;
});
afterAll(() => t.close());

describe('archive access (GK-03)', () => {
  it('the keeping department and the owner read the full archive; others need a request', async () => {
    const own = await t.request('GET', `/api/customers/${customerId}/archive`, { token: tok.sales_mate });
    expect(own.status).toBe(200);
    expect(own.body.access.basis).toBe('own_department');
    expect(own.body.customer.name).toBe('徐州建工');
    expect(
      (await t.request('GET', `/api/customers/${customerId}/archive`, { token: tok.sales_rep })).body.access
        .basis,
    ).toBe('owner');
    const other = await t.request('GET', `/api/customers/${customerId}/archive`, { token: tok.svc_desk });
    expect(other.status).toBe(403);
    expect(other.body.error.details.reason).toBe('archive_access_required');
    // The basic card (for 查卷 on a call) stays open to the desk.
    expect((await t.request('GET', `/api/customers/${customerId}`, { token: tok.svc_desk })).status).toBe(
      200,
    );
    // Dealers see their own customers' archive, and nothing of others'.
    expect(
      (await t.request('GET', `/api/customers/${customerId}/archive`, { token: s.users.dealer!.token })).body
        .access.basis,
    ).toBe('dealer');
    expect(
      (await t.request('GET', `/api/customers/${customerId}/archive`, { token: s.users.dealerB!.token }))
        .status,
    ).toBe(404);
  });

  it('a request needs both department heads, and opens the archive for a limited time', async () => {
    const r = await t.request('POST', '/api/archive-access-requests', {
      token: tok.svc_desk,
      body: { customerId, reason: '客户来电投诉，需查看合同与服务记录' },
    });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('pending');
    const id = r.body.id;
    const self = await t.request('POST', `/api/archive-access-requests/${id}/decide`, {
      token: tok.svc_desk,
      body: { version: 1, decision: 'approve' },
    });
    expect(self.status).toBe(403);
    const toDecide = await t.request('GET', '/api/archive-access-requests?toDecide=true', {
      token: tok.sales_head,
    });
    expect(toDecide.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const first = await t.request('POST', `/api/archive-access-requests/${id}/decide`, {
      token: tok.svc_head,
      body: { version: 1, decision: 'approve' },
    });
    expect(first.body.status).toBe('pending');
    expect(
      (await t.request('GET', `/api/customers/${customerId}/archive`, { token: tok.svc_desk })).status,
    ).toBe(403);
    const second = await t.request('POST', `/api/archive-access-requests/${id}/decide`, {
      token: tok.sales_head,
      body: { version: 2, decision: 'approve', note: '同意' },
    });
    expect(second.body.status).toBe('approved');
    const view = await t.request('GET', `/api/customers/${customerId}/archive`, { token: tok.svc_desk });
    expect(view.status).toBe(200);
    expect(view.body.access).toEqual({ basis: 'request', requestId: id });
    t.clock.advance(8 * 86_400_000);
    // Sessions expired meanwhile; log everyone in again.
    for (const name of Object.keys(tok)) tok[name] = await t.login(name, USER_PASSWORD);
    expect(
      (await t.request('GET', `/api/customers/${customerId}/archive`, { token: tok.svc_desk })).status,
    ).toBe(403);
  });

  it('administrators sign for a department without a head', async () => {
    const admin = await t.adminToken();
    const other = (
      await t.request('POST', '/api/customers', {
        token: admin,
        body: { name: '无主管部门的客户', kind: 'new', grade: 'C' },
      })
    ).body;
    const r = await t.request('POST', '/api/archive-access-requests', {
      token: tok.svc_desk,
      body: { customerId: other.id, reason: '核对' },
    });
    expect(r.body.ownerHeadId).toBeNull();
    const mine = await t.request('GET', '/api/archive-access-requests?toDecide=true', { token: admin });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(r.body.id);
    const decided = await t.request('POST', `/api/archive-access-requests/${r.body.id}/decide`, {
      token: admin,
      body: { version: 1, decision: 'approve' },
    });
    expect(decided.body.decisions.map((d: { role: string }) => d.role)).toEqual(['owner_head']);
  });

  it('a rejection ends the request', async () => {
    const r = await t.request('POST', '/api/archive-access-requests', {
      token: tok.svc_desk,
      body: { customerId, reason: '想看看' },
    });
    const no = await t.request('POST', `/api/archive-access-requests/${r.body.id}/decide`, {
      token: tok.sales_head,
      body: { version: 1, decision: 'reject', note: '理由不充分' },
    });
    expect(no.body.status).toBe('rejected');
    const again = await t.request('POST', `/api/archive-access-requests/${r.body.id}/decide`, {
      token: tok.svc_head,
      body: { version: 2, decision: 'approve' },
    });
    expect(again.status).toBe(400);
  });

  it('every view is logged; managers read the log; it cannot be changed', async () => {
    const managerToken = await t.login('sales_head', USER_PASSWORD);
    const log = await t.request('GET', `/api/archive-access-log?customerId=${customerId}`, {
      token: managerToken,
    });
    expect(log.status).toBe(200);
    const bases = log.body.items.map((i: { basis: string }) => i.basis);
    expect(bases).toEqual(expect.arrayContaining(['own_department', 'owner', 'dealer', 'request']));
    expect(log.body.items.every((i: { what: string }) => i.what === 'full_archive')).toBe(true);
    // Refused views are not logged as views.
    expect(log.body.items).toHaveLength(4);
    expect((await t.request('GET', '/api/archive-access-log', { token: tok.svc_desk })).status).toBe(403);
    await expect(t.database.db.execute(sql`delete from archive_access_log`)).rejects.toThrow();
  });
});
