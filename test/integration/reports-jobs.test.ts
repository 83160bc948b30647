import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Boss, startBoss } from '../../src/jobs/workers.ts';
import { seedDashboardWorld } from '../helpers/dashboard-fixtures.ts';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

// Scheduled reports run once per period even with two app instances, each with its own pg-boss
// workers on the same database, and their subscribers get one e-mail each at a real SMTP server.

type Mail = { to: string[]; body: string };
const mails: Mail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    let body = '';
    stream.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      done();
    });
  },
});

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let second: FastifyInstance;
const bosses: Boss[] = [];

const setEmail = async (userId: string, email: string) => {
  const u = await t.request('GET', `/api/users/${userId}`, { token: s.admin });
  const r = await t.request('PATCH', `/api/users/${userId}`, {
    token: s.admin,
    body: { version: u.body.version, email },
  });
  expect(r.status).toBe(200);
};
const runs = async () =>
  (
    (await t.database.db.execute(
      sql`select kind, period, status from report_runs order by kind, period`,
    )) as unknown as {
      rows: { kind: string; period: string; status: string }[];
    }
  ).rows;
/**
 * Nothing more can arrive: no report or delivery job is waiting or running, no e-mail is waiting in
 * the outbox, and the SMTP server has every message the outbox says it sent.
 */
const settled = async () => {
  const q = async (text: string) =>
    Number(
      ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: { n: number | string }[] }).rows[0]!
        .n,
    );
  const busyJobs = await q(
    `select count(*) as n from pgboss.job where (name like 'report-%' or name = 'notify-deliver')
       and state in ('created', 'retry', 'active')`,
  );
  const waiting = await q(
    `select count(*) as n from notification_deliveries where channel = 'email' and status in ('pending', 'sending')`,
  );
  const sent = await q(
    `select count(*) as n from notification_deliveries where channel = 'email' and status = 'sent'`,
  );
  return busyJobs === 0 && waiting === 0 && sent === mails.length;
};
const waitFor = async (what: () => Promise<boolean> | boolean, ms = 30_000) => {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
};

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({
    start: new Date('2026-03-22T23:00:00Z'), // Monday 23 March 2026, 07:00 in Shanghai
    config: { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'aftersales@example.com' },
  });
  s = await seedOrg(t);
  await seedDashboardWorld(t, s);
  await setEmail(s.users.manager!.id, 'manager@example.com');
  await setEmail(s.users.quality!.id, 'quality@example.com');
  const put = (token: string, kinds: string[]) =>
    t.request('PUT', '/api/report-subscriptions', { token, body: { kinds } });
  expect((await put(s.users.manager!.token, ['weekly_satisfaction', 'monthly'])).body.kinds).toEqual([
    'monthly',
    'weekly_satisfaction',
  ]);
  expect((await put(s.users.quality!.token, ['monthly'])).status).toBe(200);
  expect((await put(s.users.dealer!.token, ['monthly'])).status).toBe(403);
  expect(
    (await t.request('GET', '/api/report-subscriptions', { token: s.users.quality!.token })).body.kinds,
  ).toEqual(['monthly']);
  // A second app process on the same database: its own services, its own workers.
  second = await buildApp({ database: t.database, config: t.config, clock: t.clock, logger: false });
  for (const app of [t.app, second]) {
    const boss = await startBoss({
      database: t.database,
      log: app.log,
      handlers: () => app.services.handlers,
      pollSeconds: 0.5,
    });
    app.attachJobs(boss.jobs);
    bosses.push(boss);
  }
});
afterAll(async () => {
  for (const b of bosses) await b.stop();
  await second?.close();
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('scheduled reports', () => {
  it('the weekly and the monthly report run once each with two pg-boss workers, and e-mail subscribers once', async () => {
    for (const boss of bosses) {
      await boss.jobs.enqueue('report-weekly', {});
      await boss.jobs.enqueue('report-monthly', {});
    }
    await waitFor(async () => (await runs()).filter((r) => r.status === 'done').length === 2);
    // Each report is ready; both workers may have had a go, one of them ran it.
    await waitFor(() => mails.length >= 3);
    await waitFor(settled);
    expect(await runs()).toEqual([
      { kind: 'monthly', period: '2026-02', status: 'done' },
      { kind: 'weekly_satisfaction', period: '2026-W12', status: 'done' },
    ]);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'manager@example.com',
      'manager@example.com',
      'quality@example.com',
    ]);
    const monthlyMail = mails.find((m) => m.to[0] === 'quality@example.com')!;
    expect(monthlyMail.body).toMatch(/^Subject: /m);
    const text = Buffer.from(
      monthlyMail.body
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join(''),
      'base64',
    ).toString('utf8');
    expect(text).toContain('时限达成率');
    expect(text).toMatch(/\/reports\/[0-9a-f-]{36}/);

    const list = (await t.request('GET', '/api/reports?kind=monthly', { token: s.users.manager!.token })).body
      .items;
    expect(list).toHaveLength(1);
    expect(list[0].emailedTo.sort()).toEqual(['manager@example.com', 'quality@example.com']);
    const monthly = (await t.request('GET', `/api/reports/${list[0].id}`, { token: s.users.quality!.token }))
      .body;
    expect(monthly.data.from).toBe('2026-02-01');
    expect(monthly.data.headline.warrantyCostFen).toBe(4000 + 1500);
    expect(monthly.data.figures.complaints.rows.map((r: { cause: string }) => r.cause)).toEqual(['product']);
    const bell = (await t.request('GET', '/api/notifications', { token: s.users.manager!.token })).body.items;
    expect(bell.filter((n: { kind: string }) => n.kind === 'report')).toHaveLength(2);
  });

  it('two workers calling the same period at once: one run, one e-mail', async () => {
    const before = mails.length;
    const results = await Promise.all([
      t.app.services.handlers['report-weekly']!({ period: '2026-W07' }),
      second.services.handlers['report-weekly']!({ period: '2026-W07' }),
    ]);
    expect(results.filter((r) => r === 'skipped')).toHaveLength(1);
    await waitFor(() => mails.length > before);
    await waitFor(settled);
    expect(mails.length).toBe(before + 1);
    const run = (
      await t.request('GET', '/api/reports?kind=weekly_satisfaction', { token: s.admin })
    ).body.items.find((r: { period: string }) => r.period === '2026-W07');
    const data = (await t.request('GET', `/api/reports/${run.id}`, { token: s.admin })).body.data;
    expect(data).toMatchObject({ from: '2026-02-09', to: '2026-02-15' });
    expect(data.visits.total).toMatchObject({ answered: 1, meanScore: 4.5 });
  });

  it('run now recomputes a stored period without e-mailing again; bad periods and dealers are refused', async () => {
    const before = mails.length;
    const r = await t.request('POST', '/api/reports/monthly/run', {
      token: s.users.manager!.token,
      body: { period: '2026-02' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'monthly', period: '2026-02', status: 'done' });
    await waitFor(settled);
    expect(mails.length).toBe(before);
    const bad = await t.request('POST', '/api/reports/monthly/run', {
      token: s.admin,
      body: { period: '2026-13' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('period');
    const future = await t.request('POST', '/api/reports/weekly_satisfaction/run', {
      token: s.admin,
      body: { period: '2026-W30' },
    });
    expect(future.status).toBe(400);
    expect(
      (await t.request('POST', '/api/reports/monthly/run', { token: s.users.dealer!.token, body: {} }))
        .status,
    ).toBe(403);
    expect((await t.request('GET', '/api/reports', { token: s.users.dealer!.token })).status).toBe(403);
  });

  it('the daily list names each customer with problems and why', async () => {
    const r = await t.request('POST', '/api/reports/daily_problems/run', {
      token: s.users.manager!.token,
      body: {},
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.period).toBe('2026-03-22');
    const customers = r.body.data.customers as {
      customerName: string;
      reasons: { code: string; count: number }[];
    }[];
    const byName = Object.fromEntries(
      customers.map((c) => [c.customerName, c.reasons.map((x) => [x.code, x.count])]),
    );
    expect(byName.甲方客户).toEqual([['open_complaint', 2]]);
    expect(byName.乙方客户).toEqual([
      ['open_complaint', 2],
      ['unhappy_visit', 1],
    ]);
    expect(r.body.data.totals).toMatchObject({ customers: 2, unhappyVisits: 1, openComplaints: 4 });
  });
});
