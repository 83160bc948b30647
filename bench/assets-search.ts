import { sql } from 'drizzle-orm';
import type { TestApp } from '../test/helpers/test-app.ts';
import { timed } from './util.ts';

/** Serial-number prefix search at 100 thousand assets (target p95 ≤ 20 ms). */
export const benchAssetSearch = async (t: TestApp, admin: string) => {
  const policy = await t.request('POST', '/api/warranty-policies', {
    token: admin,
    body: { name: 'bench', startBasis: 'delivery', months: 12, hoursLimit: 2000 },
  });
  const model = await t.request('POST', '/api/product-models', {
    token: admin,
    body: { code: 'BENCH', name: 'bench', category: 'excavator', warrantyPolicyId: policy.body.id },
  });
  const customer = await t.request('POST', '/api/customers', {
    token: admin,
    body: { name: '基准客户', kind: 'existing', grade: 'A' },
  });
  const n = 100_000;
  const t0 = performance.now();
  await t.database.db.execute(sql`
    insert into assets (serial_no, model_id, customer_id, warranty_policy_id, delivered_at)
    select 'SN' || lpad(g::text, 7, '0'), ${model.body.id}, ${customer.body.id}, ${policy.body.id}, now() - (g % 700 || ' days')::interval
    from generate_series(1, ${n}) g`);
  await t.database.db.execute(sql`analyze assets`);
  console.log(`seeded ${n.toLocaleString('en')} assets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const r = await timed(300, 1, (i) =>
    t.request('GET', `/api/assets?serialPrefix=SN${String((i * 331) % 99_999).padStart(5, '0')}&limit=20`, {
      token: admin,
    }),
  );
  console.log(
    `serial-number prefix search at ${n.toLocaleString('en')} assets: p50 ${r.p50} ms, p95 ${r.p95} ms (target p95 ≤ 20 ms)`,
  );
};
