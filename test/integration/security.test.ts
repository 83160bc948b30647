import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, multipartPng, startTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 11 item 5: security headers, no-store on API answers, HSTS and Secure cookies only over TLS,
// and the Origin / Sec-Fetch-Site check on every cookie-authenticated change.
let t: TestApp;
let cookie: string;
let ticketId: string;
const EVIL = 'https://evil.example';

/** Logs in like the web UI does and returns the session cookie. */
const cookieLogin = async (headers: Record<string, string> = {}) => {
  const r = await t.request('POST', '/api/auth/login', {
    body: { username: 'admin', password: ADMIN_PASSWORD },
    headers,
  });
  expect(r.status).toBe(200);
  const set = r.headers.get('set-cookie')!;
  return { cookie: set.split(';')[0]!, setCookie: set };
};

beforeAll(async () => {
  t = await startTestApp({ config: { publicUrl: 'https://service.example.com' } });
  cookie = (await cookieLogin()).cookie;
  const admin = await t.adminToken();
  const c = await t.request('POST', '/api/customers', {
    token: admin,
    body: { name: '安全测试客户', kind: 'new', grade: 'C' },
  });
  const tk = await t.request('POST', '/api/tickets', {
    token: admin,
    body: { customerId: c.body.id, channel: 'phone', type: 'repair', description: '异响' },
  });
  ticketId = tk.body.id;
});
afterAll(() => t.close());

describe('security headers', () => {
  it('every answer carries the CSP, frame and sniffing rules and the referrer policy', async () => {
    for (const path of ['/api/health', '/api/no-such-thing', '/api/openapi.json']) {
      const r = await t.request('GET', path);
      const csp = r.headers.get('content-security-policy')!;
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('every /api answer, success or error, is no-store', async () => {
    expect((await t.request('GET', '/api/health')).headers.get('cache-control')).toBe('no-store');
    expect((await t.request('GET', '/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    expect(
      (await t.request('GET', '/api/customers', { headers: { cookie } })).headers.get('cache-control'),
    ).toBe('no-store');
  });

  it('no HSTS and no Secure cookie over plain HTTP (an untrusted X-Forwarded-Proto changes nothing)', async () => {
    const r = await t.request('GET', '/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers.get('strict-transport-security')).toBeNull();
    const { setCookie } = await cookieLogin({ 'x-forwarded-proto': 'https' });
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i);
  });
});

describe('behind a trusted proxy that says https', () => {
  let p: TestApp;
  beforeAll(async () => {
    p = await startTestApp({ config: { trustProxy: true } });
  });
  afterAll(() => p.close());

  it('sends HSTS and Secure cookies', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const r = await p.request('GET', '/api/health', { headers: https });
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const login = await p.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
      headers: https,
    });
    expect(login.headers.get('set-cookie')).toMatch(/; Secure/i);
    // Plain HTTP through the same proxy: neither.
    expect((await p.request('GET', '/api/health')).headers.get('strict-transport-security')).toBeNull();
  });

  it('takes the host the proxy names as our own', async () => {
    const login = await p.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
      headers: { 'x-forwarded-host': 'svc.example.org', origin: 'https://svc.example.org' },
    });
    expect(login.status).toBe(200);
  });
});

describe('CSRF: cookie-authenticated changes from another site', () => {
  const expectRejected = (r: { status: number; body: any }, lang: 'zh' | 'en' = 'zh') => {
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf_rejected');
    expect(r.body.error.message).toMatch(lang === 'zh' ? /其他网站/ : /another site/);
  };

  it('refuses a bodyless logout and keeps the session', async () => {
    const r = await t.request('POST', '/api/auth/logout', { headers: { cookie, origin: EVIL } });
    expectRejected(r);
    expect((await t.request('GET', '/api/auth/me', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a bodyless dashboard refresh, in English when asked', async () => {
    const r = await t.request('POST', '/api/dashboard/refresh', {
      headers: { cookie, origin: EVIL, 'accept-language': 'en' },
    });
    expectRejected(r, 'en');
  });

  it('refuses a multipart upload posted by a foreign form, and nothing is stored', async () => {
    const form = multipartPng();
    const r = await t.request('POST', `/api/tickets/${ticketId}/attachments`, {
      headers: { cookie, origin: EVIL, 'content-type': form.type },
      raw: form.body,
    });
    expectRejected(r);
    const ticket = await t.request('GET', `/api/tickets/${ticketId}`, { headers: { cookie } });
    expect(ticket.body.attachments ?? []).toHaveLength(0);
  });

  it('refuses JSON changes (POST, PATCH) and an opaque "null" origin', async () => {
    expectRejected(
      await t.request('POST', '/api/customers', {
        headers: { cookie, origin: EVIL },
        body: { name: '伪造', kind: 'new', grade: 'C' },
      }),
    );
    expectRejected(
      await t.request('PATCH', '/api/roles/desk', {
        headers: { cookie, origin: 'null' },
        body: { version: 1, name: '伪造' },
      }),
    );
  });

  it('without Origin, refuses Sec-Fetch-Site: cross-site', async () => {
    expectRejected(
      await t.request('POST', '/api/dashboard/refresh', {
        headers: { cookie, 'sec-fetch-site': 'cross-site' },
      }),
    );
  });

  it('refuses a login posted from another site', async () => {
    const r = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
      headers: { origin: EVIL },
    });
    expectRejected(r);
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('passes our own origin, the configured public address, and clients that send neither header', async () => {
    const own = new URL(t.base).origin;
    const ok: Record<string, string>[] = [
      { cookie, origin: own },
      { cookie, origin: 'https://service.example.com' },
      { cookie, 'sec-fetch-site': 'same-origin' },
      { cookie },
    ];
    for (const headers of ok) {
      const r = await t.request('POST', '/api/dashboard/refresh', { headers });
      expect(r.status, JSON.stringify(headers)).toBe(200);
    }
    // Reads are never refused.
    expect((await t.request('GET', '/api/customers', { headers: { cookie, origin: EVIL } })).status).toBe(
      200,
    );
  });

  it('does not apply to bearer tokens, which another site cannot make a browser send', async () => {
    const token = await t.adminToken();
    const r = await t.request('POST', '/api/dashboard/refresh', { token, headers: { origin: EVIL } });
    expect(r.status).toBe(200);
  });

  it('a same-origin logout still works', async () => {
    const mine = (await cookieLogin()).cookie;
    const own = new URL(t.base).origin;
    expect(
      (await t.request('POST', '/api/auth/logout', { headers: { cookie: mine, origin: own } })).status,
    ).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { headers: { cookie: mine } })).status).toBe(401);
  });
});
