import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: string;

const latest = async () => (await t.request('GET', '/api/audit-log?limit=1', { token: admin })).body.items[0];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records every write with actor, entity, before and after', async () => {
    const dept = await t.request('POST', '/api/departments', {
      token: admin,
      body: { code: 'TECH', name: '技术部' },
    });
    expect(await latest()).toMatchObject({
      action: 'create',
      entity: 'department',
      entityId: dept.body.id,
      actorName: 'admin',
      before: null,
      after: { name: '技术部' },
    });

    const upd = await t.request('PATCH', `/api/departments/${dept.body.id}`, {
      token: admin,
      body: { version: 1, name: '技术研发部' },
    });
    expect(upd.status).toBe(200);
    expect(await latest()).toMatchObject({
      action: 'update',
      entity: 'department',
      before: { name: '技术部', version: 1 },
      after: { name: '技术研发部', version: 2 },
    });

    const sc = await t.request('POST', '/api/service-centres', {
      token: admin,
      body: { code: 'SC', name: '华东' },
    });
    expect(await latest()).toMatchObject({
      action: 'create',
      entity: 'service_centre',
      entityId: sc.body.id,
    });
    await t.request('PATCH', `/api/service-centres/${sc.body.id}`, {
      token: admin,
      body: { version: 1, region: '华东' },
    });
    expect(await latest()).toMatchObject({ action: 'update', entity: 'service_centre' });

    const dealer = await t.request('POST', '/api/dealers', {
      token: admin,
      body: { code: 'D1', name: '甲' },
    });
    expect(await latest()).toMatchObject({ action: 'create', entity: 'dealer', entityId: dealer.body.id });
    await t.request('PATCH', `/api/dealers/${dealer.body.id}`, {
      token: admin,
      body: { version: 1, regions: ['江苏'] },
    });
    expect(await latest()).toMatchObject({
      action: 'update',
      entity: 'dealer',
      after: { regions: ['江苏'] },
    });

    const user = await t.request('POST', '/api/users', {
      token: admin,
      body: { username: 'au', displayName: 'a', password: 'Passw0rd!x', roleCode: 'desk' },
    });
    const created = await latest();
    expect(created).toMatchObject({ action: 'create', entity: 'user', entityId: user.body.id });
    // Secrets never reach the log.
    expect(JSON.stringify(created)).not.toMatch(/passwordHash|argon2/);
    await t.request('PATCH', `/api/users/${user.body.id}`, {
      token: admin,
      body: { version: 1, phone: '13800000000' },
    });
    expect(await latest()).toMatchObject({
      action: 'update',
      entity: 'user',
      after: { phone: '13800000000' },
    });
    await t.request('POST', `/api/users/${user.body.id}/password`, {
      token: admin,
      body: { newPassword: 'Passw0rd!z' },
    });
    expect(await latest()).toMatchObject({
      action: 'password_reset',
      entity: 'user',
      entityId: user.body.id,
    });
    await t.request('POST', `/api/users/${user.body.id}/unlock`, { token: admin });
    expect(await latest()).toMatchObject({ action: 'unlock', entity: 'user' });

    await t.request('POST', '/api/roles', {
      token: admin,
      body: { code: 'r1', name: '角色', scope: 'all', permissions: ['org.read'] },
    });
    expect(await latest()).toMatchObject({ action: 'create', entity: 'role', entityId: 'r1' });
    await t.request('PATCH', '/api/roles/r1', {
      token: admin,
      body: { version: 1, permissions: ['org.read', 'user.read'] },
    });
    expect(await latest()).toMatchObject({
      action: 'update',
      entity: 'role',
      before: { permissions: ['org.read'] },
      after: { permissions: ['org.read', 'user.read'] },
    });

    const token = await t.login('au', 'Passw0rd!z');
    expect(await latest()).toMatchObject({ action: 'login', entity: 'session', actorName: 'au' });
    await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: 'Passw0rd!z', newPassword: 'Passw0rd!q' },
    });
    expect(await latest()).toMatchObject({
      action: 'password_change',
      entity: 'user',
      entityId: user.body.id,
    });
    await t.request('POST', '/api/auth/logout', { token });
    expect(await latest()).toMatchObject({ action: 'logout', entity: 'session', actorName: 'au' });
    await t.request('POST', '/api/auth/login', { body: { username: 'au', password: 'wrong' } });
    expect(await latest()).toMatchObject({ action: 'login_failed', entity: 'user', entityId: user.body.id });
  });

  it('rejected writes leave no audit row and no change', async () => {
    const before = await latest();
    const r = await t.request('POST', '/api/departments', {
      token: admin,
      body: { code: 'TECH', name: '重复' },
    });
    expect(r.status).toBe(409);
    expect((await latest()).id).toBe(before.id);
  });

  it('filters by entity and pages with a cursor', async () => {
    const page1 = await t.request('GET', '/api/audit-log?entity=user&limit=2', { token: admin });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.items.every((i: { entity: string }) => i.entity === 'user')).toBe(true);
    const page2 = await t.request(
      'GET',
      `/api/audit-log?entity=user&limit=2&before=${page1.body.nextCursor}`,
      { token: admin },
    );
    expect(Number(page2.body.items[0].id)).toBeLessThan(Number(page1.body.items[1].id));
  });

  it('is append-only in the database itself', async () => {
    const { db } = t.database;
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect((await latest()).action).not.toBe('x');
  });
});
