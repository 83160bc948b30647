import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 11 item 9 / SPEC §4: a policy created through POST /api/sla-policies without an explicit
// priority takes precedence over the shipped defaults for the tickets it applies to.
let t: TestApp;
let admin: string;
let customerId: string;
let calendarId: string;
const DAY = [['08:30', '17:30']];

const clocksOf = (r: { body: { sla: { metric: string; targetMinutes: number }[] } }) =>
  Object.fromEntries(r.body.sla.map((c) => [c.metric, c.targetMinutes]));

beforeAll(async () => {
  // A fresh installation: the bootstrap has shipped the default calendars and policies.
  t = await startTestApp();
  admin = await t.adminToken();
  const shipped = await t.request('GET', '/api/sla-policies', { token: admin });
  expect(shipped.body.items.length).toBeGreaterThan(0);
  customerId = (
    await t.request('POST', '/api/customers', {
      token: admin,
      body: { name: '时限客户', kind: 'new', grade: 'C' },
    })
  ).body.id;
  calendarId = (
    await t.request('POST', '/api/calendars', {
      token: admin,
      body: {
        name: '本公司日历',
        timeZone: 'Asia/Shanghai',
        weeklyHours: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] },
        holidays: [],
        workdays: [],
      },
    })
  ).body.id;
});
afterAll(() => t.close());

const report = (type: string) =>
  t.request('POST', '/api/tickets', {
    token: admin,
    body: { customerId, channel: 'phone', type, description: '液压油管破裂' },
  });

describe('SLA policy precedence', () => {
  it('the shipped defaults apply before any policy is created', async () => {
    const r = await report('repair');
    expect(r.status).toBe(201);
    expect(r.body.sla.length).toBeGreaterThan(0);
    expect(clocksOf(r).resolve).not.toBe(480);
  });

  it('a policy created exactly as SPEC §4 shows (no priority) governs the next ticket it applies to', async () => {
    const p = await t.request('POST', '/api/sla-policies', {
      token: admin,
      body: {
        name: '本公司维修承诺',
        calendarId,
        appliesTo: { types: ['repair'], channels: [] },
        targets: [
          { metric: 'firstResponse', minutes: 30 },
          { metric: 'resolve', minutes: 480 },
        ],
      },
    });
    expect(p.status).toBe(201);
    const r = await report('repair');
    expect(clocksOf(r)).toEqual({ firstResponse: 30, resolve: 480 });
    const reasons = JSON.stringify(r.body.sla[0].reasons);
    expect(reasons).toContain('本公司维修承诺');
    // Tickets it does not apply to keep the defaults.
    expect(clocksOf(await report('consultation')).resolve).not.toBe(480);
  });

  it('an explicit priority is respected: behind the shipped defaults when the number says so', async () => {
    const p = await t.request('POST', '/api/sla-policies', {
      token: admin,
      body: {
        name: '培训兜底',
        calendarId,
        priority: 5000,
        appliesTo: { types: ['training'], channels: [] },
        targets: [{ metric: 'resolve', minutes: 4321 }],
      },
    });
    expect(p.status).toBe(201);
    expect(p.body.priority).toBe(5000);
    expect(clocksOf(await report('training')).resolve).not.toBe(4321);
  });
});
