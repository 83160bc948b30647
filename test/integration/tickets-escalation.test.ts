import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineJobs } from '../../src/jobs/jobs.ts';
import { startBoss } from '../../src/jobs/workers.ts';
import { entitlementFor, findAsset } from '../../src/modules/assets/index.ts';
import { findCustomer } from '../../src/modules/customers/index.ts';
import { createServiceVisit } from '../../src/modules/followups/index.ts';
import { buildNotificationsModule } from '../../src/modules/notifications/index.ts';
import { buildTicketsModule } from '../../src/modules/tickets/index.ts';
import { localStorage } from '../../src/platform/storage.ts';
import { seedOrg, startTestApp, type TestApp, USER_PASSWORD } from '../helpers/test-app.ts';

// Escalation steps fire once each even with two workers, and their e-mails really arrive at an SMTP
// server (smtp-server, in this process, speaking real SMTP over TCP).

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

// A WeCom group robot stand-in: records what it is sent and answers like the real one.
const robotPosts: { msgtype: string; markdown: { content: string } }[] = [];
const robot = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => {
    body += c.toString('utf8');
  });
  req.on('end', () => {
    robotPosts.push(JSON.parse(body));
    res.setHeader('content-type', 'application/json');
    res.end('{"errcode":0,"errmsg":"ok"}');
  });
});

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let ticketId: string;

const setEmail = async (userId: string, email: string) => {
  const u = await t.request('GET', `/api/users/${userId}`, { token: s.admin });
  const r = await t.request('PATCH', `/api/users/${userId}`, {
    token: s.admin,
    body: { version: u.body.version, email },
  });
  expect(r.status).toBe(200);
};

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({
    start: new Date('2026-03-02T01:00:00Z'), // Monday 09:00 in Shanghai
    config: { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'aftersales@example.com' },
  });
  s = await seedOrg(t);
  await setEmail(s.users.desk!.id, 'desk@example.com');
  await setEmail(s.users.manager!.id, 'manager@example.com');
  const hook = await t.request('POST', '/api/webhooks', {
    token: s.admin,
    body: {
      name: '售后群机器人',
      kind: 'wecom',
      url: `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`,
    },
  });
  expect(hook.status).toBe(201);
  const calendars = (await t.request('GET', '/api/calendars', { token: s.admin })).body.items;
  const standard = calendars.find((c: { code: string }) => c.code === 'standard');
  const p = await t.request('POST', '/api/sla-policies', {
    token: s.admin,
    body: {
      name: '三包：2 小时安排，4 小时督办',
      calendarId: standard.id,
      appliesTo: { types: ['repair'], channels: [] },
      targets: [{ metric: 'arrange', minutes: 120 }],
      escalations: [
        { metric: 'arrange', percent: 100, level: 1, notifyRoles: ['desk'] },
        { metric: 'arrange', percent: 200, level: 2, notifyRoles: ['manager'], clause: '篇三 4 小时督查' },
      ],
      priority: 0,
    },
  });
  expect(p.status).toBe(201);
  const c = await t.request('POST', '/api/customers', {
    token: s.admin,
    body: { name: '无锡建工', kind: 'existing', grade: 'B' },
  });
  const tk = await t.request('POST', '/api/tickets', {
    token: s.users.desk!.token,
    body: { customerId: c.body.id, channel: 'phone', type: 'repair', description: '发动机无法启动' },
  });
  expect(tk.status).toBe(201);
  ticketId = tk.body.id;
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => robot.close(() => resolve()));
});

/** A second, independent set of services on the same database: another worker. */
const secondWorker = () => {
  // Its own job runner, as another process would have: it delivers what it decides to send.
  const jobs = inlineJobs(() => ({ ...n.handlers, ...w.handlers }));
  const n = buildNotificationsModule({
    db: t.database.db,
    jobs,
    clock: t.clock,
    smtp: t.config.smtpUrl ? { url: t.config.smtpUrl, from: t.config.mailFrom } : null,
    publicUrl: t.config.publicUrl,
  });
  const w = buildTicketsModule({
    db: t.database.db,
    clock: t.clock,
    storage: localStorage('/tmp/unused'),
    notifications: n.api,
    customers: { findCustomer },
    assets: { findAsset, entitlementFor },
    followups: { createServiceVisit },
  }).services;
  return w;
};

const escalations = async () =>
  (await t.request('GET', `/api/tickets/${ticketId}`, { token: s.admin })).body.escalations as {
    percent: number;
    level: number;
  }[];

describe('escalation', () => {
  it('fires each step once with two workers, records it and e-mails the people named', async () => {
    const a = t.app.services.slaJobs;
    const b = secondWorker().slaJobs;
    // 09:00 + 1 h: nothing is due yet.
    t.clock.advance(60 * 60_000);
    expect(await Promise.all([a.escalate(), b.escalate()])).toEqual([0, 0]);
    // 11:00: 100 % of the 2-hour target.
    t.clock.advance(60 * 60_000);
    const first = await Promise.all([a.escalate(), b.escalate()]);
    expect(first[0] + first[1]).toBe(1);
    // 14:00 (lunch 12–13 is not business time): 200 %, the desk's 4-hour check goes to the manager.
    t.clock.set(new Date('2026-03-02T06:00:00Z'));
    const second = await Promise.all([a.escalate(), b.escalate(), a.escalate()]);
    expect(second.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await Promise.all([a.escalate(), b.escalate()])).toEqual([0, 0]);

    const esc = await escalations();
    expect(esc.map((e) => [e.percent, e.level])).toEqual([
      [100, 1],
      [200, 2],
    ]);
    const g = await t.request('GET', `/api/tickets/${ticketId}`, { token: s.admin });
    expect(g.body.escalationLevel).toBe(2);
    expect(g.body.events.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(2);

    const bell = await t.request('GET', '/api/notifications', { token: s.users.desk!.token });
    expect(bell.body.items.filter((n: { kind: string }) => n.kind === 'escalation')).toHaveLength(1);
    expect(bell.body.unread).toBeGreaterThanOrEqual(1);

    // Deliveries ran inline after each commit; wait for the SMTP server to have them.
    for (let i = 0; i < 50 && mails.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(mails.map((m) => m.to).sort()).toEqual([['desk@example.com'], ['manager@example.com']]);
    expect(mails.find((m) => m.to[0] === 'manager@example.com')!.body).toMatch(/^Subject: /m);
    // The group robot got each step once, in WeCom's markdown format.
    expect(robotPosts).toHaveLength(2);
    expect(robotPosts[0]).toMatchObject({ msgtype: 'markdown' });
    expect(robotPosts[1]!.markdown.content).toContain('升级 L2');
    const del = await t.request('GET', '/api/notification-deliveries', { token: s.admin });
    expect(del.body.items.every((d: { status: string }) => d.status === 'sent')).toBe(true);
  });

  it('a clock met before a step never escalates it', async () => {
    const c = await t.request('POST', '/api/customers', {
      token: s.admin,
      body: { name: '苏州重工', kind: 'existing', grade: 'A' },
    });
    const tk = await t.request('POST', '/api/tickets', {
      token: s.users.desk!.token,
      body: { customerId: c.body.id, channel: 'phone', type: 'repair', description: '回转异响' },
    });
    await t.request('POST', `/api/tickets/${tk.body.id}/assign`, {
      token: s.users.desk!.token,
      body: { userId: s.users.engineer!.id, version: tk.body.version },
    });
    t.clock.advance(10 * 3_600_000);
    await t.app.services.slaJobs.escalate();
    // Sessions last 12 hours of the test clock too.
    const g = await t.request('GET', `/api/tickets/${tk.body.id}`, { token: await t.adminToken() });
    expect(g.body.escalations, JSON.stringify(g.body).slice(0, 300)).toEqual([]);
  });

  it('pg-boss runs the escalation job on this database', async () => {
    const desk = await t.login('u_desk', USER_PASSWORD);
    const c = await t.request('POST', '/api/customers', {
      token: desk,
      body: { name: '南通港机', kind: 'existing', grade: 'C' },
    });
    const tk = await t.request('POST', '/api/tickets', {
      token: desk,
      body: { customerId: c.body.id, channel: 'phone', type: 'repair', description: '行走跑偏' },
    });
    t.clock.advance(5 * 24 * 3_600_000);
    const admin = await t.adminToken();
    const boss = await startBoss({
      database: t.database,
      log: t.app.log,
      handlers: () => t.app.services.handlers,
      pollSeconds: 0.5,
    });
    try {
      await boss.jobs.enqueue('sla-escalate', {});
      let fired: unknown[] = [];
      for (let i = 0; i < 100 && fired.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 200));
        fired = (await t.request('GET', `/api/tickets/${tk.body.id}`, { token: admin })).body.escalations;
      }
      expect(fired).toHaveLength(2);
    } finally {
      await boss.stop();
    }
  });
});
