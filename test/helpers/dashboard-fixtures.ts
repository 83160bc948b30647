import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import {
  complaints,
  customers,
  followUpVisits,
  parts,
  surveyInvitations,
  surveyResponses,
  surveys,
  ticketSlaClocks,
  tickets,
  workOrderParts,
  workOrders,
} from '../../src/db/schema/index.ts';
import type { seedOrg, TestApp } from './test-app.ts';

// A small known world for the dashboard and report tests, written straight into the database with
// chosen instants (the API would stamp "now"): tickets with clocks, work orders with check-in/out,
// company-paid charge lines and consumed parts, complaints, return visits and survey responses.
// The test clock stands at 2026-03-20 12:00 in Shanghai; the period is 2026-01-01 … 2026-03-20.

export const NOW = new Date('2026-03-20T04:00:00Z');
export const PERIOD = { from: '2026-01-01', to: '2026-03-20' };
const at = (s: string) => new Date(s);
let seq = 0;
const id = () => crypto.randomUUID();

export const seedDashboardWorld = async (t: TestApp, s: Awaited<ReturnType<typeof seedOrg>>) => {
  const db: Db = t.database.db;
  const admin = s.admin;
  const req = async (path: string, body: unknown) => {
    const r = await t.request('POST', path, { token: admin, body });
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const policy = await req('/api/warranty-policies', {
    name: '看板政策',
    startBasis: 'delivery',
    months: 24,
    hoursLimit: null,
  });
  const m1 = await req('/api/product-models', {
    code: 'DB-M1',
    name: '挖掘机 DX150',
    category: 'excavator',
    warrantyPolicyId: policy.id,
  });
  const m2 = await req('/api/product-models', {
    code: 'DB-M2',
    name: '装载机 LW300',
    category: 'loader',
    warrantyPolicyId: policy.id,
  });
  const [cA, cB] = await db
    .insert(customers)
    .values([
      { code: 'DBC-A', name: '甲方客户', kind: 'existing', grade: 'A', dealerId: s.dealerA.id },
      { code: 'DBC-B', name: '乙方客户', kind: 'existing', grade: 'B', dealerId: s.dealerB.id },
    ])
    .returning();
  const a1 = await req('/api/assets', { serialNo: 'DB-SN-1', modelId: m1.id, customerId: cA!.id });
  const a2 = await req('/api/assets', { serialNo: 'DB-SN-2', modelId: m2.id, customerId: cB!.id });
  const [p1, p2] = await db
    .insert(parts)
    .values([
      { code: 'DB-P1', name: '油封', costFen: 1500, listFen: 2000 },
      { code: 'DB-P2', name: '滤芯', costFen: 300, listFen: 500 },
    ])
    .returning();
  const loc = (
    (await db.execute(sql`select id from stock_locations order by code limit 1`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows[0]!.id;
  const cal = (
    (await db.execute(sql`select id from calendars limit 1`)) as unknown as { rows: { id: string }[] }
  ).rows[0]!.id;

  const A = { dealerId: s.dealerA.id, customerId: cA!.id };
  const B = { dealerId: s.dealerB.id, customerId: cB!.id };
  type T = {
    who: typeof A;
    type?: string;
    status: string;
    reported: string;
    resolved?: string;
    asset?: string;
    dept?: boolean;
  };
  const ticket = async (o: T) => {
    const [row] = await db
      .insert(tickets)
      .values({
        number: `DT-${++seq}`,
        customerId: o.who.customerId,
        dealerId: o.who.dealerId,
        assetId: o.asset ?? null,
        channel: 'phone',
        type: o.type ?? 'repair',
        status: o.status,
        description: `看板测试 ${seq}`,
        reportedAt: at(o.reported),
        resolvedAt: o.resolved ? at(o.resolved) : null,
        assigneeDepartmentId: o.dept ? s.dept.id : null,
      })
      .returning();
    return row!;
  };
  const clock = (ticketId: string, metric: string, status: 'met' | 'breached', stopped: string) =>
    db.insert(ticketSlaClocks).values({
      ticketId,
      metric,
      targetMinutes: 120,
      calendarId: cal,
      startedAt: at('2025-12-01T00:00:00Z'),
      stoppedAt: at(stopped),
      dueAt: at(stopped),
      status,
      computedAt: NOW,
    });
  type W = {
    ticket: { id: string; customerId: string; dealerId: string | null; assetId: string | null };
    status: string;
    in?: string;
    out?: string;
    done?: string;
    cost?: number;
    lines?: object[];
    wid?: string;
  };
  const order = async (o: W) => {
    const [row] = await db
      .insert(workOrders)
      .values({
        id: o.wid ?? id(),
        number: `DW-${++seq}`,
        ticketId: o.ticket.id,
        customerId: o.ticket.customerId,
        dealerId: o.ticket.dealerId,
        assetId: o.ticket.assetId,
        status: o.status,
        task: '维修',
        checkInAt: o.in ? at(o.in) : null,
        checkOutAt: o.out ? at(o.out) : null,
        doneAt: o.done ? at(o.done) : null,
        companyCostFen: o.cost ?? 0,
        charges: o.lines ? { lines: o.lines } : null,
      })
      .returning();
    return row!;
  };
  const consume = (workOrderId: string, partId: string, quantity: number, when: string, lineId = id()) =>
    db.insert(workOrderParts).values({
      id: lineId,
      workOrderId,
      partId,
      locationId: loc,
      quantity,
      status: 'consumed',
      consumedAt: at(when),
    });
  const companyPart = (ref: string, amountFen: number) => ({
    kind: 'part',
    ref,
    payer: 'company',
    amountFen,
  });
  const companyLabour = (amountFen: number) => ({ kind: 'labour', ref: null, payer: 'company', amountFen });

  // t1: dealer A, fixed first time (one closed order, 180 min on site), 3000 fen of part p1 + 2000 labour.
  const t1 = await ticket({
    who: A,
    status: 'closed',
    reported: '2026-01-10T01:00:00Z',
    resolved: '2026-01-12T01:00:00Z',
    asset: a1.id,
    dept: true,
  });
  await clock(t1.id, 'arrange', 'met', '2026-01-10T02:00:00Z');
  await clock(t1.id, 'resolve', 'met', '2026-01-12T01:00:00Z');
  const wp1 = id();
  const w1 = await order({
    ticket: t1,
    status: 'closed',
    in: '2026-01-11T02:00:00Z',
    out: '2026-01-11T05:00:00Z',
    done: '2026-01-11T05:00:00Z',
    cost: 5000,
    lines: [companyPart(wp1, 3000), companyLabour(2000)],
  });
  await consume(w1.id, p1!.id, 2, '2026-01-11T03:00:00Z', wp1);
  // t2: the same asset 26 days later (a repeat repair), p1 again on another order (a repeat part);
  // a cancelled second order does not spoil the first-time fix.
  const t2 = await ticket({
    who: A,
    status: 'resolved',
    reported: '2026-02-05T01:00:00Z',
    resolved: '2026-02-08T01:00:00Z',
    asset: a1.id,
    dept: true,
  });
  await clock(t2.id, 'arrange', 'breached', '2026-02-05T06:00:00Z');
  await clock(t2.id, 'resolve', 'breached', '2026-02-08T01:00:00Z');
  const wp2 = id();
  const w2 = await order({
    ticket: t2,
    status: 'done',
    in: '2026-02-06T01:00:00Z',
    out: '2026-02-06T03:00:00Z',
    done: '2026-02-06T03:00:00Z',
    cost: 4000,
    lines: [companyPart(wp2, 4000)],
  });
  await consume(w2.id, p1!.id, 1, '2026-02-06T02:00:00Z', wp2);
  await order({ ticket: t2, status: 'cancelled' });
  // t3: dealer B, two orders (not a first-time fix): one paid by the customer, one by the company.
  const t3 = await ticket({
    who: B,
    status: 'closed',
    reported: '2026-02-10T01:00:00Z',
    resolved: '2026-02-15T01:00:00Z',
    asset: a2.id,
  });
  await clock(t3.id, 'firstResponse', 'met', '2026-02-10T01:30:00Z');
  await clock(t3.id, 'onsite', 'met', '2026-02-11T01:00:00Z');
  await order({
    ticket: t3,
    status: 'closed',
    in: '2026-02-11T01:00:00Z',
    out: '2026-02-11T02:00:00Z',
    done: '2026-02-11T02:00:00Z',
  });
  const w5 = await order({
    ticket: t3,
    status: 'done',
    in: '2026-02-14T01:00:00Z',
    out: '2026-02-14T05:00:00Z',
    done: '2026-02-14T05:00:00Z',
    cost: 1500,
    lines: [companyLabour(1500)],
  });
  await consume(w5.id, p2!.id, 3, '2026-02-14T02:00:00Z');
  // t4: a consultation resolved the same day, no orders; its first response was late.
  const t4 = await ticket({
    who: B,
    type: 'consultation',
    status: 'resolved',
    reported: '2026-03-01T01:00:00Z',
    resolved: '2026-03-01T03:00:00Z',
  });
  await clock(t4.id, 'firstResponse', 'breached', '2026-03-01T02:00:00Z');
  // Open tickets of every age: 2 h, 5 d, exactly 2 d, 74 d; one cancelled, one from last year.
  await ticket({ who: A, status: 'new', reported: '2026-03-20T02:00:00Z' });
  await ticket({ who: A, status: 'in_progress', reported: '2026-03-15T04:00:00Z', dept: true });
  await ticket({ who: B, status: 'arranged', reported: '2026-03-18T04:00:00Z' });
  await ticket({ who: B, status: 'waiting_customer', reported: '2026-01-05T04:00:00Z' });
  await ticket({ who: A, status: 'cancelled', reported: '2026-03-10T04:00:00Z' });
  const old = await ticket({
    who: A,
    status: 'closed',
    reported: '2025-12-20T01:00:00Z',
    resolved: '2025-12-22T01:00:00Z',
  });
  await clock(old.id, 'resolve', 'met', '2025-12-21T01:00:00Z');

  const complaint = (
    who: typeof A,
    cause: string | null,
    received: string,
    status = 'investigating',
    closed?: string,
  ) =>
    db.insert(complaints).values({
      number: `DK-${++seq}`,
      customerId: who.customerId,
      dealerId: who.dealerId,
      channel: 'phone',
      severity: 'medium',
      subject: `投诉 ${seq}`,
      description: '看板测试',
      receivedAt: at(received),
      status,
      causeClass: cause,
      closedAt: closed ? at(closed) : null,
    });
  await complaint(A, 'product', '2026-02-01T02:00:00Z', 'action');
  await complaint(A, 'product', '2026-02-20T02:00:00Z', 'closed', '2026-03-01T02:00:00Z');
  await complaint(B, 'service', '2026-03-02T02:00:00Z');
  await complaint(B, null, '2026-03-05T02:00:00Z');
  await complaint(A, 'price', '2026-03-06T02:00:00Z', 'cancelled');
  await complaint(A, 'product', '2025-12-01T02:00:00Z');

  const visit = (
    who: typeof A,
    o: { status: string; completed?: string; score?: number; unhappy?: boolean; ticketId?: string },
  ) =>
    db.insert(followUpVisits).values({
      kind: 'service',
      ticketId: o.ticketId ?? null,
      customerId: who.customerId,
      dealerId: who.dealerId,
      status: o.status,
      dueAt: at('2026-02-01T00:00:00Z'),
      scoreX100: o.score ?? null,
      unhappy: o.unhappy ?? false,
      followUpStatus: o.unhappy ? 'open' : 'none',
      completedAt: o.completed ? at(o.completed) : null,
    });
  await visit(A, { status: 'done', completed: '2026-02-09T02:00:00Z', score: 450, ticketId: t2.id });
  await visit(B, {
    status: 'done',
    completed: '2026-02-16T02:00:00Z',
    score: 150,
    unhappy: true,
    ticketId: t3.id,
  });
  await visit(A, { status: 'open' });

  const [survey] = await db
    .insert(surveys)
    .values({ code: `DS-${++seq}`, name: '季度满意度', questions: [], status: 'active' })
    .returning();
  const response = async (who: typeof A, submitted: string, score: number | null, nps: number | null) => {
    const [inv] = await db
      .insert(surveyInvitations)
      .values({
        surveyId: survey!.id,
        customerId: who.customerId,
        dealerId: who.dealerId,
        period: `P${++seq}`,
        tokenHash: `h${seq}`,
        expiresAt: at('2026-06-01T00:00:00Z'),
        respondedAt: at(submitted),
      })
      .returning();
    await db.insert(surveyResponses).values({
      invitationId: inv!.id,
      surveyId: survey!.id,
      customerId: who.customerId,
      dealerId: who.dealerId,
      period: inv!.period,
      answers: [],
      scoreX100: score,
      nps,
      submittedAt: at(submitted),
    });
  };
  await response(A, '2026-03-03T02:00:00Z', 400, 9);
  await response(B, '2026-03-04T02:00:00Z', 200, 3);
  await response(A, '2026-02-20T02:00:00Z', null, 8);

  return {
    assets: { a1: a1.id, a2: a2.id },
    parts: { p1: p1!.id, p2: p2!.id },
    models: { m1: m1.id, m2: m2.id },
    customers: { A: cA!.id, B: cB!.id },
  };
};
