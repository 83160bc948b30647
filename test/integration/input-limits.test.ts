import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// The reproductions of issue 11 (item 2): input PostgreSQL cannot store is a 400 naming the field,
// and every refusal, down to Fastify's router and Node's parser, has the contract's error shape.
let t: TestApp;
let admin: string;
let customerId: string;

const fields = (r: { body: { error: { details: { field: string }[] } } }) =>
  r.body.error.details.map((d) => d.field);

const expectShape = (r: { status: number; body: unknown }) => {
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(Object.keys((r.body as { error: object }).error).sort()).toEqual(['code', 'details', 'message']);
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const c = await t.request('POST', '/api/customers', {
    token: admin,
    body: { name: '常州市政', kind: 'existing', grade: 'A' },
  });
  customerId = c.body.id;
});
afterAll(() => t.close());

const ticket = (extra: object) =>
  t.request('POST', '/api/tickets', {
    token: admin,
    body: { customerId, channel: 'phone', type: 'repair', description: '漏油', ...extra },
  });

describe('text the database cannot store', () => {
  it('a NUL character in the anonymous login is a 400 naming the field', async () => {
    const r = await t.request('POST', '/api/auth/login', { body: { username: 'a\u0000b', password: 'x' } });
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual(['username']);
  });

  it('NUL anywhere: body, nested, keys, query and path', async () => {
    expect(fields(await ticket({ description: 'x\u0000' }))).toEqual(['description']);
    const nested = await t.request('POST', '/api/customers', {
      token: admin,
      body: { name: 'n', kind: 'existing', grade: 'A', contacts: [{ name: 'a\u0000' }] },
    });
    expect(nested.status).toBe(400);
    expect(fields(nested)).toEqual(['contacts.0.name']);
    const q = await t.request('GET', '/api/customers?q=%00', { token: admin });
    expect(q.status).toBe(400);
    expect(fields(q)).toEqual(['querystring.q']);
    const p = await t.request('GET', '/api/customers/%00', { token: admin });
    expect(p.status).toBe(400);
    expect(fields(p)).toEqual(['params.id']);
  });

  it('deep nesting is refused before it reaches any code', async () => {
    const raw = `{"customerId":"${customerId}","channel":"phone","type":"repair","description":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = await t.request('POST', '/api/tickets', { token: admin, raw });
    expect(r.status).toBe(400);
    expect(fields(r)[0]).toMatch(/^description/);
  });
});

describe('numbers outside their column', () => {
  it('a version above 2^31-1 is a 400 on version', async () => {
    const c = await t.request('PATCH', `/api/customers/${customerId}`, {
      token: admin,
      body: { version: 2 ** 31, name: 'x' },
    });
    expect(c.status).toBe(400);
    expect(fields(c)).toEqual(['version']);
    const big = await t.request('GET', '/api/customers?offset=1e308', { token: admin });
    expect(big.status).toBe(400);
  });
});

describe('dates outside the domain range', () => {
  it('year 0, years 0001–0999 and leap seconds in bodies', async () => {
    for (const reportedAt of [
      '0000-01-01T00:00:00Z',
      '0050-06-15T00:00:00Z',
      '0999-12-31T00:00:00+08:00',
      '2026-06-30T23:59:60Z',
      '2026-02-30T10:00:00Z',
      '2026-03-01T10:00:00',
      '2026-03-01T10:00:00+08',
      '2101-01-01T00:00:00Z',
    ]) {
      const r = await ticket({ reportedAt });
      expect(r.status, reportedAt).toBe(400);
      expect(fields(r), reportedAt).toEqual(['reportedAt']);
    }
    // The accepted spellings of an instant still work.
    for (const reportedAt of [
      '2026-03-01T08:00:00+08:00',
      '2026-03-01T00:00:00.123Z',
      '2026-03-01T08:00:00+0800',
    ])
      expect((await ticket({ reportedAt })).status, reportedAt).toBe(201);
  });

  it('calendar dates: 0050-06-15 is refused, not stored as 1950', async () => {
    const r = await t.request('POST', '/api/assets', {
      token: admin,
      body: {
        serialNo: 'Y0050',
        modelId: '00000000-0000-4000-8000-000000000001',
        customerId,
        deliveredAt: '0050-06-15',
      },
    });
    expect(r.status).toBe(400);
    expect(fields(r)).toContain('deliveredAt');
  });

  it('query dates: audit log, work orders, dashboard', async () => {
    const a = await t.request('GET', '/api/audit-log?from=0000-01-01T00:00:00Z', { token: admin });
    expect(a.status).toBe(400);
    expect(fields(a)).toEqual(['querystring.from']);
    const w = await t.request('GET', '/api/work-orders?plannedFrom=0000-01-01', { token: admin });
    expect(w.status).toBe(400);
    expect(fields(w)).toEqual(['querystring.plannedFrom']);
    const d = await t.request('GET', '/api/dashboard?to=0000-01-01', { token: admin });
    expect(d.status).toBe(400);
    expect(fields(d)).toEqual(['querystring.to']);
  });
});

describe('refusals before any route runs keep the contract shape', () => {
  it('a 3,000-character path parameter', async () => {
    const r = await t.request('GET', `/api/customers/${'a'.repeat(3000)}`, { token: admin });
    expectShape(r);
  });

  it('a URL longer than the parser takes', async () => {
    const r = await t.request('GET', `/api/customers?q=${'a'.repeat(70_000)}`, { token: admin });
    expectShape(r);
  });

  it('bad JSON, a wrong content type, a body too large', async () => {
    expectShape(await t.request('POST', '/api/customers', { token: admin, raw: '{"name":' }));
    expectShape(
      await t.request('POST', '/api/customers', {
        token: admin,
        raw: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expectShape(
      await t.request('POST', '/api/customers', {
        token: admin,
        raw: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
      }),
    );
  });
});
