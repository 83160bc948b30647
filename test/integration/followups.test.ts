import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplaintVisit, createServiceVisit } from '../../src/modules/followups/index.ts';
import { seedOrg, startTestApp, type TestApp, USER_PASSWORD } from '../helpers/test-app.ts';

// 回访: a closed ticket owes exactly one return visit; the quality department and the desk work the
// queue; an unhappy customer owes a follow-up action; dealers see only their own.

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let engineer: { id: string };

const act = async (token: string, method: string, path: string, body?: unknown) =>
  t.request(method, path, { token, body });

const customer = async (name: string, dealerId: string) => {
  const c = await act(s.admin, 'POST', '/api/customers', {
    name,
    kind: 'existing',
    grade: 'B',
    dealerId,
    region: '江苏南京',
  });
  expect(c.status).toBe(201);
  return c.body.id as string;
};

const ticketFor = async (customerId: string) => {
  const r = await act(s.users.desk!.token, 'POST', '/api/tickets', {
    customerId,
    channel: 'phone',
    type: 'repair',
    description: '液压油管渗漏',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; version: number; number: string };
};

const move = async (tk: { id: string; version: number }, to: string, extra: object = {}) => {
  const r = await act(s.users.desk!.token, 'POST', `/api/tickets/${tk.id}/transition`, {
    version: tk.version,
    to,
    ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: string; version: number; closedAt: string | null };
};

/** A ticket with a dispatched work order (so the visit knows its engineer), resolved and closed. */
const closedTicket = async (customerId: string) => {
  const tk = await ticketFor(customerId);
  const wo = await act(s.users.desk!.token, 'POST', `/api/tickets/${tk.id}/work-orders`, {
    task: '更换油管',
  });
  expect(wo.status, JSON.stringify(wo.body)).toBe(201);
  const d = await act(s.users.desk!.token, 'POST', `/api/work-orders/${wo.body.id}/dispatch`, {
    version: wo.body.version,
    engineerIds: [engineer.id],
  });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  const fresh = (await act(s.users.desk!.token, 'GET', `/api/tickets/${tk.id}`)).body;
  const resolved = await move(fresh, 'resolved', { resolution: '已更换油管' });
  return { ticket: tk, closed: await move(resolved, 'closed'), workOrder: wo.body };
};

const visitsOf = async (ticketId: string, token = s.users.quality!.token) =>
  (await act(token, 'GET', `/api/follow-up-visits?ticketId=${ticketId}`)).body;

let custA: string;
let custB: string;

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  engineer = (
    await act(s.admin, 'POST', '/api/engineers', { name: '张工', trade: 'hydraulic', skills: ['excavator'] })
  ).body;
  custA = await customer('甲的客户', s.dealerA.id);
  custB = await customer('乙的客户', s.dealerB.id);
});
afterAll(() => t.close());

describe('a return visit per closed service', () => {
  it('closing a ticket creates exactly one open visit for the queue, with the engineer and due in 3 days', async () => {
    const { ticket, closed, workOrder } = await closedTicket(custA);
    const list = await visitsOf(ticket.id);
    expect(list.total).toBe(1);
    const v = list.items[0];
    expect(v).toMatchObject({
      kind: 'service',
      status: 'open',
      customerId: custA,
      dealerId: s.dealerA.id,
      engineerId: engineer.id,
      engineerName: '张工',
      assigneeUserId: null,
      ticketNumber: ticket.number,
      overdue: false,
    });
    expect(new Date(v.dueAt).getTime() - new Date(closed.closedAt!).getTime()).toBe(3 * 86_400_000);
    const detail = await act(s.users.desk!.token, 'GET', `/api/follow-up-visits/${v.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.workOrders.map((w: { number: string }) => w.number)).toEqual([workOrder.number]);
    expect(detail.body.questions.map((q: { code: string }) => q.code)).toContain('attitude');
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['create']);

    // Closing again is refused by the ticket workflow; calling the hook again adds nothing.
    const again = await act(s.users.desk!.token, 'POST', `/api/tickets/${ticket.id}/transition`, {
      version: closed.version,
      to: 'closed',
    });
    expect(again.status).toBe(409);
    const row = await t.database.db.transaction((tx) =>
      createServiceVisit(tx, { ticketId: ticket.id, customerId: custA, dealerId: s.dealerA.id }),
    );
    expect(row).toBeNull();
    expect((await visitsOf(ticket.id)).total).toBe(1);
  });

  it('a ticket reopened after resolving and closed later still has one visit', async () => {
    const tk = await ticketFor(custA);
    let cur = await move(tk, 'resolved', { resolution: '调整压力' });
    cur = await move(cur, 'in_progress');
    cur = await move(cur, 'resolved', { resolution: '更换阀芯' });
    expect((await visitsOf(tk.id)).total).toBe(0);
    await move(cur, 'closed');
    const list = await visitsOf(tk.id);
    expect(list.total).toBe(1);
    expect(list.items[0].engineerId).toBeNull();
  });

  it('complaint visits are idempotent per complaint', async () => {
    const complaintId = randomUUID();
    const make = () =>
      t.database.db.transaction((tx) =>
        createComplaintVisit(tx, { complaintId, customerId: custA, dealerId: s.dealerA.id }),
      );
    const first = await make();
    expect(first).toMatchObject({ kind: 'complaint', complaintId, status: 'open' });
    expect(await make()).toBeNull();
    const list = (await act(s.users.quality!.token, 'GET', '/api/follow-up-visits?kind=complaint')).body;
    expect(list.items.filter((v: { complaintId: string }) => v.complaintId === complaintId)).toHaveLength(1);
  });
});

describe('the visit queue', () => {
  it('dealers see only their own visits; customers none', async () => {
    const { ticket: a } = await closedTicket(custA);
    const { ticket: b } = await closedTicket(custB);
    const va = (await visitsOf(a.id)).items[0];
    const vb = (await visitsOf(b.id)).items[0];
    const seenByB = (await act(s.users.dealerB!.token, 'GET', '/api/follow-up-visits?limit=200')).body;
    expect(seenByB.items.map((v: { id: string }) => v.id)).toContain(vb.id);
    expect(seenByB.items.every((v: { dealerId: string }) => v.dealerId === s.dealerB.id)).toBe(true);
    expect((await act(s.users.dealerB!.token, 'GET', `/api/follow-up-visits/${va.id}`)).status).toBe(404);
    const seenByA = (await act(s.users.dealer!.token, 'GET', '/api/follow-up-visits?limit=200')).body;
    expect(seenByA.items.map((v: { id: string }) => v.id)).not.toContain(vb.id);
    expect(seenByA.items.map((v: { id: string }) => v.id)).toContain(va.id);
    // Dealers only read the queue; calling is the company's job.
    const assign = await act(s.users.dealer!.token, 'POST', `/api/follow-up-visits/${va.id}/assign`, {
      version: va.version,
      userId: s.users.dealer!.id,
    });
    expect(assign.status).toBe(403);
    expect((await act(s.users.customer!.token, 'GET', '/api/follow-up-visits')).status).toBe(403);
  });

  it('assign to me, then complete with scores: an unhappy customer requires a follow-up action', async () => {
    const q = s.users.quality!.token;
    const { ticket } = await closedTicket(custA);
    let v = (await visitsOf(ticket.id)).items[0];
    const mine = await act(q, 'POST', `/api/follow-up-visits/${v.id}/assign`, {
      version: v.version,
      userId: s.users.quality!.id,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.assigneeName).toBe('quality');
    v = mine.body;
    expect((await act(q, 'GET', '/api/follow-up-visits?mine=true')).body.items.map((x: any) => x.id)).toEqual(
      [v.id],
    );
    // The engineer role cannot carry out visits, so it cannot be given one.
    const wrong = await act(q, 'POST', `/api/follow-up-visits/${v.id}/assign`, {
      version: v.version,
      userId: s.users.engineer!.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('userId');

    const answers = [
      { code: 'product', score: 4, comment: null },
      { code: 'service', score: 4, comment: null },
      { code: 'attitude', score: 5, comment: '态度很好' },
      { code: 'skill', score: 4, comment: null },
      { code: 'timeliness', score: 2, comment: '等了两天' },
      { code: 'needs', score: null, comment: '希望增加夜间服务' },
    ];
    const noAction = await act(q, 'POST', `/api/follow-up-visits/${v.id}/complete`, {
      version: v.version,
      answers,
      suggestions: '缩短到场时间',
    });
    expect(noAction.status).toBe(400);
    expect(noAction.body.error.details).toMatchObject([{ field: 'followUpAction' }]);
    expect(noAction.body.error.details).toHaveLength(1);
    const unchanged = (await act(q, 'GET', `/api/follow-up-visits/${v.id}`)).body;
    expect(unchanged).toMatchObject({ status: 'open', version: v.version, answers: [] });

    const done = await act(q, 'POST', `/api/follow-up-visits/${v.id}/complete`, {
      version: v.version,
      answers,
      suggestions: '缩短到场时间',
      followUpAction: '服务经理致电道歉，核查派工延误原因',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      unhappy: true,
      scoreX100: 380,
      followUpStatus: 'open',
      completedByName: 'quality',
      suggestions: '缩短到场时间',
    });
    expect(done.body.answers[5]).toEqual({ code: 'needs', score: null, comment: '希望增加夜间服务' });
    // Done is done: a second completion is refused.
    const twice = await act(q, 'POST', `/api/follow-up-visits/${v.id}/complete`, {
      version: done.body.version,
      answers,
      followUpAction: 'x',
    });
    expect(twice.status).toBe(409);
    const closed = await act(q, 'POST', `/api/follow-up-visits/${v.id}/follow-up-done`, {
      version: done.body.version,
      note: '已致电客户，客户接受',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.followUpStatus).toBe('done');
    expect(closed.body.history.map((h: any) => [h.action, h.note])).toEqual([
      ['create', null],
      ['assign', null],
      ['complete', null],
      ['follow_up_done', '已致电客户，客户接受'],
    ]);
  });

  it('a happy customer needs no action; unreachable keeps the visit in the queue with the note', async () => {
    const d = s.users.desk!.token;
    const { ticket } = await closedTicket(custA);
    const v = (await visitsOf(ticket.id)).items[0];
    const away = await act(d, 'POST', `/api/follow-up-visits/${v.id}/unreachable`, {
      version: v.version,
      note: '电话无人接听',
    });
    expect(away.status).toBe(200);
    expect(away.body.status).toBe('unreachable');
    expect(away.body.history.at(-1)).toMatchObject({ action: 'unreachable', note: '电话无人接听' });
    const ok = await act(d, 'POST', `/api/follow-up-visits/${v.id}/complete`, {
      version: away.body.version,
      answers: [
        { code: 'product', score: 5 },
        { code: 'service', score: 4 },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'done', unhappy: false, scoreX100: 450, followUpStatus: 'none' });
    expect(ok.body.assigneeUserId).toBe(s.users.desk!.id);
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const q = s.users.quality!.token;
    const { ticket } = await closedTicket(custA);
    const v = (await visitsOf(ticket.id)).items[0];
    const tries: [unknown, string][] = [
      [{ version: v.version, answers: [{ code: 'product', score: 6 }] }, 'answers.0.score'],
      [{ version: v.version, answers: [{ code: 'price', score: 3 }] }, 'answers.0.code'],
      [{ version: v.version, answers: [{ code: 'product', score: 3, extra: 1 }] }, 'answers.0.extra'],
      [{ version: v.version, answers: [] }, 'answers'],
      [{ answers: [{ code: 'product', score: 3 }] }, 'version'],
      [{ version: v.version, answers: [{ code: 'needs', score: 4 }] }, 'answers.0.score'],
    ];
    for (const [body, field] of tries) {
      const r = await act(q, 'POST', `/api/follow-up-visits/${v.id}/complete`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.details.map((e: { field: string }) => e.field)).toContain(field);
    }
    const emptyNote = await act(q, 'POST', `/api/follow-up-visits/${v.id}/unreachable`, {
      version: v.version,
      note: '',
    });
    expect(emptyNote.status).toBe(400);
    expect(emptyNote.body.error.details[0].field).toBe('note');
    const stale = await act(q, 'POST', `/api/follow-up-visits/${v.id}/unreachable`, {
      version: v.version + 5,
      note: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const after = (await act(q, 'GET', `/api/follow-up-visits/${v.id}`)).body;
    expect(after).toMatchObject({ status: 'open', version: v.version });
    expect(after.history).toHaveLength(1);
  });

  it('open visits past their due time are overdue', async () => {
    const { ticket } = await closedTicket(custA);
    t.clock.advance(4 * 86_400_000);
    const q = await t.login('u_quality', USER_PASSWORD);
    s.users.quality!.token = q;
    s.users.desk!.token = await t.login('u_desk', USER_PASSWORD);
    s.users.dealer!.token = await t.login('u_dealer', USER_PASSWORD);
    const list = (await act(q, 'GET', '/api/follow-up-visits?overdue=true&limit=200')).body;
    const v = list.items.find((x: { ticketId: string }) => x.ticketId === ticket.id);
    expect(v).toMatchObject({ overdue: true, status: 'open' });
    expect(list.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
    const open = (await act(q, 'GET', '/api/follow-up-visits?status=open,unreachable&limit=200')).body;
    expect(open.items.every((x: { status: string }) => ['open', 'unreachable'].includes(x.status))).toBe(
      true,
    );
  });
});
