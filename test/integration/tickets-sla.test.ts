import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

// The SPEC §4 contract for calendars, SLA policies and tickets, with the deadline edges of issue 4
// checked through the API on a real database.

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let customerId: string;
let calendarId: string;

const DAY: [string, string][] = [
  ['08:30', '12:00'],
  ['13:00', '17:30'],
];
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const due = (r: { body: { sla: { metric: string; dueAt: string | null }[] } }, metric: string) =>
  r.body.sla.find((c) => c.metric === metric)?.dueAt ?? null;

beforeAll(async () => {
  // "Now" is a week after the reports below, so they are all in the past.
  t = await startTestApp({ start: new Date('2026-03-09T01:00:00Z') });
  s = await seedOrg(t);
  const c = await t.request('POST', '/api/customers', {
    token: s.admin,
    body: { name: '常州市政', kind: 'existing', grade: 'A' },
  });
  customerId = c.body.id;
  const cal = await t.request('POST', '/api/calendars', {
    token: s.admin,
    body: {
      name: '测试日历',
      timeZone: 'Asia/Shanghai',
      weeklyHours: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] },
      holidays: ['2026-03-04'],
      workdays: ['2026-03-07'],
    },
  });
  expect(cal.status).toBe(201);
  calendarId = cal.body.id;
  const p = await t.request('POST', '/api/sla-policies', {
    token: s.admin,
    body: {
      name: '测试政策',
      calendarId,
      appliesTo: { types: [], channels: [] },
      targets: [
        { metric: 'arrange', minutes: 120 },
        { metric: 'resolve', minutes: 600 },
      ],
      priority: 0,
    },
  });
  expect(p.status).toBe(201);
});
afterAll(() => t.close());

const report = (reportedAt: string, extra: Record<string, unknown> = {}) =>
  t.request('POST', '/api/tickets', {
    token: s.users.desk!.token,
    body: { customerId, channel: 'phone', type: 'repair', description: '液压油管破裂', reportedAt, ...extra },
  });

describe('deadlines in business time', () => {
  it('creates a ticket with number, status and clocks (SPEC §4)', async () => {
    const r = await report(sh('2026-03-02T11:00:00'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'new', entitlement: null });
    expect(r.body.number).toMatch(/^SR20260302\d{6}$/);
    expect(r.body.sla.map((c: { metric: string }) => c.metric).sort()).toEqual(['arrange', 'resolve']);
    // 11:00–12:00, lunch, 13:00–14:00.
    expect(due(r, 'arrange')).toBe(sh('2026-03-02T14:00:00'));
    expect(r.body.sla[0]).toHaveProperty('status');
  });

  it('a due time exactly at the end of a working interval is that instant', async () => {
    expect(due(await report(sh('2026-03-02T10:00:00')), 'arrange')).toBe(sh('2026-03-02T12:00:00'));
  });

  it('reported during the lunch break or before opening starts at the next opening', async () => {
    expect(due(await report(sh('2026-03-02T12:20:00')), 'arrange')).toBe(sh('2026-03-02T15:00:00'));
    expect(due(await report(sh('2026-03-02T06:00:00')), 'arrange')).toBe(sh('2026-03-02T10:30:00'));
  });

  it('skips a holiday and works a make-up Saturday', async () => {
    // Tue 16:30: one hour left, Wed is a holiday, Thu 08:30 + 1 h.
    expect(due(await report(sh('2026-03-03T16:30:00')), 'arrange')).toBe(sh('2026-03-05T09:30:00'));
    // Fri 17:00: half an hour, then the make-up Saturday with Monday's hours.
    expect(due(await report(sh('2026-03-06T17:00:00')), 'arrange')).toBe(sh('2026-03-07T10:00:00'));
  });

  it('every pause counts, in business time only, and a paused clock shows as paused', async () => {
    const r = await report(sh('2026-03-02T09:00:00'));
    const id = r.body.id;
    const p1 = await t.request('POST', `/api/tickets/${id}/pause`, {
      token: s.users.desk!.token,
      body: { at: sh('2026-03-02T09:30:00'), reason: '等待客户提供照片' },
    });
    expect(p1.status).toBe(200);
    expect(p1.body.status).toBe('waiting_customer');
    const arrange = p1.body.sla.find((c: { metric: string }) => c.metric === 'arrange');
    expect(arrange).toMatchObject({ status: 'paused', dueAt: null });
    // The pause spans the lunch break: only 3.5 business hours of it count.
    const r1 = await t.request('POST', `/api/tickets/${id}/resume`, {
      token: s.users.desk!.token,
      body: { at: sh('2026-03-02T14:00:00') },
    });
    expect(r1.body.status).toBe('new');
    expect(due(r1, 'arrange')).toBe(sh('2026-03-02T15:30:00'));
    await t.request('POST', `/api/tickets/${id}/pause`, {
      token: s.users.desk!.token,
      body: { at: sh('2026-03-02T15:00:00'), reason: '客户不在现场' },
    });
    const r2 = await t.request('POST', `/api/tickets/${id}/resume`, {
      token: s.users.desk!.token,
      body: { at: sh('2026-03-02T16:00:00') },
    });
    // Both pauses count (not only the last): 30 + 60 min used, 30 left after 16:00.
    expect(due(r2, 'arrange')).toBe(sh('2026-03-02T16:30:00'));
    const g = await t.request('GET', `/api/tickets/${id}`, { token: s.users.desk!.token });
    expect(g.body.pauses).toHaveLength(2);
    expect(g.body.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'paused', 'resumed']),
    );
    const clock = g.body.sla.find((c: { metric: string }) => c.metric === 'arrange');
    expect(clock.pausedMinutes).toBe(210 + 60);
    expect(clock.reasons.map((x: { code: string }) => x.code)).toEqual(
      expect.arrayContaining(['policy', 'target', 'pause', 'due']),
    );
  });

  it('assigning an engineer stops the arrange clock; resolving stops the rest', async () => {
    const r = await report(sh('2026-03-02T09:00:00'));
    const a = await t.request('POST', `/api/tickets/${r.body.id}/assign`, {
      token: s.users.desk!.token,
      body: { userId: s.users.engineer!.id, version: r.body.version },
    });
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('arranged');
    const arrange = a.body.sla.find((c: { metric: string }) => c.metric === 'arrange');
    // "Now" is a week later: arranged late is a breach, recorded as such.
    expect(arrange.status).toBe('breached');
    expect(arrange.stoppedAt).not.toBeNull();
    const bad = await t.request('POST', `/api/tickets/${r.body.id}/transition`, {
      token: s.users.engineer!.token,
      body: { to: 'resolved', version: a.body.version },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('resolution');
    const done = await t.request('POST', `/api/tickets/${r.body.id}/transition`, {
      token: s.users.engineer!.token,
      body: { to: 'resolved', resolution: '更换油管', version: a.body.version },
    });
    expect(done.body.status).toBe('resolved');
    expect(done.body.sla.every((c: { stoppedAt: string | null }) => c.stoppedAt !== null)).toBe(true);
    const again = await t.request('POST', `/api/tickets/${r.body.id}/pause`, {
      token: s.users.desk!.token,
      body: { at: sh('2026-03-03T09:00:00'), reason: 'x' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_state');
  });

  it('a step that changes the ticket needs the version the caller read', async () => {
    const r = await report(sh('2026-03-02T09:00:00'));
    for (const [path, body] of [
      ['assign', { userId: s.users.engineer!.id }],
      ['transition', { to: 'cancelled' }],
    ] as const) {
      const missing = await t.request('POST', `/api/tickets/${r.body.id}/${path}`, {
        token: s.users.desk!.token,
        body,
      });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details[0].field).toBe('version');
    }
    const stale = await t.request('POST', `/api/tickets/${r.body.id}/assign`, {
      token: s.users.desk!.token,
      body: { userId: s.users.engineer!.id, version: r.body.version + 1 },
    });
    expect(stale.status).toBe(409);
    const g = await t.request('GET', `/api/tickets/${r.body.id}`, { token: s.users.desk!.token });
    expect(g.body.status).toBe('new');
  });

  it('a transfer gives the receiving unit its own arrange time', async () => {
    const r = await report(sh('2026-03-09T09:00:00'));
    const first = await t.request('POST', `/api/tickets/${r.body.id}/assign`, {
      token: s.users.desk!.token,
      body: { departmentId: s.dept.id, version: r.body.version },
    });
    t.clock.advance(30 * 60_000);
    const moved = await t.request('POST', `/api/tickets/${r.body.id}/assign`, {
      token: s.users.desk!.token,
      body: { dealerId: s.dealerA.id, note: '转经销商甲', version: first.body.version },
    });
    const arrange = moved.body.sla.find((c: { metric: string }) => c.metric === 'arrange');
    expect(arrange.startedAt).toBe(t.clock.now().toISOString());
    expect(moved.body.events.some((e: { kind: string }) => e.kind === 'transferred')).toBe(true);
    t.clock.set(new Date('2026-03-09T01:00:00Z'));
  });

  it('editing the calendar recomputes the open clocks and records why', async () => {
    const r = await report(sh('2026-03-05T16:30:00'));
    expect(due(r, 'arrange')).toBe(sh('2026-03-06T09:30:00'));
    const cal = await t.request('GET', `/api/calendars/${calendarId}`, { token: s.admin });
    const u = await t.request('PATCH', `/api/calendars/${calendarId}`, {
      token: s.admin,
      body: { version: cal.body.version, holidays: [...cal.body.holidays, '2026-03-06'] },
    });
    expect(u.status).toBe(200);
    const g = await t.request('GET', `/api/tickets/${r.body.id}`, { token: s.users.desk!.token });
    // Friday became a holiday: the next working time is the make-up Saturday.
    expect(due(g, 'arrange')).toBe(sh('2026-03-07T09:30:00'));
    const ev = g.body.events.find((e: { kind: string }) => e.kind === 'sla_recomputed');
    expect(ev.data.changes).toEqual(
      expect.arrayContaining([
        { metric: 'arrange', from: sh('2026-03-06T09:30:00'), to: sh('2026-03-07T09:30:00') },
      ]),
    );
    const stale = await t.request('PATCH', `/api/calendars/${calendarId}`, {
      token: s.admin,
      body: { version: cal.body.version, name: 'x' },
    });
    expect(stale.status).toBe(409);
  });

  it('the holiday notice of a year replaces that year and the month view shows it', async () => {
    const cal = await t.request('GET', `/api/calendars/${calendarId}`, { token: s.admin });
    const r = await t.request('POST', `/api/calendars/${calendarId}/holiday-notice`, {
      token: s.admin,
      body: {
        version: cal.body.version,
        year: 2027,
        days: [
          { date: '2027-02-08', kind: 'holiday', name: '春节' },
          { date: '2027-02-07', kind: 'workday', name: '春节调休' },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.holidayYears).toContain(2027);
    const m = await t.request('GET', `/api/calendars/${calendarId}/days?month=2027-02`, { token: s.admin });
    const byDate = Object.fromEntries(m.body.items.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2027-02-08']).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(byDate['2027-02-07']).toMatchObject({ kind: 'makeup', hours: DAY });
  });
});

describe('bad input', () => {
  it('names the field and stores nothing', async () => {
    const before = (await t.request('GET', '/api/tickets', { token: s.admin })).body.total;
    const r1 = await t.request('POST', '/api/tickets', {
      token: s.admin,
      body: { customerId, channel: 'fax', type: 'repair', description: 'x' },
    });
    expect(r1.status).toBe(400);
    expect(r1.body.error.details.map((d: { field: string }) => d.field)).toContain('channel');
    const r2 = await report(sh('2026-03-02T09:00:00'), { occurredAt: sh('2026-03-03T09:00:00') });
    expect(r2.status).toBe(400);
    expect(r2.body.error.details[0].field).toBe('occurredAt');
    const r3 = await t.request('POST', '/api/calendars', {
      token: s.admin,
      body: {
        name: 'bad',
        timeZone: 'Mars/Olympus',
        weeklyHours: {
          mon: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
          tue: [],
          wed: [],
          thu: [],
          fri: [],
          sat: [],
          sun: [],
        },
      },
    });
    expect(r3.status).toBe(400);
    const fields = r3.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('timeZone');
    expect(fields.some((f: string) => f.startsWith('weeklyHours.mon'))).toBe(true);
    const r4 = await t.request('POST', '/api/sla-policies', {
      token: s.admin,
      body: {
        name: 'x',
        calendarId,
        appliesTo: { types: [], channels: [] },
        targets: [{ metric: 'arrange', minutes: 60 }],
        escalations: [{ metric: 'resolve', percent: 100, level: 1, notifyRoles: ['desk'] }],
      },
    });
    expect(r4.status).toBe(400);
    expect(r4.body.error.details[0].field).toBe('escalations[0].metric');
    expect((await t.request('GET', '/api/tickets', { token: s.admin })).body.total).toBe(before);
  });
});
