import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: string;

const createUser = async (username: string, password = 'Secret#123') => {
  const r = await t.request('POST', '/api/users', {
    token: admin,
    body: { username, displayName: username, password, roleCode: 'desk' },
  });
  expect(r.status).toBe(201);
  return r.body;
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

describe('login', () => {
  it('returns a token and the user, and sets an httpOnly cookie', async () => {
    const r = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(r.body.user).toMatchObject({ username: 'admin', roleCode: 'admin', role: { scope: 'all' } });
    expect(r.body.user.permissions).toContain('user.write');
    expect(r.body.user.passwordHash).toBeUndefined();
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/aftersales_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    // The cookie alone authenticates (the web UI never sees the token).
    const session = cookie.split(';')[0]!;
    const me = await t.request('GET', '/api/auth/me', { headers: { cookie: session } });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it('usernames are case-insensitive', async () => {
    const r = await t.request('POST', '/api/auth/login', {
      body: { username: 'ADMIN', password: ADMIN_PASSWORD },
    });
    expect(r.status).toBe(200);
  });

  it('rejects a wrong password and an unknown user alike', async () => {
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'nope' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'nope' },
    });
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('invalid_credentials');
    }
    // Reset the admin's counter for the other tests.
    await t.login('admin', ADMIN_PASSWORD);
  });

  it('five wrong logins make that client wait, and no longer lock the account (issue 11)', async () => {
    const u = await createUser('locky', 'Right#pass1');
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.request('POST', '/api/auth/login', { body: { username: 'locky', password: 'bad' } })).status,
      ).toBe(401);
    }
    const sixth = await t.request('POST', '/api/auth/login', {
      body: { username: 'locky', password: 'Right#pass1' },
    });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('login_throttled');
    expect(sixth.headers.get('retry-after')).toBe('30');
    expect((await t.request('GET', `/api/users/${u.id}`, { token: admin })).body.lockedUntil).toBeNull();
    t.clock.advance(30_000);
    const after = await t.request('POST', '/api/auth/login', {
      body: { username: 'locky', password: 'Right#pass1' },
    });
    expect(after.status).toBe(200);
    // More in lockout.test.ts (other clients, growing waits, the account lock) and admin-unlock.test.ts.
  });

  it('rejects inactive users', async () => {
    const u = await createUser('gone');
    await t.request('PATCH', `/api/users/${u.id}`, {
      token: admin,
      body: { version: u.version, active: false },
    });
    const r = await t.request('POST', '/api/auth/login', {
      body: { username: 'gone', password: 'Secret#123' },
    });
    expect(r.status).toBe(401);
  });
});

describe('sessions', () => {
  it('expire after the configured hours', async () => {
    const token = await t.adminToken();
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(200);
    t.clock.advance(12 * 3_600_000 + 1000);
    const r = await t.request('GET', '/api/auth/me', { token });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
    admin = await t.adminToken();
  });

  it('logout revokes the token', async () => {
    const token = await t.adminToken();
    expect((await t.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('rejects garbage and missing tokens', async () => {
    expect((await t.request('GET', '/api/auth/me', { token: 'garbage' })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(
      401,
    );
  });
});

describe('password change', () => {
  it('needs the current password, and ends the other sessions', async () => {
    await createUser('pw', 'First#pass1');
    const a = await t.login('pw', 'First#pass1');
    const b = await t.login('pw', 'First#pass1');
    const wrong = await t.request('POST', '/api/auth/password', {
      token: a,
      body: { currentPassword: 'x', newPassword: 'Second#pass2' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('currentPassword');
    const short = await t.request('POST', '/api/auth/password', {
      token: a,
      body: { currentPassword: 'First#pass1', newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].field).toBe('newPassword');
    const ok = await t.request('POST', '/api/auth/password', {
      token: a,
      body: { currentPassword: 'First#pass1', newPassword: 'Second#pass2' },
    });
    expect(ok.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: a })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: b })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { username: 'pw', password: 'First#pass1' } }))
        .status,
    ).toBe(401);
    await t.login('pw', 'Second#pass2');
  });

  it('an admin reset forces a change at next login and ends existing sessions', async () => {
    const u = await createUser('reset', 'First#pass1');
    const s = await t.login('reset', 'First#pass1');
    const r = await t.request('POST', `/api/users/${u.id}/password`, {
      token: admin,
      body: { newPassword: 'Temp#pass99' },
    });
    expect(r.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: s })).status).toBe(401);
    const l = await t.request('POST', '/api/auth/login', {
      body: { username: 'reset', password: 'Temp#pass99' },
    });
    expect(l.body.user.mustChangePassword).toBe(true);
  });
});

describe('initial admin and rate limit', () => {
  it('the first start created admin with the configured password', async () => {
    const users = await t.request('GET', '/api/users?q=admin', { token: admin });
    expect(users.body.items.map((u: { username: string }) => u.username)).toContain('admin');
  });

  it('limits login attempts per client', async () => {
    const limited = await (await import('../helpers/test-app.ts')).startTestApp({
      config: { loginRateLimitPerMinute: 3 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await limited.request('POST', '/api/auth/login', { body: { username: 'ghost', password: 'x' } }))
            .status,
        );
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[3]).toBe(429);
      const r = await limited.request('POST', '/api/auth/login', {
        body: { username: 'ghost', password: 'x' },
      });
      expect(r.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
