import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { bootstrap } from '../../src/seed/bootstrap.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 11 item 6: weak passwords are refused everywhere a password is set, and a user flagged to
// change the password can do nothing else on the server.
let t: TestApp;
let admin: string;

const createUser = (username: string, password: string, lang = 'zh-CN') =>
  t.request('POST', '/api/users', {
    token: admin,
    headers: { 'accept-language': lang },
    body: { username, displayName: username, password, roleCode: 'desk' },
  });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

describe('password rules', () => {
  it('refuses the reproductions 12345678 and password, naming the rule in zh and en', async () => {
    for (const pw of ['12345678', 'password']) {
      const zh = await createUser('weak1', pw);
      expect(zh.status).toBe(400);
      expect(zh.body.error.code).toBe('password_too_short');
      expect(zh.body.error.message).toMatch(/至少需要 10 个字符/);
      expect(zh.body.error.details[0]).toMatchObject({ field: 'password', rule: 'too_short', minLength: 10 });
      const en = await createUser('weak1', pw, 'en');
      expect(en.body.error.message).toMatch(/at least 10 characters/);
    }
  });

  it('refuses a common password of 10+ characters, case-insensitively, and the username itself', async () => {
    for (const pw of ['1234567890', 'Password123', 'QWERTYUIOP']) {
      const r = await createUser('weak2', pw);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('password_too_common');
      expect(r.body.error.message).toMatch(/密码过于常见/);
    }
    const en = await createUser('weak2', '1234567890', 'en');
    expect(en.body.error.message).toMatch(/too common/);
    const same = await createUser('Wang.Jianguo', 'wang.jianguo');
    expect(same.status).toBe(400);
    expect(same.body.error.code).toBe('password_same_as_username');
    expect(same.body.error.message).toMatch(/不能与用户名相同/);
    // Nothing was created by the refused requests.
    const list = await t.request('GET', '/api/users?q=weak', { token: admin });
    expect(list.body.total).toBe(0);
    expect((await createUser('strong1', 'Xu#7pq2Lmz')).status).toBe(201);
  });

  it('applies to the own change and to an admin reset', async () => {
    const u = (await createUser('changer', 'First#pass1')).body;
    const token = await t.login('changer', 'First#pass1');
    const change = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: 'First#pass1', newPassword: 'password123' },
    });
    expect(change.status).toBe(400);
    expect(change.body.error.code).toBe('password_too_common');
    expect(change.body.error.details[0].field).toBe('newPassword');
    const same = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: 'First#pass1', newPassword: 'CHANGER' },
    });
    expect(same.body.error.code).toBe('password_too_short');
    const reset = await t.request('POST', `/api/users/${u.id}/password`, {
      token: admin,
      body: { newPassword: '12345678' },
    });
    expect(reset.status).toBe(400);
    expect(reset.body.error.code).toBe('password_too_short');
    // The refused reset changed nothing: the old password and session still work.
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await t.request('GET', `/api/users/${u.id}`, { token: admin })).body.version).toBe(u.version);
  });

  it('applies to the bootstrap: a weak AFTERSALES_ADMIN_PASSWORD creates no admin', async () => {
    const database = await openPglite(null);
    try {
      await database.migrate();
      const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
      await expect(bootstrap({ db: database.db, clock, adminPassword: 'password123' })).rejects.toMatchObject(
        {
          code: 'password_too_common',
        },
      );
      const none = await database.executeSql('select count(*)::int as n from users');
      expect(none.rows[0]).toMatchObject({ n: 0 });
      const ok = await bootstrap({ db: database.db, clock, adminPassword: 'Xu#7pq2Lmz' });
      expect(ok.adminCreated).toBe(true);
    } finally {
      await database.close();
    }
  });
});

describe('must change the password', () => {
  it('after a reset, only the password change, who-am-I and logout work; everything else is 403', async () => {
    const u = (await createUser('flagged', 'First#pass1')).body;
    await t.request('POST', `/api/users/${u.id}/password`, {
      token: admin,
      body: { newPassword: 'Temp#pass99' },
    });
    const login = await t.request('POST', '/api/auth/login', {
      body: { username: 'flagged', password: 'Temp#pass99' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.token as string;

    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);
    for (const [method, path] of [
      ['GET', '/api/customers'],
      ['GET', '/api/tickets'],
      ['GET', '/api/notifications'],
      ['POST', '/api/customers'],
    ] as const) {
      const r = await t.request(method, path, { token, body: method === 'POST' ? {} : undefined });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error.code).toBe('password_change_required');
      expect(r.body.error.message).toMatch(/请先修改密码/);
    }
    const en = await t.request('GET', '/api/customers', { token, headers: { 'accept-language': 'en' } });
    expect(en.body.error.message).toMatch(/Change your password first/);

    // A second session of the same user may log out while flagged.
    const other = await t.login('flagged', 'Temp#pass99');
    expect((await t.request('POST', '/api/auth/logout', { token: other })).status).toBe(204);

    const changed = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: 'Temp#pass99', newPassword: 'Mine#own2026' },
    });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', '/api/customers', { token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token })).body.mustChangePassword).toBe(false);
  });
});
