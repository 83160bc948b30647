import { expect } from 'vitest';
import { seedOrg, type TestApp, USER_PASSWORD } from './test-app.ts';

// Shared set-up of the complaint tests: two dealers' customers, the portal user of customer A, a
// quality department whose head is the quality user, and helpers that walk a complaint along.

export const HOUR = 3_600_000;

export const complaintWorld = async (t: TestApp) => {
  const s = await seedOrg(t);
  const customer = async (name: string, dealerId: string) => {
    const r = await t.request('POST', '/api/customers', {
      token: s.admin,
      body: { name, kind: 'existing', grade: 'B', dealerId },
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const cA = await customer('南京市政建设集团', s.dealerA.id);
  const cB = await customer('广州港务工程公司', s.dealerB.id);
  const cu = await t.request('GET', `/api/users/${s.users.customer!.id}`, { token: s.admin });
  await t.request('PATCH', `/api/users/${s.users.customer!.id}`, {
    token: s.admin,
    body: { version: cu.body.version, customerId: cA },
  });
  const qa = await t.request('POST', '/api/departments', {
    token: s.admin,
    body: { code: 'QA', name: '质管部', headUserId: s.users.quality!.id },
  });
  expect(qa.status).toBe(201);

  const tokens: Record<string, string> = {};
  /** Sessions last 12 hours: after a long clock advance everyone signs in again. */
  const relogin = async () => {
    tokens.admin = await t.adminToken();
    for (const u of ['desk', 'quality', 'technical', 'manager', 'dealer', 'dealer_b', 'customer', 'engineer'])
      tokens[u] = await t.login(`u_${u}`, USER_PASSWORD);
  };
  await relogin();

  const register = async (body: Record<string, unknown> = {}, token = tokens.desk!) => {
    const r = await t.request('POST', '/api/complaints', {
      token,
      body: {
        customerId: cA,
        channel: 'phone',
        severity: 'high',
        subject: '维修后仍漏油',
        description: '上周维修的动臂油缸又开始漏油，工地停工两天',
        ...body,
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };

  /** One workflow step by the quality user (or another token); expects success by default. */
  const step = async (
    c: { id: string; version: number },
    path: string,
    body: Record<string, unknown> = {},
    o: { token?: string; status?: number } = {},
  ) => {
    const r = await t.request('POST', `/api/complaints/${c.id}/${path}`, {
      token: o.token ?? tokens.quality!,
      body: { version: c.version, ...body },
    });
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(o.status ?? 200);
    return r.body;
  };

  const actionBody = (over: Record<string, unknown> = {}) => ({
    rootCause: '维修时密封件装反，油缸内泄',
    causeClass: 'service',
    correctiveAction: '重新更换密封件；维修作业指导书增加密封件方向确认',
    actionOwnerUserId: s.users.technical!.id,
    actionDueAt: new Date(t.clock.now().getTime() + 48 * HOUR).toISOString(),
    ...over,
  });

  /** received → investigating → action. */
  const toAction = async (c: { id: string; version: number }, cause = 'service') => {
    const routed = await step(c, 'route', { departmentId: qa.body.id });
    return step(routed, 'action', actionBody({ causeClass: cause }));
  };

  return { s, cA, cB, dept: qa.body.id as string, tokens, relogin, register, step, actionBody, toAction };
};
