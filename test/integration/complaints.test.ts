import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintWorld, HOUR } from '../helpers/complaint-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// 客户投诉 through the HTTP API: the complaint's own ticket and its 72-hour feedback clock, the CAPA
// steps to closure, required fields, versions, data scope, the portal and compensation.

let t: TestApp;
let w: Awaited<ReturnType<typeof complaintWorld>>;

beforeAll(async () => {
  // Long clock advances mean signing everyone in again; the per-minute login limit is not under test.
  t = await startTestApp({ config: { loginRateLimitPerMinute: 10_000 } });
  w = await complaintWorld(t);
});
afterAll(() => t.close());

const get = (id: string, token = w.tokens.quality!) => t.request('GET', `/api/complaints/${id}`, { token });
type Clock = { metric: string; dueAt: string; status: string; stoppedAt: string | null; reasons: unknown[] };
const clock = (c: { sla: Clock[] }, metric: string) => c.sla.find((x) => x.metric === metric)!;

describe('registration', () => {
  it('creates the complaint ticket and its 72-hour feedback clock on the 7×24 calendar', async () => {
    const receivedAt = new Date(t.clock.now().getTime() - 2 * HOUR); // 2026-03-02 07:00 Beijing
    const c = await w.register({ receivedAt: receivedAt.toISOString(), severity: 'critical' });
    expect(c.number).toMatch(/^TS20260302\d{6}$/);
    expect(c).toMatchObject({
      status: 'received',
      customerId: w.cA,
      dealerId: w.s.dealerA.id,
      severity: 'critical',
    });
    const due = new Date(receivedAt.getTime() + 72 * HOUR).toISOString();
    expect(c.feedbackDueAt).toBe(due);
    expect(clock(c, 'resolve')).toMatchObject({ dueAt: due, status: 'running' });
    expect(clock(c, 'resolve').reasons.length).toBeGreaterThan(0);
    expect(clock(c, 'firstResponse').dueAt).toBe(new Date(receivedAt.getTime() + 4 * HOUR).toISOString());
    expect(c.slaMatch.policyName).toContain('72');
    expect(c.nextSteps.map((n: { step: string }) => n.step)).toEqual(['route', 'cancel']);

    const ticket = await t.request('GET', `/api/tickets/${c.ticketId}`, { token: w.tokens.desk });
    expect(ticket.body).toMatchObject({
      type: 'complaint',
      urgent: true,
      reportedAt: receivedAt.toISOString(),
    });
    expect(ticket.body.events.map((e: { kind: string }) => e.kind)).toContain('complaint');
    // Quality handles complaints; a critical one reaches the managers as well.
    for (const who of ['quality', 'manager']) {
      const n = await t.request('GET', '/api/notifications', { token: w.tokens[who] });
      expect(
        n.body.items.some((i: { title: string }) => i.title.includes(c.number)),
        who,
      ).toBe(true);
    }
  });

  it('checks the customer, the asset and what the complaint is about', async () => {
    const bad = await t.request('POST', '/api/complaints', {
      token: w.tokens.desk,
      body: { customerId: w.cA, channel: 'fax', severity: 'high', subject: 'x', description: 'y' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('channel');
    const other = await t.request('POST', '/api/tickets', {
      token: w.tokens.desk,
      body: { customerId: w.cB, channel: 'phone', type: 'repair', description: '漏油' },
    });
    const r = await t.request('POST', '/api/complaints', {
      token: w.tokens.desk,
      body: {
        customerId: w.cA,
        channel: 'phone',
        severity: 'low',
        subject: 's',
        description: 'd',
        aboutTicketId: other.body.id,
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ field: 'aboutTicketId' });
    const count = await t.database.db.execute(
      sql`select count(*)::int as n from complaints where subject = 's'`,
    );
    expect((count as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('a customer files from the portal for itself only', async () => {
    // Another customer's id is refused, never silently replaced by the caller's own.
    const other = await t.request('POST', '/api/complaints', {
      token: w.tokens.customer,
      body: { customerId: w.cB, channel: 'phone', subject: '服务不及时', description: '无人联系' },
    });
    expect(other.status).toBe(400);
    const c = await w.register(
      { customerId: w.cA, channel: 'phone', receivedAt: '2026-01-01T00:00:00Z' },
      w.tokens.customer,
    );
    expect(c).toMatchObject({ customerId: w.cA, channel: 'web', receivedAt: t.clock.now().toISOString() });
    expect(c.nextSteps).toEqual([]);
    const mine = await t.request('GET', '/api/complaints', { token: w.tokens.customer });
    expect(mine.body.items.every((i: { customerId: string }) => i.customerId === w.cA)).toBe(true);
    const theirs = await w.register({ customerId: w.cB });
    expect((await get(theirs.id, w.tokens.customer)).status).toBe(404);
  });
});

describe('the CAPA path', () => {
  it('routes, acts, answers within 72 hours (clock met), re-checks, settles compensation and closes', async () => {
    let c = await w.register();
    c = await w.step(c, 'route', { departmentId: w.dept, note: '请质管部牵头调查' });
    expect(c).toMatchObject({ status: 'investigating', departmentId: w.dept, departmentName: '质管部' });
    const head = await t.request('GET', '/api/notifications', { token: w.tokens.quality });
    expect(head.body.items.some((i: { title: string }) => i.title.includes(`${c.number} 转交质管部`))).toBe(
      true,
    );
    c = await w.step(c, 'action', w.actionBody());
    expect(c).toMatchObject({
      status: 'action',
      causeClass: 'service',
      actionOwnerUserId: w.s.users.technical!.id,
    });

    t.clock.advance(10 * HOUR);
    await w.relogin();
    c = await w.step(c, 'feedback', { feedbackText: '已更换密封件并试机 2 小时无渗漏；作业指导书已修订。' });
    const at = t.clock.now().toISOString();
    expect(c).toMatchObject({
      status: 'feedback_sent',
      feedbackAt: at,
      feedbackOnTime: true,
      overdue: false,
    });
    expect(clock(c, 'resolve')).toMatchObject({ status: 'met', stoppedAt: at });
    expect(clock(c, 'firstResponse')).toMatchObject({ status: 'breached', stoppedAt: at });
    const ticket = await t.request('GET', `/api/tickets/${c.ticketId}`, { token: w.tokens.desk });
    expect(ticket.body).toMatchObject({ status: 'resolved', resolvedAt: at });
    const visits = await t.database.db.execute(
      sql`select kind, status, due_at from follow_up_visits where complaint_id = ${c.id}`,
    );
    const rows = (visits as unknown as { rows: { kind: string; status: string; due_at: Date | string }[] })
      .rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'complaint', status: 'open' });
    expect(new Date(rows[0]!.due_at).getTime()).toBe(t.clock.now().getTime() + 72 * HOUR);

    // The customer claims compensation from the portal; the claim blocks closure until decided.
    c = await w.step(
      c,
      'compensation',
      { amountFen: 123_456, note: '停工两天的损失' },
      { token: w.tokens.customer },
    );
    expect(c).toMatchObject({ compensationStatus: 'claimed', compensationFen: 123_456 });
    c = (await get(c.id)).body;
    c = await w.step(c, 'recheck', { recheckResult: '回访确认一周内无渗漏' });
    expect(c.status).toBe('rechecked');
    const blocked = await w.step(c, 'close', {}, { status: 409 });
    expect(blocked.error.details).toMatchObject({ reason: 'compensation_pending' });
    c = await w.step(c, 'compensation/decision', {
      approved: true,
      amountFen: 100_050,
      note: '按停工一天补偿',
    });
    expect(c).toMatchObject({ compensationStatus: 'approved', compensationFen: 100_050 });
    c = await w.step(c, 'close', { note: '顾客满意' });
    expect(c.status).toBe('closed');
    expect(c.nextSteps).toEqual([]);
    const closedTicket = await t.request('GET', `/api/tickets/${c.ticketId}`, { token: w.tokens.desk });
    expect(closedTicket.body.status).toBe('closed');
    const steps = c.events
      .filter((e: { kind: string }) => e.kind === 'complaint')
      .map((e: { data: { step: string } }) => e.data.step);
    expect(steps).toEqual([
      'received',
      'route',
      'action',
      'feedback',
      'compensation_claim',
      'recheck',
      'compensation_decision',
      'close',
    ]);

    // The customer sees status, cause, action and feedback, but no internal notes or owners.
    const mine = (await get(c.id, w.tokens.customer)).body;
    expect(mine).toMatchObject({ status: 'closed', rootCause: c.rootCause, feedbackText: c.feedbackText });
    expect(mine).toMatchObject({
      actionOwnerUserId: null,
      actionOwnerName: null,
      receivedByName: null,
      slaMatch: null,
    });
    expect(mine.events.every((e: { visibility: string }) => e.visibility === 'customer')).toBe(true);
    expect(mine.events.some((e: { body: string | null }) => e.body === '请质管部牵头调查')).toBe(false);
  });

  it('late feedback breaches the clock; the complaint is overdue until it is sent', async () => {
    let c = await w.register({ subject: '迟到的反馈' });
    c = await w.toAction(c, 'product');
    t.clock.advance(73 * HOUR);
    await w.relogin();
    const overdue = await t.request('GET', '/api/complaints?overdue=true', { token: w.tokens.quality });
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    c = (await get(c.id)).body;
    c = await w.step(c, 'feedback', { feedbackText: '更换批次配件' });
    expect(clock(c, 'resolve').status).toBe('breached');
    expect(c.feedbackOnTime).toBe(false);
    const after = await t.request('GET', '/api/complaints?overdue=true', { token: w.tokens.quality });
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('a re-check that finds the action ineffective sends the complaint back to corrective action', async () => {
    let c = await w.toAction(await w.register());
    c = await w.step(c, 'feedback', { feedbackText: '已处理' });
    const first = c.feedbackAt;
    c = await w.step(c, 'recheck', { recheckResult: '仍有渗漏', effective: false });
    expect(c.status).toBe('action');
    c = await w.step(c, 'action', w.actionBody({ correctiveAction: '更换整个油缸' }));
    c = await w.step(c, 'feedback', { feedbackText: '已更换油缸' });
    expect(c).toMatchObject({ status: 'feedback_sent', feedbackAt: first, feedbackText: '已更换油缸' });
  });
});

describe('refusals', () => {
  it("names each step's missing field with 400 and writes nothing", async () => {
    const c = await w.register();
    const missing = async (
      path: string,
      body: Record<string, unknown>,
      field: string,
      at: { id: string; version: number },
    ) => {
      const r = await w.step(at, path, body, { status: 400 });
      expect(r.error.details[0].field, path).toBe(field);
      const now = (await get(at.id)).body;
      expect(now.version, path).toBe(at.version);
    };
    await missing('route', {}, 'departmentId', c);
    await missing('route', { departmentId: crypto.randomUUID() }, 'departmentId', c);
    await missing('cancel', { reason: '  ' }, 'reason', c);
    const routed = await w.step(c, 'route', { departmentId: w.dept });
    const full = w.actionBody();
    for (const field of Object.keys(full)) {
      const { [field]: _, ...rest } = full as Record<string, unknown>;
      await missing('action', rest, field, routed);
    }
    await missing('action', { ...full, rootCause: ' ' }, 'rootCause', routed);
    await missing(
      'action',
      { ...full, actionOwnerUserId: w.s.users.customer!.id },
      'actionOwnerUserId',
      routed,
    );
    await missing('action', { ...full, actionDueAt: '2026-01-01T00:00:00Z' }, 'actionDueAt', routed);
    const acted = await w.step(routed, 'action', full);
    await missing('feedback', { feedbackText: '' }, 'feedbackText', acted);
    await missing('feedback', { feedbackText: 'x', at: '2099-01-01T00:00:00Z' }, 'at', acted);
    const sent = await w.step(acted, 'feedback', { feedbackText: '已反馈' });
    await missing('recheck', {}, 'recheckResult', sent);
    const ticket = await t.request('GET', `/api/tickets/${c.ticketId}`, { token: w.tokens.desk });
    expect(ticket.body.events.filter((e: { kind: string }) => e.kind === 'complaint')).toHaveLength(4);
  });

  it('a stale version is 409 and a step out of order is refused', async () => {
    const c = await w.register();
    const stale = await w.step(
      { id: c.id, version: 999 },
      'route',
      { departmentId: w.dept },
      { status: 409 },
    );
    expect(stale.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: c.version } });
    const early = await w.step(c, 'feedback', { feedbackText: 'x' }, { status: 409 });
    expect(early.error).toMatchObject({ code: 'invalid_state', details: { reason: 'invalid_transition' } });
    const cancelled = await w.step(c, 'cancel', { reason: '客户撤回投诉' });
    expect(cancelled.status).toBe('cancelled');
    expect(clock(cancelled, 'resolve').status).toBe('cancelled');
  });

  it("dealer B never sees dealer A's complaints; dealers may not handle them", async () => {
    const c = await w.register();
    expect((await get(c.id, w.tokens.dealer_b)).status).toBe(404);
    const list = await t.request('GET', '/api/complaints', { token: w.tokens.dealer_b });
    expect(list.body.items.some((i: { id: string }) => i.id === c.id)).toBe(false);
    expect((await get(c.id, w.tokens.dealer)).status).toBe(200);
    await w.step(c, 'route', { departmentId: w.dept }, { token: w.tokens.dealer, status: 403 });
    await w.step(c, 'compensation', { amountFen: 1 }, { token: w.tokens.dealer_b, status: 404 });
  });

  it('compensation amounts are whole fen and a decision needs a claim', async () => {
    const c = await w.register();
    for (const amountFen of [0, -5, 10.5, '100'])
      await w.step(c, 'compensation', { amountFen }, { status: 400 });
    const none = await w.step(c, 'compensation/decision', { approved: true }, { status: 409 });
    expect(none.error.details.reason).toBe('no_claim');
    const claimed = await w.step(c, 'compensation', { amountFen: 9_999_999_999 });
    expect(claimed.compensationFen).toBe(9_999_999_999);
    await w.step(claimed, 'compensation/decision', { approved: false }, { status: 400 });
    const rejected = await w.step(claimed, 'compensation/decision', {
      approved: false,
      note: '不属于公司责任',
    });
    expect(rejected).toMatchObject({ compensationStatus: 'rejected', compensationFen: 9_999_999_999 });
    const again = await w.step(rejected, 'compensation', { amountFen: 5 }, { status: 409 });
    expect(again.error.details.reason).toBe('compensation_decided');
  });
});
