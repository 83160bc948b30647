import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../../src/platform/field-labels.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: string;

const fields = (r: { body: { error: { details: { field: string }[] } } }) =>
  r.body.error.details.map((d) => d.field);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

describe('malformed bodies get 400 naming the field', () => {
  it('wrong types', async () => {
    const r = await t.request('POST', '/api/users', {
      token: admin,
      body: { username: 42, displayName: 'x', password: 'Passw0rd!x', roleCode: 'desk' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(fields(r)).toEqual(['username']);
    // The message names the field in words, in the caller's language (zh-CN by default).
    expect(r.body.error.message).toContain(FIELD_LABELS.username!.zh);
    // No coercion: a number where a boolean belongs is an error, not `true`.
    const d = await t.request('POST', '/api/dealers', {
      token: admin,
      body: { code: 'D1', name: 'x', regions: 'jiangsu' },
    });
    expect(fields(d)).toEqual(['regions']);
  });

  it('missing fields', async () => {
    const r = await t.request('POST', '/api/departments', { token: admin, body: { name: '技术部' } });
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual(['code']);
  });

  it('oversize strings', async () => {
    const r = await t.request('POST', '/api/departments', {
      token: admin,
      body: { code: 'X', name: '长'.repeat(101) },
    });
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual(['name']);
  });

  it('unknown fields', async () => {
    const r = await t.request('POST', '/api/service-centres', {
      token: admin,
      body: { code: 'S', name: 'x', isAdmin: true },
    });
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual(['isAdmin']);
    expect(r.body.error.details[0].message).toBe('不是允许填写的字段');
  });

  it('nested array items name their index', async () => {
    const r = await t.request('POST', '/api/roles', {
      token: admin,
      body: { code: 'r', name: 'r', scope: 'all', permissions: ['org.read', 'root'] },
    });
    expect(r.status).toBe(400);
    expect(fields(r)[0]).toBe('permissions.1');
  });

  it('bad query strings and path ids', async () => {
    expect(fields(await t.request('GET', '/api/users?limit=100000', { token: admin }))).toEqual([
      'querystring.limit',
    ]);
    const bad = await t.request('GET', '/api/users/not-a-uuid', { token: admin });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['params.id']);
  });

  it('invalid JSON and unknown references', async () => {
    const r = await t.request('POST', '/api/dealers', { token: admin, raw: '{"code": "D9", ' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_json');
    const ref = await t.request('POST', '/api/users', {
      token: admin,
      body: {
        username: 'refy',
        displayName: 'x',
        password: 'Passw0rd!x',
        roleCode: 'desk',
        dealerId: '00000000-0000-4000-8000-000000000009',
      },
    });
    expect(ref.status).toBe(400);
    expect(fields(ref)).toEqual(['dealerId']);
    const head = await t.request('POST', '/api/departments', {
      token: admin,
      body: { code: 'H', name: 'h', headUserId: '00000000-0000-4000-8000-000000000009' },
    });
    expect(fields(head)).toEqual(['headUserId']);
    const role = await t.request('POST', '/api/users', {
      token: admin,
      body: { username: 'rr', displayName: 'x', password: 'Passw0rd!x', roleCode: 'pope' },
    });
    expect(fields(role)).toEqual(['roleCode']);
  });

  it('answers in English when asked', async () => {
    const r = await t.request('POST', '/api/departments', {
      token: admin,
      body: {},
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(r.body.error.message).toMatch(/^Invalid input: /);
  });

  it('says what is wrong in the caller\'s language, naming fields in words (issue 11: "is after reportedAt")', async () => {
    const customer = await t.request('POST', '/api/customers', {
      token: admin,
      body: { name: '语言测试客户', kind: 'new', grade: 'C' },
    });
    const body = {
      customerId: customer.body.id,
      channel: 'phone',
      type: 'repair',
      description: '发生时间晚于报修时间',
      reportedAt: '2026-03-01T10:00:00+08:00',
      occurredAt: '2026-03-01T11:00:00+08:00',
    };
    const zh = await t.request('POST', '/api/tickets', { token: admin, body });
    expect(zh.status).toBe(400);
    const [detail] = zh.body.error.details;
    expect(detail.field).toBe('occurredAt');
    expect(detail.label).toBe(FIELD_LABELS.occurredAt!.zh);
    expect(detail.message).toContain(FIELD_LABELS.reportedAt!.zh);
    expect(zh.body.error.message).toBe(`输入有误：${detail.label}${detail.message}`);
    expect(zh.body.error.message).not.toMatch(/[A-Za-z]{3,}/);

    const en = await t.request('POST', '/api/tickets', {
      token: admin,
      body,
      headers: { 'accept-language': 'en' },
    });
    expect(en.body.error.details[0]).toEqual({
      field: 'occurredAt',
      label: FIELD_LABELS.occurredAt!.en,
      message: `is after ${FIELD_LABELS.reportedAt!.en}`,
    });
    expect(en.body.error.message).toBe(
      `Invalid input: ${FIELD_LABELS.occurredAt!.en} is after ${FIELD_LABELS.reportedAt!.en}`,
    );
    // Schema errors too: a missing field and a wrong type, in words.
    const missing = await t.request('POST', '/api/tickets', { token: admin, body: { channel: 'fax' } });
    expect(missing.status).toBe(400);
    for (const d of missing.body.error.details) expect(d.message).not.toMatch(/[A-Za-z]{3,}/);
    expect(missing.body.error.message).toContain(FIELD_LABELS.customerId!.zh);
    // Nothing was stored by the refused requests.
    const list = await t.request('GET', `/api/tickets?customerId=${customer.body.id}`, { token: admin });
    expect(list.body.total).toBe(0);
  });

  it('unknown routes give JSON 404 and errors carry no stack traces', async () => {
    const r = await t.request('GET', '/api/no-such-thing', { token: admin });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('route_not_found');
    expect(JSON.stringify(r.body)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('bad input never changes stored data', async () => {
    const d = await t.request('POST', '/api/departments', {
      token: admin,
      body: { code: 'KEEP', name: '保留' },
    });
    const bad = await t.request('PATCH', `/api/departments/${d.body.id}`, {
      token: admin,
      body: { version: 1, name: '', code: 'bad code!' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(['code', 'name']);
    const now = await t.request('GET', `/api/departments/${d.body.id}`, { token: admin });
    expect(now.body).toMatchObject({ code: 'KEEP', name: '保留', version: 1 });
  });

  it('duplicate keys get 409 naming the field', async () => {
    await t.request('POST', '/api/dealers', { token: admin, body: { code: 'DUP', name: 'a' } });
    const r = await t.request('POST', '/api/dealers', { token: admin, body: { code: 'DUP', name: 'b' } });
    expect(r.status).toBe(409);
    expect(fields(r)).toEqual(['code']);
    const u = await t.request('POST', '/api/users', {
      token: admin,
      body: { username: 'Admin', displayName: 'x', password: 'Passw0rd!x', roleCode: 'desk' },
    });
    expect(u.status).toBe(409);
    expect(fields(u)).toEqual(['username']);
  });
});

describe('optimistic concurrency', () => {
  it('a stale update gets 409 and does not overwrite the newer one', async () => {
    const d = await t.request('POST', '/api/dealers', { token: admin, body: { code: 'OCC', name: '原名' } });
    const first = await t.request('PATCH', `/api/dealers/${d.body.id}`, {
      token: admin,
      body: { version: 1, name: '张三改的' },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await t.request('PATCH', `/api/dealers/${d.body.id}`, {
      token: admin,
      body: { version: 1, name: '李四改的' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect((await t.request('GET', `/api/dealers/${d.body.id}`, { token: admin })).body.name).toBe(
      '张三改的',
    );
  });

  it('applies to users and roles too', async () => {
    const u = await t.request('POST', '/api/users', {
      token: admin,
      body: { username: 'occ', displayName: 'x', password: 'Passw0rd!x', roleCode: 'desk' },
    });
    await t.request('PATCH', `/api/users/${u.body.id}`, {
      token: admin,
      body: { version: 1, displayName: 'y' },
    });
    expect(
      (
        await t.request('PATCH', `/api/users/${u.body.id}`, {
          token: admin,
          body: { version: 1, displayName: 'z' },
        })
      ).status,
    ).toBe(409);
    const roles = await t.request('GET', '/api/roles', { token: admin });
    const desk = roles.body.items.find((r: { code: string }) => r.code === 'desk');
    await t.request('PATCH', '/api/roles/desk', {
      token: admin,
      body: { version: desk.version, name: '客服' },
    });
    expect(
      (
        await t.request('PATCH', '/api/roles/desk', {
          token: admin,
          body: { version: desk.version, name: '调度' },
        })
      ).status,
    ).toBe(409);
  });

  it('two concurrent updates with the same version: exactly one wins', async () => {
    const d = await t.request('POST', '/api/departments', {
      token: admin,
      body: { code: 'RACE', name: 'r' },
    });
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((name) =>
        t.request('PATCH', `/api/departments/${d.body.id}`, { token: admin, body: { version: 1, name } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('an unknown id gets 404, not 409', async () => {
    const r = await t.request('PATCH', '/api/dealers/00000000-0000-4000-8000-000000000042', {
      token: admin,
      body: { version: 1, name: 'x' },
    });
    expect(r.status).toBe(404);
  });

  it('the admin role keeps every permission and nobody can lock themselves out', async () => {
    const roles = await t.request('GET', '/api/roles', { token: admin });
    const a = roles.body.items.find((r: { code: string }) => r.code === 'admin');
    const r = await t.request('PATCH', '/api/roles/admin', {
      token: admin,
      body: { version: a.version, permissions: [] },
    });
    expect(r.status).toBe(400);
    const me = (await t.request('GET', '/api/auth/me', { token: admin })).body;
    const self = await t.request('GET', `/api/users/${me.id}`, { token: admin });
    const off = await t.request('PATCH', `/api/users/${me.id}`, {
      token: admin,
      body: { version: self.body.version, active: false },
    });
    expect(off.status).toBe(400);
    expect(fields(off)).toEqual(['active']);
  });
});
