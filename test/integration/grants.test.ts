import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMeta, roles } from '../../src/db/schema/index.ts';
import { bootstrap } from '../../src/seed/bootstrap.ts';
import { ADMIN_PASSWORD, seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 11 item 7: the grants SPEC §1 gives, the reproductions of the issue, and the one-time
// correction of installations that got the wrong grants from an earlier version.
let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
});
afterAll(() => t.close());

const policyBody = { name: '技术部的政策', startBasis: 'delivery', months: 12, hoursLimit: 2000 };
const priceListBody = {
  code: 'PL-X',
  name: '价格表',
  kind: 'market',
  labourRateFen: 100,
  partsBasis: 'list',
  taxRateBp: 1300,
  active: false,
};

describe('reproductions of issue 11', () => {
  it('technical can no longer create or edit warranty policies and price lists', async () => {
    const token = s.users.technical!.token;
    expect((await t.request('POST', '/api/warranty-policies', { token, body: policyBody })).status).toBe(403);
    expect((await t.request('POST', '/api/price-lists', { token, body: priceListBody })).status).toBe(403);
    const policy = await t.request('POST', '/api/warranty-policies', { token: s.admin, body: policyBody });
    expect(policy.status).toBe(201);
    const patch = await t.request('PATCH', `/api/warranty-policies/${policy.body.id}`, {
      token,
      body: { months: 13 },
    });
    expect(patch.status).toBe(403);
    // Models and the parts catalogue stay with the technical department.
    const part = await t.request('POST', '/api/parts', {
      token,
      body: { code: 'TECH-1', name: '密封圈', costFen: 10, listFen: 20, wear: true },
    });
    expect(part.status).toBe(201);
  });

  it('finance can no longer edit price lists (nor the parts catalogue)', async () => {
    const token = s.users.finance!.token;
    const list = (await t.request('GET', '/api/price-lists', { token })).body.items[0];
    const r = await t.request('PATCH', `/api/price-lists/${list.id}`, {
      token,
      body: { version: list.version, name: '改价' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect((await t.request('POST', '/api/price-lists', { token, body: priceListBody })).status).toBe(403);
  });

  it('only the manager (and the administrator) can refresh the dashboard or rerun a report', async () => {
    for (const role of ['desk', 'engineer', 'technical', 'quality', 'finance', 'dealer', 'customer']) {
      const token = s.users[role]!.token;
      expect((await t.request('POST', '/api/dashboard/refresh', { token })).status, role).toBe(403);
      expect((await t.request('POST', '/api/reports/monthly/run', { token, body: {} })).status, role).toBe(
        403,
      );
    }
    for (const token of [s.users.manager!.token, s.admin])
      expect((await t.request('POST', '/api/dashboard/refresh', { token })).status).toBe(200);
  });
});

describe('an installation bootstrapped by an earlier version', () => {
  it('is corrected once; an administrator’s later grant stays', async () => {
    const { db } = t.database;
    const perms = async (code: string) =>
      (await db.select().from(roles).where(eq(roles.code, code)))[0]!.permissions;
    const set = (code: string, permissions: string[]) =>
      db.update(roles).set({ permissions }).where(eq(roles.code, code));
    // As an earlier version left it: finance with part.write, the new permissions unknown and not
    // granted, no correction applied, and a custom role that maintained policies under product.write.
    const split = ['policy.write', 'pricelist.write', 'report.run'];
    for (const code of ['admin', 'manager'])
      await set(
        code,
        (await perms(code)).filter((p) => !split.includes(p)),
      );
    await set('finance', [...(await perms('finance')), 'part.write']);
    const known = (await db.select().from(appMeta).where(eq(appMeta.key, 'known_permissions')))[0]!
      .value as string[];
    await db
      .update(appMeta)
      .set({ value: known.filter((p) => !split.includes(p)) })
      .where(eq(appMeta.key, 'known_permissions'));
    await db.delete(appMeta).where(eq(appMeta.key, 'grant_corrections'));
    const custom = await t.request('POST', '/api/roles', {
      token: s.admin,
      body: {
        code: 'policy_team',
        name: '政策组',
        scope: 'all',
        permissions: ['product.read', 'product.write'],
      },
    });
    expect(custom.status).toBe(201);

    await bootstrap({ db, clock: t.clock, adminPassword: ADMIN_PASSWORD });
    expect(await perms('finance')).not.toContain('part.write');
    expect(await perms('manager')).toContain('report.run');
    expect(await perms('admin')).toEqual(expect.arrayContaining(split));
    expect(await perms('technical')).not.toContain('policy.write');
    expect(await perms('policy_team')).toEqual(['product.read', 'product.write', 'policy.write']);
    const audit = await t.request('GET', '/api/audit-log?entity=role', { token: s.admin });
    expect(JSON.stringify(audit.body)).toContain('issue-11-spec-1-grants');

    // The administrator gives finance part.write back on purpose; later starts leave it.
    const finance = (await t.request('GET', '/api/roles', { token: s.admin })).body.items.find(
      (r: { code: string }) => r.code === 'finance',
    );
    const patched = await t.request('PATCH', '/api/roles/finance', {
      token: s.admin,
      body: { version: finance.version, permissions: [...finance.permissions, 'part.write'] },
    });
    expect(patched.status).toBe(200);
    await bootstrap({ db, clock: t.clock, adminPassword: ADMIN_PASSWORD });
    expect(await perms('finance')).toContain('part.write');
  });
});
