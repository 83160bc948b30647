import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewsService } from '../../src/modules/reviews/reviews-service.ts';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;

const customer = async (body: Record<string, unknown>) => {
  const r = await t.request('POST', '/api/customers', {
    token: s.users.desk!.token,
    body: { kind: 'new', grade: 'C', ...body },
  });
  expect(r.status).toBe(201);
  return r.body;
};

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
});
afterAll(() => t.close());

describe('half-yearly archive review (GK-03 四)', () => {
  it('promotes new customers with two cooperations, archives closed ones, and tells the owner', async () => {
    const two = await customer({ name: '合作两次' });
    const one = await customer({ name: '合作一次' });
    const closed = await customer({ name: '已倒闭', kind: 'existing', businessStatus: 'closed' });
    // Completed cooperations come from orders/contracts later; set directly here.
    const { sql } = await import('drizzle-orm');
    await t.database.db.execute(sql`update customers set completed_cooperations = 2 where id = ${two.id}`);
    await t.database.db.execute(sql`update customers set completed_cooperations = 1 where id = ${one.id}`);

    const review = await reviewsService({ db: t.database.db }).run(
      { actor: null, requestId: 'test', ip: null, clock: t.clock },
      'scheduled',
    );
    expect(review?.period).toBe('2026-H1');
    expect(review?.changes.map((c) => `${c.customerName}:${c.change}`).sort()).toEqual([
      '合作两次:promote',
      '已倒闭:archive',
    ]);
    // A second scheduled run in the same half year does nothing (another process got there first).
    expect(
      await reviewsService({ db: t.database.db }).run(
        { actor: null, requestId: 'test', ip: null, clock: t.clock },
        'scheduled',
      ),
    ).toBeNull();

    const promoted = (await t.request('GET', `/api/customers/${two.id}`, { token: s.admin })).body;
    expect(promoted.kind).toBe('existing');
    expect(promoted.lastReview).toMatchObject({ change: 'promote', clause: 'GK-03 (四)' });
    const archived = (await t.request('GET', `/api/customers/${closed.id}`, { token: s.admin })).body;
    expect(archived).toMatchObject({ status: 'archived', archivedReason: expect.stringContaining('倒闭') });
    expect((await t.request('GET', `/api/customers/${one.id}`, { token: s.admin })).body.kind).toBe('new');

    // The archive owner (the desk user who created them) sees the result.
    const mine = await t.request('GET', '/api/customer-reviews?mine=true', { token: s.users.desk!.token });
    expect(mine.body.items[0].changes).toHaveLength(2);
    const others = await t.request('GET', '/api/customer-reviews?mine=true', {
      token: s.users.manager!.token,
    });
    expect(others.body.items[0].changes).toHaveLength(0);
    const audit = await t.request('GET', `/api/audit-log?entity=customer&entityId=${closed.id}`, {
      token: s.admin,
    });
    expect(audit.body.items[0].action).toBe('review_archive');
  });

  it('can be run by hand by a user who maintains the archive', async () => {
    const r = await t.request('POST', '/api/customer-reviews', { token: s.users.desk!.token });
    expect(r.status).toBe(201);
    expect(r.body.trigger).toBe('manual');
    expect((await t.request('POST', '/api/customer-reviews', { token: s.users.dealer!.token })).status).toBe(
      403,
    );
    expect(
      (await t.request('POST', '/api/customer-reviews', { token: s.users.engineer!.token })).status,
    ).toBe(403);
  });
});
