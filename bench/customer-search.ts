import { sql } from 'drizzle-orm';
import type { TestApp } from '../test/helpers/test-app.ts';
import { timed } from './util.ts';

/** 查卷 by name, phone or contact at 100 thousand customers. */
export const benchCustomerSearch = async (t: TestApp, admin: string) => {
  const n = 100_000;
  const cities = ['徐州', '苏州', '南京', '佛山', '湛江', '广州', '无锡', '常州', '扬州', '南通'];
  const kinds = ['建工', '土石方', '市政', '港务', '矿业', '路桥', '水利', '园林'];
  const t0 = performance.now();
  await t.database.db.execute(sql`
    insert into customers (code, name, kind, grade, phone)
    select 'B' || lpad(g::text, 7, '0'),
           (array[${sql.raw(cities.map((c) => `'${c}'`).join(','))}])[1 + g % 10] || (array[${sql.raw(kinds.map((k) => `'${k}'`).join(','))}])[1 + (g / 10) % 8] || '工程有限公司' || g,
           'existing', 'C', '1380' || lpad(g::text, 7, '0')
    from generate_series(1, ${n}) g`);
  await t.database.db.execute(sql`
    insert into customer_contacts (customer_id, name, phone)
    select id, '联系人' || code, '1390' || substr(code, 2) from customers where code like 'B%'`);
  await t.database.db.execute(sql`analyze customers`);
  await t.database.db.execute(sql`analyze customer_contacts`);
  console.log(
    `seeded ${n.toLocaleString('en')} customers with contacts in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const queries = ['徐州建工', '13800012345', '联系人B0004242', '港务工程有限公司9'];
  const r = await timed(100, 1, (i) =>
    t.request('GET', `/api/customers?q=${encodeURIComponent(queries[i % queries.length]!)}&limit=20`, {
      token: admin,
    }),
  );
  console.log(
    `customer search (name / phone / contact) at ${n.toLocaleString('en')} customers: p50 ${r.p50} ms, p95 ${r.p95} ms`,
  );
};
