import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDelayMs } from '../../src/domain/auth/lockout.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 11 item 4: "Five anonymous wrong logins lock the only admin out for 15 minutes." Now a client's
// failures slow down that client only; the account locks only for many failures from many sources.
let t: TestApp;
let admin: string;

const attempt = (username: string, password: string, ip: string, lang = 'zh-CN') =>
  t.request('POST', '/api/auth/login', {
    body: { username, password },
    headers: { 'x-forwarded-for': ip, 'accept-language': lang },
  });

const createUser = async (username: string) => {
  const r = await t.request('POST', '/api/users', {
    token: admin,
    body: { username, displayName: username, password: 'Right#pass1', roleCode: 'desk' },
  });
  expect(r.status).toBe(201);
  return r.body as { id: string };
};

const auditOf = async (action: string, entityId: string) =>
  (
    await t.request('GET', `/api/audit-log?entity=user&action=${action}&entityId=${entityId}`, {
      token: admin,
    })
  ).body.items as { action: string; actorName: string; after: Record<string, unknown>; ip: string | null }[];

beforeAll(async () => {
  // Client IPs come from X-Forwarded-For here, so one test can speak from many addresses.
  t = await startTestApp({ config: { trustProxy: true, loginRateLimitPerMinute: 10_000 } });
  admin = await t.adminToken();
});
afterAll(() => t.close());

describe('login failures per account and client', () => {
  it('an anonymous client cannot lock the admin out from one IP; the right password from another client works', async () => {
    const adminId = (await t.request('GET', '/api/auth/me', { token: admin })).body.id as string;
    const statuses: number[] = [];
    // 40 tries from one address, waiting out every delay it is given (≈ 3 hours on the test clock).
    for (let i = 0; i < 40; i++) {
      const r = await attempt('admin', `wrong-${i}`, '203.0.113.7');
      statuses.push(r.status);
      if (r.status === 429) t.clock.advance(Number(r.headers.get('retry-after')) * 1000);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect(statuses).not.toContain(423);
    // Never locked: the admin logs in from its own client at once…
    const other = await attempt('admin', ADMIN_PASSWORD, '198.51.100.20');
    expect(other.status).toBe(200);
    const me = await t.request('GET', `/api/users/${adminId}`, { token: admin });
    expect(me.body.lockedUntil).toBeNull();
    // …while the attacking client, after its next failure, waits even with the right password (which
    // is then not even tried).
    expect((await attempt('admin', 'wrong-again', '203.0.113.7')).status).toBe(401);
    const attacker = await attempt('admin', ADMIN_PASSWORD, '203.0.113.7');
    expect(attacker.status).toBe(429);
    expect(attacker.body.error.code).toBe('login_throttled');
    const failed = await auditOf('login_failed', adminId);
    expect(failed[0]!.after).toMatchObject({ client: '203.0.113.7', sources: 1 });
    expect(failed[0]!.ip).toBe('203.0.113.7');
    t.clock.advance(16 * 60_000);
    admin = await t.adminToken();
  });

  it('makes one client wait longer after each further failure, up to the cap, with Retry-After and a zh/en message', async () => {
    await createUser('slow');
    const ip = '192.0.2.50';
    for (let i = 0; i < 5; i++) expect((await attempt('slow', 'bad', ip)).status).toBe(401);
    const waits: number[] = [];
    for (let n = 5; n <= 11; n++) {
      const r = await attempt('slow', 'bad', ip);
      expect(r.status).toBe(429);
      const wait = Number(r.headers.get('retry-after'));
      expect(r.body.error.details.retryAfterSeconds).toBe(wait);
      waits.push(wait);
      if (n === 5) {
        expect(r.body.error.message).toMatch(/登录失败次数过多/);
        const en = await attempt('slow', 'bad', ip, 'en');
        expect(en.status).toBe(429);
        expect(en.body.error.message).toMatch(/Too many failed logins/);
      }
      t.clock.advance(wait * 1000);
      // The wait is over: one more try is judged (and fails), which earns the next, longer wait.
      expect((await attempt('slow', 'bad', ip)).status).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(clientDelayMs(100, t.config.lockout)).toBe(900_000);
    // Another client is not slowed down by any of this.
    expect((await attempt('slow', 'Right#pass1', '192.0.2.51')).status).toBe(200);
    // After the wait, the right password from the slowed client works and its count starts again.
    const r = await attempt('slow', 'Right#pass1', ip);
    expect(r.status).toBe(429);
    t.clock.advance(Number(r.headers.get('retry-after')) * 1000);
    expect((await attempt('slow', 'Right#pass1', ip)).status).toBe(200);
    expect((await attempt('slow', 'bad', ip)).status).toBe(401);
    expect((await attempt('slow', 'bad', ip)).status).toBe(401);
  });

  it('locks the account only after many failures from many sources, audited, until an admin unlocks it', async () => {
    const u = await createUser('target');
    const ips = ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4'];
    // 13 failures from each of four clients (52 in all), every client waiting out each delay: no lock.
    for (let n = 1; n <= 13; n++) {
      for (const ip of ips) expect((await attempt('target', 'bad', ip)).status, `${ip} #${n}`).toBe(401);
      t.clock.advance(clientDelayMs(n, t.config.lockout) + 1000);
    }
    expect((await t.request('GET', `/api/users/${u.id}`, { token: admin })).body.lockedUntil).toBeNull();
    // A fifth source makes it many failures from many sources: the account locks, for everyone.
    const fifth = await attempt('target', 'bad', '10.1.0.5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('account_locked');
    expect((await attempt('target', 'Right#pass1', '172.16.9.9')).status).toBe(423);
    const locks = await auditOf('lock', u.id);
    expect(locks).toHaveLength(1);
    expect(locks[0]!.after).toMatchObject({ failures: 53, sources: 5 });
    expect(locks[0]!.actorName).toBe('system');

    // The documented way back in the UI: an administrator unlocks; every client's wait goes too.
    const unlocked = await t.request('POST', `/api/users/${u.id}/unlock`, { token: admin });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect(await auditOf('unlock', u.id)).toHaveLength(1);
    expect((await attempt('target', 'Right#pass1', '10.1.0.1')).status).toBe(200);
    // The old evidence is gone: one more failure neither locks nor delays.
    expect((await attempt('target', 'bad', '10.1.0.2')).status).toBe(401);
  });

  it('a lock also expires by itself after the configured minutes', async () => {
    const u = await createUser('expiring');
    for (let n = 1; n <= 10; n++) {
      for (const ip of ['10.2.0.1', '10.2.0.2', '10.2.0.3', '10.2.0.4', '10.2.0.5']) {
        await attempt('expiring', 'bad', ip);
      }
      if (n < 10) t.clock.advance(clientDelayMs(n, t.config.lockout) + 1000);
    }
    expect((await t.request('GET', `/api/users/${u.id}`, { token: admin })).body.lockedUntil).not.toBeNull();
    expect((await attempt('expiring', 'Right#pass1', '10.9.9.9')).status).toBe(423);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await attempt('expiring', 'Right#pass1', '10.9.9.9')).status).toBe(200);
  });
});
