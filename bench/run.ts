// Benchmarks print figures; they never pass or fail. Run with `npm run bench`
// (TEST_DATABASE_URL=postgres://… runs the database parts on a PostgreSQL server).
import { sql } from 'drizzle-orm';
import { startTestApp } from '../test/helpers/test-app.ts';
import { benchAssetImport } from './assets-import.ts';
import { benchAssetSearch } from './assets-search.ts';
import { benchCustomerSearch } from './customer-search.ts';
import { benchDashboard } from './dashboard.ts';
import { benchDurability } from './durability.ts';
import { benchEntitlement } from './entitlement.ts';
import { benchReturnEligibility } from './returns.ts';
import { benchSla } from './sla.ts';
import { benchTickets } from './tickets.ts';
import { timed } from './util.ts';
import { benchWorkOrders } from './work-orders.ts';

const main = async () => {
  benchEntitlement();
  benchReturnEligibility();
  benchSla();
  // On a file-backed PGlite, whatever TEST_DATABASE_URL says: that is where the sync happens.
  await benchDurability();

  const t = await startTestApp({ start: new Date() });
  const admin = await t.adminToken();
  console.log(
    `engine: ${t.database.engine}${process.env.TEST_DATABASE_URL ? ' (TEST_DATABASE_URL)' : ' (in memory)'}`,
  );

  const me = await timed(2000, 8, () => t.request('GET', '/api/auth/me', { token: admin }));
  console.log(`authenticated GET /api/auth/me: ${me.perSecond} req/s, p50 ${me.p50} ms, p95 ${me.p95} ms`);

  // A long audit log: keyset pages must stay flat however many rows there are.
  const rows = 200_000;
  const t0 = performance.now();
  await t.database.db.execute(sql`
    insert into audit_log (at, actor_name, action, entity, entity_id, after)
    select now() - (g || ' seconds')::interval, 'bench', 'update', case when g % 3 = 0 then 'user' else 'dealer' end, g::text, '{"k":1}'::jsonb
    from generate_series(1, ${rows}) g`);
  console.log(
    `seeded ${rows.toLocaleString('en')} audit rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const first = await timed(200, 4, () => t.request('GET', '/api/audit-log?limit=50', { token: admin }));
  console.log(`audit log first page of 50: p50 ${first.p50} ms, p95 ${first.p95} ms`);
  const filtered = await timed(200, 4, () =>
    t.request('GET', '/api/audit-log?entity=user&limit=50&before=100000', { token: admin }),
  );
  console.log(`audit log filtered page deep in the log: p50 ${filtered.p50} ms, p95 ${filtered.p95} ms`);

  await benchAssetSearch(t, admin);
  await benchCustomerSearch(t, admin);
  await benchAssetImport(t, admin);
  await benchWorkOrders(t, admin);
  await benchTickets(t, admin);
  // On the million tickets benchTickets generated.
  await benchDashboard(t, admin);
  await t.close();
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
