import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp, TINY_PNG, USER_PASSWORD } from '../helpers/test-app.ts';

// A ticket becomes field work: dispatch to a suggested engineer, on-site steps, parts, who pays,
// signature, old-part return, write-off, feedback form and reimbursement — through the HTTP API.

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let model: string;
let main: string;
let pump: { id: string; costFen: number };
let filter: { id: string; costFen: number };
let eng1: { id: string };
let eng2: { id: string };
const SIGNATURE = `data:image/png;base64,${TINY_PNG.toString('base64')}`;

const customerWithAsset = async (name: string, serialNo: string, deliveredAt: string) => {
  const c = await t.request('POST', '/api/customers', {
    token: s.admin,
    body: { name, kind: 'existing', grade: 'B', dealerId: s.dealerA.id, region: '江苏南京' },
  });
  expect(c.status).toBe(201);
  const a = await t.request('POST', '/api/assets', {
    token: s.admin,
    body: { serialNo, modelId: model, customerId: c.body.id, deliveredAt },
  });
  expect(a.status).toBe(201);
  return { customer: c.body.id as string, asset: a.body.id as string };
};

const ticketFor = async (x: { customer: string; asset: string }) => {
  const r = await t.request('POST', '/api/tickets', {
    token: s.users.desk!.token,
    body: {
      customerId: x.customer,
      assetId: x.asset,
      channel: 'phone',
      type: 'repair',
      description: '主泵异响，动作无力',
    },
  });
  expect(r.status).toBe(201);
  return r.body;
};

const newOrder = async (ticketId: string, body: Record<string, unknown> = {}) => {
  const r = await t.request('POST', `/api/tickets/${ticketId}/work-orders`, {
    token: s.users.desk!.token,
    body: { task: '现场检修主泵', trade: 'hydraulic', ...body },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};

const act = async (token: string, method: string, path: string, body?: unknown) =>
  t.request(method, path, { token, body });

/** Moves an order along with the engineer's token, returning the latest order. */
const step = async (order: { id: string; version: number }, to: string, token = s.users.engineer!.token) => {
  const r = await act(token, 'POST', `/api/work-orders/${order.id}/transition`, {
    version: order.version,
    to,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  const policy = await act(s.admin, 'POST', '/api/warranty-policies', {
    name: '挖掘机整机',
    startBasis: 'delivery',
    months: 12,
    hoursLimit: 2000,
  });
  const m = await act(s.admin, 'POST', '/api/product-models', {
    code: 'DX60',
    name: 'DX60 挖掘机',
    category: 'excavator',
    warrantyPolicyId: policy.body.id,
    wearParts: ['FLT-01'],
  });
  model = m.body.id;
  // The shipped repair policy has no on-site target; this installation promises one.
  const cals = await act(s.admin, 'GET', '/api/calendars');
  const always = cals.body.items.find((c: { code: string }) => c.code === 'always');
  const onsitePolicy = await act(s.admin, 'POST', '/api/sla-policies', {
    name: '报修 8 小时到场',
    calendarId: always.id,
    priority: 1,
    appliesTo: { types: ['repair'], channels: [] },
    targets: [{ metric: 'onsite', minutes: 480 }],
  });
  expect(onsitePolicy.status, JSON.stringify(onsitePolicy.body)).toBe(201);
  const locs = await act(s.admin, 'GET', '/api/stock-locations');
  main = locs.body.items.find((l: { code: string }) => l.code === 'MAIN').id;
  pump = (
    await act(s.admin, 'POST', '/api/parts', {
      code: 'PUMP-01',
      name: '液压主泵',
      costFen: 1_234_567,
      listFen: 1_800_000,
      serialised: true,
    })
  ).body;
  filter = (
    await act(s.admin, 'POST', '/api/parts', {
      code: 'FLT-01',
      name: '液压油滤芯',
      costFen: 3333,
      listFen: 5000,
      wear: true,
    })
  ).body;
  for (const p of [pump, filter])
    expect(
      (await act(s.admin, 'POST', '/api/stock/receive', { partId: p.id, locationId: main, quantity: 5 }))
        .status,
    ).toBe(200);
  eng1 = (
    await act(s.admin, 'POST', '/api/engineers', {
      name: '张工',
      userId: s.users.engineer!.id,
      trade: 'hydraulic',
      skills: ['excavator'],
      regions: ['江苏'],
    })
  ).body;
  eng2 = (
    await act(s.admin, 'POST', '/api/engineers', {
      name: '李工',
      trade: 'electrical',
      skills: ['crane'],
      regions: ['广东'],
    })
  ).body;
});
afterAll(() => t.close());

describe('an in-warranty repair from ticket to write-off', () => {
  let order: any;
  let ticket: any;

  it('suggests the skilled engineer of the region first and dispatch arranges the ticket', async () => {
    const x = await customerWithAsset('南京某建设公司', 'DX60-0001', '2026-01-10');
    ticket = await ticketFor(x);
    order = await newOrder(ticket.id);
    expect(order.status).toBe('planned');
    expect(order.region).toBe('江苏南京');
    const sug = await act(s.users.desk!.token, 'GET', `/api/work-orders/${order.id}/suggestions`);
    expect(sug.status).toBe(200);
    expect(sug.body.items[0].engineerId).toBe(eng1.id);
    expect(sug.body.items[0].reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['skill', 'region']),
    );
    const d = await act(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/dispatch`, {
      version: order.version,
      engineerIds: [eng1.id],
      plannedDate: '2026-03-02',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    order = d.body;
    expect(order.engineers).toEqual([expect.objectContaining({ id: eng1.id, lead: true })]);
    const tk = await act(s.users.desk!.token, 'GET', `/api/tickets/${ticket.id}`);
    expect(tk.body.status).toBe('arranged');
    const board = await act(s.users.desk!.token, 'GET', '/api/dispatch-board?from=2026-03-02&days=7');
    expect(board.body.orders.map((o: { id: string }) => o.id)).toContain(order.id);
  });

  it("the check-in stops the ticket's on-site clock; the engineer sees only its own orders", async () => {
    const other = await newOrder(ticket.id, { engineerIds: [eng2.id] });
    const mine = await act(s.users.engineer!.token, 'GET', '/api/work-orders');
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await act(s.users.engineer!.token, 'GET', `/api/work-orders/${other.id}`)).status).toBe(404);
    expect((await act(s.users.dealerB!.token, 'GET', `/api/work-orders/${order.id}`)).status).toBe(404);
    expect((await act(s.users.dealer!.token, 'GET', `/api/work-orders/${order.id}`)).status).toBe(200);
    order = await step(order, 'travelling');
    t.clock.advance(45 * 60_000);
    order = await step(order, 'on_site');
    expect(order.checkInAt).toBe(t.clock.now().toISOString());
    const tk = await act(s.users.desk!.token, 'GET', `/api/tickets/${ticket.id}`);
    expect(tk.body.status).toBe('in_progress');
    const onsite = tk.body.sla.find((c: { metric: string }) => c.metric === 'onsite');
    expect(onsite, 'the ticket has an on-site clock').toBeDefined();
    expect(onsite.status).toBe('met');
  });

  it('re-runs who pays, line by line, when the cause and the parts change; sums are exact fen', async () => {
    const e = s.users.engineer!.token;
    let r = await act(e, 'PUT', `/api/work-orders/${order.id}/diagnosis`, {
      version: order.version,
      cause: 'defect',
      diagnosis: '主泵柱塞磨损，属制造缺陷',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await act(e, 'POST', `/api/work-orders/${order.id}/items`, {
      description: '拆装主泵',
      method: '更换',
      quantity: 1,
      labourMinutes: 90,
    });
    expect(r.status).toBe(201);
    r = await act(e, 'POST', `/api/work-orders/${order.id}/parts`, {
      partId: pump.id,
      locationId: main,
      quantity: 1,
      removedSerial: 'OLD-P-1',
      fittedSerial: 'NEW-P-9',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    r = await act(e, 'POST', `/api/work-orders/${order.id}/parts`, {
      partId: filter.id,
      locationId: main,
      quantity: 3,
    });
    expect(r.status).toBe(201);
    order = r.body;
    const lines = order.charges.lines;
    const pumpLine = lines.find((l: { description: string }) => l.description.includes('液压主泵'));
    const filterLine = lines.find((l: { description: string }) => l.description.includes('滤芯'));
    expect(pumpLine).toMatchObject({ coverage: 'free', payer: 'company', customerFen: 0 });
    expect(filterLine).toMatchObject({ coverage: 'cost', payer: 'customer', customerFen: 3 * 3333 });
    expect(filterLine.reasons.length).toBeGreaterThan(0);
    expect(lines.find((l: { kind: string }) => l.kind === 'labour')).toMatchObject({
      coverage: 'free',
      customerFen: 0,
    });
    // 9999 fen at 13 %: 1299.87 → 1300 fen of tax, total 11299.
    expect(order.charges.customerNetFen).toBe(9999);
    expect(order.charges.taxFen).toBe(1300);
    expect(order.customerTotalFen).toBe(11_299);
    const sum = lines.reduce((a: number, l: { customerFen: number }) => a + l.customerFen, 0);
    expect(sum).toBe(order.charges.customerNetFen);
    expect(order.oldPartReturns).toEqual([
      expect.objectContaining({ partCode: 'PUMP-01', status: 'pending', serialNo: 'OLD-P-1' }),
    ]);
    // The customer's cause makes the pump the customer's cost and the old part is no longer owed.
    r = await act(e, 'PUT', `/api/work-orders/${order.id}/diagnosis`, {
      version: order.version,
      cause: 'customer',
      diagnosis: '操作不当',
    });
    expect(
      r.body.charges.lines.find((l: { description: string }) => l.description.includes('液压主泵')).payer,
    ).toBe('customer');
    expect(r.body.oldPartReturns[0].status).toBe('cancelled');
    r = await act(e, 'PUT', `/api/work-orders/${order.id}/diagnosis`, {
      version: r.body.version,
      cause: 'defect',
      diagnosis: '主泵柱塞磨损，属制造缺陷',
    });
    order = r.body;
    expect(order.oldPartReturns[0].status).toBe('pending');
    const stock = await act(s.admin, 'GET', `/api/stock?partId=${pump.id}`);
    expect(stock.body.items.find((l: { locationId: string }) => l.locationId === main)).toMatchObject({
      onHand: 4,
      reserved: 0,
    });
  });

  it('bad input is refused naming the field and changes nothing', async () => {
    const e = s.users.engineer!.token;
    let r = await act(e, 'POST', `/api/work-orders/${order.id}/parts`, {
      partId: pump.id,
      locationId: main,
      quantity: 0,
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error.details)).toContain('quantity');
    r = await act(e, 'POST', `/api/work-orders/${order.id}/parts`, {
      partId: crypto.randomUUID(),
      locationId: main,
      quantity: 1,
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error.details)).toContain('partId');
    r = await act(e, 'POST', `/api/work-orders/${order.id}/parts`, {
      partId: filter.id,
      locationId: main,
      quantity: 50,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('insufficient_stock');
    r = await act(e, 'PUT', `/api/work-orders/${order.id}/diagnosis`, {
      version: order.version,
      cause: 'aliens',
      diagnosis: 'x',
    });
    expect(r.status).toBe(400);
    r = await act(e, 'PUT', `/api/work-orders/${order.id}/diagnosis`, {
      version: order.version - 1,
      cause: 'wear',
      diagnosis: 'x',
    });
    expect(r.status).toBe(409);
    const again = await act(e, 'GET', `/api/work-orders/${order.id}`);
    expect(again.body.version).toBe(order.version);
    expect(again.body.parts).toHaveLength(2);
    expect(again.body.cause).toBe('defect');
  });

  it('the customer signs, the old part blocks the write-off until it is appraised', async () => {
    order = await step(order, 'done');
    const bad = await act(s.users.engineer!.token, 'POST', `/api/work-orders/${order.id}/signature`, {
      version: order.version,
      signedBy: '王经理',
      image: 'data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(bad.status).toBe(400);
    let r = await act(s.users.engineer!.token, 'POST', `/api/work-orders/${order.id}/signature`, {
      version: order.version,
      signedBy: '王经理',
      image: SIGNATURE,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    order = r.body;
    expect(order).toMatchObject({ status: 'signed', hasSignature: true, signedBy: '王经理' });
    const png = await fetch(`${t.base}/api/work-orders/${order.id}/signature`, {
      headers: { authorization: `Bearer ${s.admin}` },
    });
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(0, 4)
        .toString('hex'),
    ).toBe('89504e47');
    r = await act(s.users.finance!.token, 'POST', `/api/work-orders/${order.id}/write-off`, {
      version: order.version,
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'paperwork_blocked',
      details: { reason: 'old_parts_outstanding' },
    });
    const overdueSoon = await act(s.users.technical!.token, 'GET', '/api/old-part-returns?status=pending');
    const ret = overdueSoon.body.items.find(
      (x: { workOrderId?: string; id: string }) => x.id === order.oldPartReturns[0].id,
    );
    expect(ret).toBeTruthy();
    r = await act(s.users.technical!.token, 'POST', `/api/old-part-returns/${ret.id}/receive`, {
      version: ret.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await act(s.users.technical!.token, 'POST', `/api/old-part-returns/${ret.id}/appraise`, {
      version: r.body.version,
      appraisal: 'supplier_claim',
      note: '柱塞缺陷，向供应商索赔',
      storeLocationId: main,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await act(s.users.finance!.token, 'POST', `/api/work-orders/${order.id}/write-off`, {
      version: order.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    order = r.body;
    expect(order.writtenOffAt).not.toBeNull();
  });

  it('travel is reimbursed only with the signed feedback form, due 10 days after returning', async () => {
    let r = await act(s.users.finance!.token, 'POST', `/api/work-orders/${order.id}/reimburse`, {
      version: order.version,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.details.reason).toBe('feedback_missing');
    r = await act(s.users.engineer!.token, 'PUT', `/api/work-orders/${order.id}/feedback`, {
      returnedOn: '2026-03-02',
      nature: '主泵异响',
      submit: true,
      version: null,
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error.details)).toContain('cause');
    r = await act(s.users.engineer!.token, 'PUT', `/api/work-orders/${order.id}/feedback`, {
      returnedOn: '2026-03-02',
      nature: '主泵异响',
      cause: '柱塞制造缺陷',
      handling: '更换主泵',
      submit: true,
      version: null,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.feedback).toMatchObject({ dueOn: '2026-03-12', status: 'submitted', overdue: false });
    r = await act(s.users.manager!.token, 'POST', `/api/work-orders/${order.id}/feedback/sign`, {
      version: r.body.feedback.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await act(s.users.finance!.token, 'POST', `/api/work-orders/${order.id}/reimburse`, {
      version: r.body.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
});

describe('out-of-warranty work waits for the quote or a manager', () => {
  let x: { customer: string; asset: string };
  let customerToken: string;

  beforeAll(async () => {
    x = await customerWithAsset('过保客户', 'DX60-OLD', '2023-01-10');
    await act(s.admin, 'POST', '/api/users', {
      username: 'c_old',
      displayName: '过保客户',
      password: USER_PASSWORD,
      roleCode: 'customer',
      customerId: x.customer,
    });
    customerToken = await t.login('c_old', USER_PASSWORD);
  });

  it('cannot check in before the customer accepts the quote', async () => {
    const ticket = await ticketFor(x);
    let order = await newOrder(ticket.id, { engineerIds: [eng1.id] });
    expect(order.quoteRequired).toBe(true);
    order = await step(order, 'travelling');
    let r = await act(s.users.engineer!.token, 'POST', `/api/work-orders/${order.id}/transition`, {
      version: order.version,
      to: 'on_site',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.details.reason).toBe('quote_not_accepted');
    r = await act(s.users.desk!.token, 'PATCH', `/api/work-orders/${order.id}`, {
      version: order.version,
      travelKm: 35,
    });
    order = r.body;
    r = await act(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/quote`, {
      version: order.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.quote.customerTotalFen).toBeGreaterThan(0);
    r = await act(customerToken, 'POST', `/api/work-orders/${order.id}/quote/decision`, {
      version: r.body.version,
      accepted: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ quoteStatus: 'accepted', quoteDecidedVia: 'portal' });
    order = await step(r.body, 'on_site');
    // More to pay than was quoted: the customer has to agree again before the work can be finished.
    r = await act(s.users.engineer!.token, 'POST', `/api/work-orders/${order.id}/items`, {
      description: '更换密封件',
      quantity: 1,
      labourMinutes: 60,
    });
    expect(r.body.quoteStatus).toBe('none');
    expect(r.body.events.map((e: { kind: string }) => e.kind)).toContain('quote_outdated');
    // The customer sees its own lines, never the company's cost prices.
    const seen = await act(customerToken, 'GET', `/api/work-orders/${order.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.companyCostFen).toBe(0);
    expect(seen.body.events).toEqual([]);
  });

  it("a manager's urgent approval lets work start and keeps the paperwork open until regularised", async () => {
    const ticket = await ticketFor(x);
    let order = await newOrder(ticket.id, { engineerIds: [eng1.id] });
    let r = await act(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/urgent-approval`, {
      version: order.version,
      reason: '客户停工',
    });
    expect(r.status).toBe(403);
    r = await act(s.users.manager!.token, 'POST', `/api/work-orders/${order.id}/urgent-approval`, {
      version: order.version,
      reason: '客户停工，先维保后补',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    order = await step(r.body, 'on_site');
    order = (
      await act(s.users.desk!.token, 'PATCH', `/api/work-orders/${order.id}`, {
        version: order.version,
        travelKm: 20,
      })
    ).body;
    const open = await act(s.users.desk!.token, 'GET', '/api/work-orders/open-paperwork');
    expect(open.body.items.map((o: { id: string }) => o.id)).toContain(order.id);
    r = await act(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/regularise`, {
      version: order.version,
    });
    expect(r.status).toBe(409);
    r = await act(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/quote`, {
      version: order.version,
    });
    r = await act(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/quote/decision`, {
      version: r.body.version,
      accepted: true,
      decidedBy: '客户电话确认',
    });
    expect(r.body.quoteDecidedVia).toBe('desk');
    r = await act(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/regularise`, {
      version: r.body.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = await act(s.users.desk!.token, 'GET', '/api/work-orders/open-paperwork');
    expect(after.body.items.map((o: { id: string }) => o.id)).not.toContain(order.id);
  });
});

describe('stock', () => {
  it('the last unit goes to exactly one of two concurrent orders', async () => {
    const part = (
      await act(s.admin, 'POST', '/api/parts', {
        code: 'VALVE-LAST',
        name: '先导阀',
        costFen: 10_000,
        listFen: 15_000,
      })
    ).body;
    expect(
      (await act(s.admin, 'POST', '/api/stock/receive', { partId: part.id, locationId: main, quantity: 1 }))
        .status,
    ).toBe(200);
    const x = await customerWithAsset('并发客户', 'DX60-CC', '2026-01-10');
    const orders = [];
    for (let i = 0; i < 2; i++) {
      const ticket = await ticketFor(x);
      const o = await newOrder(ticket.id, { engineerIds: [eng1.id] });
      orders.push(await step(o, 'on_site'));
    }
    const results = await Promise.all(
      orders.map((o) =>
        act(s.users.engineer!.token, 'POST', `/api/work-orders/${o.id}/parts`, {
          partId: part.id,
          locationId: main,
          quantity: 1,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const stock = await act(s.admin, 'GET', `/api/stock?partId=${part.id}`);
    expect(stock.body.items[0]).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('an overdue feedback form is listed after 10 days', async () => {
    const x = await customerWithAsset('反馈客户', 'DX60-FB', '2026-01-10');
    const ticket = await ticketFor(x);
    let o = await newOrder(ticket.id, { engineerIds: [eng1.id] });
    o = await step(o, 'on_site');
    await act(s.users.engineer!.token, 'PUT', `/api/work-orders/${o.id}/diagnosis`, {
      version: o.version,
      cause: 'defect',
      diagnosis: '传感器',
    });
    o = (await act(s.users.engineer!.token, 'GET', `/api/work-orders/${o.id}`)).body;
    o = await step(o, 'done');
    let list = await act(s.users.manager!.token, 'GET', '/api/field-feedback?overdue=true');
    expect(list.body.items.map((i: { workOrderId: string }) => i.workOrderId)).not.toContain(o.id);
    t.clock.advance(11 * 86_400_000);
    // Sessions expire over 11 days: log in again.
    const manager = await t.login('u_manager', USER_PASSWORD);
    list = await act(manager, 'GET', '/api/field-feedback?overdue=true');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.find((i: { workOrderId: string }) => i.workOrderId === o.id)).toMatchObject({
      status: 'missing',
      overdue: true,
    });
  });
});
