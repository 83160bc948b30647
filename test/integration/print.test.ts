import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp, TINY_PNG, USER_PASSWORD } from '../helpers/test-app.ts';

// Printable forms of a signed in-warranty repair: the HTML shows the same data as the API (names,
// signature, who pays each line, exact totals), scope rules apply, and ?format=pdf gives a PDF.

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let order: any;
let later: any;
let ticket: any;
let asset: string;
let customerToken: string;
const SIGNATURE = `data:image/png;base64,${TINY_PNG.toString('base64')}`;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);

const act = async (token: string, method: string, path: string, body?: unknown) =>
  t.request(method, path, { token, body });
const ok = async (token: string, method: string, path: string, body?: unknown) => {
  const r = await act(token, method, path, body);
  expect(r.status, `${method} ${path} → ${JSON.stringify(r.body).slice(0, 300)}`).toBeLessThan(300);
  return r.body;
};
const step = (o: { id: string; version: number }, to: string) =>
  ok(s.users.engineer!.token, 'POST', `/api/work-orders/${o.id}/transition`, { version: o.version, to });

/** The <tr> of a table whose text contains `text`. */
const rowWith = (html: string, text: string) => html.split('<tr>').find((r) => r.includes(text)) ?? '';

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  const policy = await ok(s.admin, 'POST', '/api/warranty-policies', {
    name: '挖掘机整机',
    startBasis: 'delivery',
    months: 12,
    hoursLimit: 2000,
  });
  const model = await ok(s.admin, 'POST', '/api/product-models', {
    code: 'DX60',
    name: 'DX60 挖掘机',
    category: 'excavator',
    warrantyPolicyId: policy.id,
    wearParts: ['FLT-01'],
  });
  const locs = await ok(s.admin, 'GET', '/api/stock-locations');
  const main = locs.items.find((l: { code: string }) => l.code === 'MAIN').id;
  const pump = await ok(s.admin, 'POST', '/api/parts', {
    code: 'PUMP-01',
    name: '液压主泵',
    costFen: 1_234_567,
    listFen: 1_800_000,
    serialised: true,
  });
  const filter = await ok(s.admin, 'POST', '/api/parts', {
    code: 'FLT-01',
    name: '液压油滤芯',
    costFen: 3333,
    listFen: 5000,
    wear: true,
  });
  for (const p of [pump, filter])
    await ok(s.admin, 'POST', '/api/stock/receive', { partId: p.id, locationId: main, quantity: 5 });
  const eng = await ok(s.admin, 'POST', '/api/engineers', {
    name: '张工',
    userId: s.users.engineer!.id,
    trade: 'hydraulic',
    phone: '13800000001',
    skills: ['excavator'],
    regions: ['江苏'],
  });
  const customer = await ok(s.admin, 'POST', '/api/customers', {
    name: '南京某建设公司',
    kind: 'existing',
    grade: 'B',
    dealerId: s.dealerA.id,
    region: '江苏南京',
  });
  asset = (
    await ok(s.admin, 'POST', '/api/assets', {
      serialNo: 'DX60-0001',
      modelId: model.id,
      customerId: customer.id,
      deliveredAt: '2026-01-10',
    })
  ).id;
  await ok(s.admin, 'POST', '/api/users', {
    username: 'c_print',
    displayName: '客户甲',
    password: USER_PASSWORD,
    roleCode: 'customer',
    customerId: customer.id,
  });
  customerToken = await t.login('c_print', USER_PASSWORD);

  ticket = await ok(s.users.desk!.token, 'POST', '/api/tickets', {
    customerId: customer.id,
    assetId: asset,
    channel: 'phone',
    type: 'repair',
    description: '主泵异响，动作无力',
    contactName: '王经理',
    contactPhone: '025-88886666',
  });
  order = await ok(s.users.desk!.token, 'POST', `/api/tickets/${ticket.id}/work-orders`, {
    task: '现场检修主泵',
    trade: 'hydraulic',
    deadlineAt: '2026-03-03T09:00:00Z',
  });
  order = await ok(s.users.desk!.token, 'POST', `/api/work-orders/${order.id}/dispatch`, {
    version: order.version,
    engineerIds: [eng.id],
    plannedDate: '2026-03-02',
  });
  order = await step(order, 'travelling');
  t.clock.advance(30 * 60_000);
  order = await step(order, 'on_site');
  const e = s.users.engineer!.token;
  order = await ok(e, 'PUT', `/api/work-orders/${order.id}/diagnosis`, {
    version: order.version,
    cause: 'defect',
    diagnosis: '主泵柱塞磨损，属制造缺陷',
    majorFault: true,
  });
  await ok(e, 'POST', `/api/work-orders/${order.id}/items`, {
    description: '拆装主泵',
    method: '更换',
    quantity: 1,
    labourMinutes: 90,
  });
  await ok(e, 'POST', `/api/work-orders/${order.id}/parts`, {
    partId: pump.id,
    locationId: main,
    quantity: 1,
    removedSerial: 'OLD-P-1',
    fittedSerial: 'NEW-P-9',
  });
  order = await ok(e, 'POST', `/api/work-orders/${order.id}/parts`, {
    partId: filter.id,
    locationId: main,
    quantity: 3,
  });
  // Same figures as work-orders.test.ts: the filter (wear part) is the customer's cost, 9999 fen + 13 % tax.
  expect(order.charges).toMatchObject({ customerNetFen: 9999, taxFen: 1300, customerTotalFen: 11_299 });
  t.clock.advance(135 * 60_000);
  order = await step(order, 'done');
  order = await ok(e, 'POST', `/api/work-orders/${order.id}/signature`, {
    version: order.version,
    signedBy: '王经理',
    image: SIGNATURE,
    comment: '<b>维修及时</b>',
  });
  // A second, later order on the same asset and ticket, not sent to the engineer.
  t.clock.advance(60 * 60_000);
  later = await ok(s.users.desk!.token, 'POST', `/api/tickets/${ticket.id}/work-orders`, {
    task: '复查主泵压力',
  });
});
afterAll(() => t.close());

const get = (token: string, path: string) => act(token, 'GET', path);

describe('work-order forms', () => {
  it('the repair record shows the customer, the signature image, who pays each line and the exact totals', async () => {
    const r = await get(s.users.desk!.token, `/api/work-orders/${order.id}/print/repair-record`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const html: string = r.body;
    expect(html).toContain('三包维修记录');
    expect(html).toContain('南京某建设公司');
    expect(html).toContain('王经理　025-88886666');
    expect(html).toContain(`<img src="${SIGNATURE}"`);
    expect(html).toContain('主泵异响，动作无力');
    expect(html).toContain('产品缺陷');
    expect(html).toContain('OLD-P-1 → NEW-P-9');
    expect(html).toContain('@page { size: A4; margin: 12mm; }');
    expect(html).toContain('"Noto Sans CJK SC"');
    const pumpRow = rowWith(html, '液压主泵（PUMP-01）');
    expect(pumpRow).toContain('公司承担');
    expect(pumpRow).toContain('免费保修');
    expect(pumpRow).not.toContain('客户承担');
    const filterRow = rowWith(html, '液压油滤芯（FLT-01）');
    expect(filterRow).toContain('客户承担');
    expect(filterRow).toContain('成本费用');
    expect(filterRow).toContain('条款 4.2：');
    expect(rowWith(html, '维修工时费')).toContain('公司承担');
    expect(rowWith(html, '客户应付（不含税）')).toContain('¥99.99');
    expect(rowWith(html, '税额（')).toContain('¥13.00');
    expect(rowWith(html, '客户应付合计（含税）')).toContain('¥112.99');
    // Free text is escaped, never markup.
    expect(html).toContain('&lt;b&gt;维修及时&lt;/b&gt;');
    expect(html).not.toContain('<b>维修及时');
  });

  it('the service notice lists the engineer with trade and phone, the task and the deadline', async () => {
    const r = await get(s.users.engineer!.token, `/api/work-orders/${order.id}/print/service-notice`);
    expect(r.status).toBe(200);
    const html: string = r.body;
    expect(html).toContain('售后服务通知单');
    const row = rowWith(html, '张工');
    expect(row).toContain('液压');
    expect(row).toContain('13800000001');
    expect(html).toContain('现场检修主泵');
    expect(html).toContain('2026-03-03 17:00');
    expect(html).toContain('DX60-0001');
  });

  it('the service sheet is the customer copy: what the customer pays and the signature', async () => {
    const r = await get(customerToken, `/api/work-orders/${order.id}/print/service-sheet`);
    expect(r.status).toBe(200);
    const html: string = r.body;
    expect(html).toContain('维修服务单');
    expect(html).toContain('液压油滤芯（FLT-01）');
    expect(html).not.toContain('液压主泵（PUMP-01）');
    expect(rowWith(html, '客户应付合计（含税）')).toContain('¥112.99');
    expect(html).toContain(`<img src="${SIGNATURE}"`);
  });

  it('the major-fault record has the analysis, the handling and the time on site', async () => {
    const r = await get(s.users.technical!.token, `/api/work-orders/${order.id}/print/major-fault`);
    expect(r.status).toBe(200);
    const html: string = r.body;
    expect(html).toContain('重大售后故障维修记录表');
    expect(html).not.toContain('未标记为重大故障');
    expect(html).toContain('主泵柱塞磨损，属制造缺陷');
    expect(html).toContain('拆装主泵');
    expect(rowWith(html, '现场耗时')).toContain('2 小时 15 分钟');
    const other = await get(s.users.desk!.token, `/api/work-orders/${later.id}/print/major-fault`);
    expect(other.body).toContain('未标记为重大故障');
  });

  it('other dealers, other engineers and anonymous callers get nothing', async () => {
    for (const form of ['service-notice', 'repair-record', 'service-sheet', 'major-fault']) {
      expect(
        (await get(s.users.dealerB!.token, `/api/work-orders/${order.id}/print/${form}`)).status,
        form,
      ).toBe(404);
      expect(
        (await get(s.users.dealer!.token, `/api/work-orders/${order.id}/print/${form}`)).status,
        form,
      ).toBe(200);
      expect(
        (await get(s.users.engineer!.token, `/api/work-orders/${later.id}/print/${form}`)).status,
        form,
      ).toBe(404);
      expect((await t.request('GET', `/api/work-orders/${order.id}/print/${form}`)).status, form).toBe(401);
    }
    expect((await get(s.users.dealerB!.token, `/api/assets/${asset}/print/history-card`)).status).toBe(404);
    expect(
      (await get(s.users.dealerB!.token, `/api/tickets/${ticket.id}/print/out-of-warranty-parts`)).status,
    ).toBe(404);
  });
});

describe('asset and project forms', () => {
  it('the history card lists every order of the asset in time order with parts, engineers and who paid', async () => {
    const r = await get(s.users.desk!.token, `/api/assets/${asset}/print/history-card`);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const html: string = r.body;
    expect(html).toContain('售后服务历史登记卡');
    expect(html).toContain('DX60-0001');
    expect(html).toContain('2026-01-10');
    expect(html).toContain('挖掘机整机');
    expect(html.indexOf(order.number)).toBeGreaterThan(0);
    expect(html.indexOf(later.number)).toBeGreaterThan(html.indexOf(order.number));
    const row = rowWith(html, order.number);
    expect(row).toContain('PUMP-01 液压主泵 × 1');
    expect(row).toContain('FLT-01 液压油滤芯 × 3');
    expect(row).toContain('张工');
    expect(row).toContain('产品缺陷');
    expect(row).toContain('客户承担 ¥112.99');
    expect(row).toContain('公司承担');
  });

  it('the out-of-warranty parts list has only the customer-paid part lines, with totals and tax', async () => {
    const r = await get(s.users.finance!.token, `/api/tickets/${ticket.id}/print/out-of-warranty-parts`);
    expect(r.status).toBe(200);
    const html: string = r.body;
    expect(html).toContain('单个项目保外零件清单');
    expect(html).not.toContain('PUMP-01');
    const row = rowWith(html, 'FLT-01');
    expect(row).toContain('液压油滤芯');
    expect(row).toContain('¥33.33');
    expect(row).toContain('¥99.99');
    expect(rowWith(html, '合计（不含税）')).toContain('¥99.99');
    expect(rowWith(html, '税额（')).toContain('¥13.00');
    expect(rowWith(html, '合计（含税）')).toContain('¥112.99');
  });
});

describe('PDF', () => {
  const pdf = (path: string, token = s.users.desk!.token) =>
    fetch(`${t.base}${path}`, { headers: { authorization: `Bearer ${token}` } });

  // Runs before any PDF is made: the renderer reads CHROMIUM_PATH when it first starts the browser.
  it('answers 503 with a hint to print from the browser when Chromium is missing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const r = await act(
        s.users.desk!.token,
        'GET',
        `/api/work-orders/${order.id}/print/repair-record?format=pdf`,
      );
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('unavailable');
      expect(r.body.error.message).toContain('浏览器打印');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it.skipIf(!HAS_CHROMIUM)(
    `renders %PDF with a Chinese file name (needs ${CHROMIUM}: apt-get install chromium fonts-noto-cjk)`,
    async () => {
      const r = await pdf(`/api/work-orders/${order.id}/print/repair-record?format=pdf`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('三包维修记录')}`,
      );
      const body = Buffer.from(await r.arrayBuffer());
      expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
      // Two at once share the one browser.
      const both = await Promise.all([
        pdf(`/api/assets/${asset}/print/history-card?format=pdf`),
        pdf(`/api/tickets/${ticket.id}/print/out-of-warranty-parts?format=pdf`),
      ]);
      for (const b of both)
        expect(
          Buffer.from(await b.arrayBuffer())
            .subarray(0, 4)
            .toString('latin1'),
        ).toBe('%PDF');
      expect(
        (await pdf(`/api/work-orders/${order.id}/print/repair-record?format=pdf`, s.users.dealerB!.token))
          .status,
      ).toBe(404);
    },
  );
  if (!HAS_CHROMIUM)
    console.warn(`print.test: ${CHROMIUM} not found, the PDF rendering assertion is skipped`);
});
