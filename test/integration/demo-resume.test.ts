import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, engineers, surveys, tickets, workOrders } from '../../src/db/schema/index.ts';
import { appMeta } from '../../src/db/schema/system.ts';
import { assertPasswordAllowed } from '../../src/platform/password-policy.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/seed/demo.ts';
import { runDemoStages } from '../../src/seed/demo-stages.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// A first start can die anywhere in the demo load. The base records go in one transaction; the
// stages after it are remembered one by one, and the next start finishes what is missing without
// making anything twice.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const counts = async () => {
  const db = t.database.db;
  const n = async (
    table: typeof tickets | typeof engineers | typeof workOrders | typeof complaints | typeof surveys,
  ) => Number((await db.select({ n: count() }).from(table))[0]!.n);
  return {
    tickets: await n(tickets),
    engineers: await n(engineers),
    workOrders: await n(workOrders),
    complaints: await n(complaints),
    surveys: await n(surveys),
  };
};

describe('demo load', () => {
  it('gives the demo logins a password the password rules accept', () => {
    for (const u of ['desk', 'dealer', 'customer'])
      expect(() => assertPasswordAllowed(DEMO_PASSWORD, u, 'password')).not.toThrow();
  });

  it('loads in stages and finishes the stages a dead start left, without duplicates', async () => {
    const db = t.database.db;
    const first = await loadDemo({ db, clock: t.clock });
    expect(first?.pending).toEqual(['tickets', 'field', 'followup', 'returns']);
    expect(first?.logins.map((l) => l.username)).toContain('desk');

    // The process "dies" after the tickets stage: only that one runs and is remembered.
    await runDemoStages({ app: t.app, db, clock: t.clock, pending: ['tickets'] });
    expect(await counts()).toMatchObject({ tickets: 3, engineers: 0, workOrders: 0 });

    const resumed = await loadDemo({ db, clock: t.clock });
    expect(resumed?.pending).toEqual(['field', 'followup', 'returns']);
    await runDemoStages({ app: t.app, db, clock: t.clock, pending: resumed!.pending });
    const full = await counts();
    // The complaint and each of the three demo returns open a ticket of their own: three service
    // requests, one complaint ticket and three return tickets.
    expect(full).toEqual({ tickets: 7, engineers: 5, workOrders: 2, complaints: 1, surveys: 1 });
    expect(await loadDemo({ db, clock: t.clock })).toBeNull();

    // A start that died inside a stage, after its work but before it was remembered: the stage
    // runs again and finds everything made.
    await db
      .update(appMeta)
      .set({ value: ['base'] })
      .where(eq(appMeta.key, 'demo.progress'));
    const again = await loadDemo({ db, clock: t.clock });
    expect(again?.pending).toEqual(['tickets', 'field', 'followup', 'returns']);
    await runDemoStages({ app: t.app, db, clock: t.clock, pending: again!.pending });
    expect(await counts()).toEqual(full);
    expect(await loadDemo({ db, clock: t.clock })).toBeNull();
  }, 120_000);
});
