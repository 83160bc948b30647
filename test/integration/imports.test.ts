import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const book = async (header: string[], rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const upload = async (kind: string, buf: Buffer, token = s.admin) => {
  const r = await fetch(`${t.base}/api/imports/${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
    body: buf as unknown as BodyInit,
  });
  return { status: r.status, body: await r.json() };
};

const finished = async (id: string) => {
  for (let i = 0; i < 200; i++) {
    const j = (await t.request('GET', `/api/imports/${id}`, { token: s.admin })).body;
    if (j.status === 'done' || j.status === 'failed') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
};

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  await t.request('POST', '/api/warranty-policies', {
    token: s.admin,
    body: {
      name: '挖掘机质量保证',
      startBasis: 'delivery',
      months: 12,
      hoursLimit: 2000,
      plans: [{ code: 'P24', months: 24, hoursLimit: 3000 }],
    },
  });
});
afterAll(() => t.close());

describe('Excel import', () => {
  it('keeps good rows and reports bad ones by row and field', async () => {
    const customers = await book(
      ['客户编码', '客户名称', '客户类型', '等级', '经销商编码', '电话'],
      [
        ['C1', '徐州建工', '老客户', 'A', 'DA', '0516-1'],
        ['C2', '苏州土方', 'new', 'C', null, null],
        ['C3', '坏等级', 'new', 'E', null, null],
        ['C4', '未知经销商', 'new', 'B', 'NOPE', null],
        [null, '缺编码', 'new', 'B', null, null],
      ],
    );
    const started = await upload('customers', customers);
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'done', total: 5, processed: 5, imported: 2, failed: 3 });
    expect(job.errors).toEqual([
      { row: 4, field: 'grade', message: expect.stringContaining('must be one of') },
      { row: 5, field: 'dealerCode', message: '"NOPE" does not exist' },
      { row: 6, field: 'code', message: 'is required' },
    ]);
    const list = await t.request('GET', '/api/customers?q=徐州', { token: s.admin });
    expect(list.body.items[0]).toMatchObject({
      code: 'C1',
      kind: 'existing',
      grade: 'A',
      dealerId: s.dealerA.id,
    });
    // Each imported row is audited.
    const audit = await t.request('GET', '/api/audit-log?action=import&entity=customer', { token: s.admin });
    expect(audit.body.items).toHaveLength(2);
  });

  it('imports models and assets with references, dates and duplicates checked', async () => {
    const models = await book(
      ['型号编码', '型号名称', '类别', '工作质量(t)', '保修政策', '易损件', '标准价(元)'],
      [['DX60', '小挖', '挖掘机', 6, '挖掘机质量保证', '斗齿,履带板', 320000]],
    );
    expect(await finished((await upload('models', models)).body.id)).toMatchObject({
      imported: 1,
      failed: 0,
    });
    const assets = await book(
      ['序列号', '型号编码', '客户编码', '交付日期', '保修方案'],
      [
        ['SN-001', 'DX60', 'C1', new Date(Date.UTC(2026, 0, 10)), 'P24'],
        ['SN-002', 'DX60', 'C2', '2026-02-30', null],
        ['SN-001', 'DX60', 'C2', '2026-02-01', null],
        ['SN-003', 'DX99', 'C2', '2026-02-01', null],
        ['SN-004', 'DX60', 'C2', '2026/2/1', 'P99'],
        ['SN-005', 'DX60', 'C2', '2026/2/1', null],
      ],
    );
    const job = await finished((await upload('assets', assets)).body.id);
    expect(job).toMatchObject({ status: 'done', imported: 2, failed: 4 });
    expect(job.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '3:deliveredAt',
      '4:serialNo',
      '5:modelCode',
      '6:plan',
    ]);
    const a = (await t.request('GET', '/api/assets?serialPrefix=SN-001', { token: s.admin })).body.items[0];
    expect(a.deliveredAt).toBe('2026-01-09T16:00:00.000Z');
    expect(a.plan).toBe('P24');
    // Importing the same file again registers nothing twice.
    const again = await finished((await upload('assets', assets)).body.id);
    expect(again.imported).toBe(0);
  });

  it('rejects a file without the required columns, and non-Excel bodies', async () => {
    const job = await finished((await upload('assets', await book(['名称'], [['x']]))).body.id);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/序列号/);
    const junk = await finished((await upload('assets', Buffer.from('not a zip'))).body.id);
    expect(junk.status).toBe('failed');
    const json = await t.request('POST', '/api/imports/assets', { token: s.admin, body: { a: 1 } });
    expect(json.status).toBe(415);
  });

  it('needs the write permission and all-data scope', async () => {
    const buf = await book(['客户编码', '客户名称', '客户类型', '等级'], [['X1', 'x', 'new', 'C']]);
    expect((await upload('customers', buf, s.users.engineer!.token)).status).toBe(403);
    expect((await upload('customers', buf, s.users.dealer!.token)).status).toBe(403);
  });
});

describe('Excel export', () => {
  it('exports what the user may see, in the import layout', async () => {
    const r = await fetch(`${t.base}/api/exports/assets`, {
      headers: { authorization: `Bearer ${s.admin}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('序列号 *');
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).values).toContain('C1');
    const dealerB = await fetch(`${t.base}/api/exports/customers`, {
      headers: { authorization: `Bearer ${s.users.dealerB!.token}` },
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await dealerB.arrayBuffer());
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
    const tpl = await fetch(`${t.base}/api/imports/templates/customers`, {
      headers: { authorization: `Bearer ${s.admin}` },
    });
    expect(tpl.status).toBe(200);
  });
});

// After the export test, which counts the assets registered so far.
describe('Excel import and the API create by the same rules', () => {
  it('an imported asset is checked and written by the same rules as one created through the API', async () => {
    const token = s.admin;
    const v1 = (
      await t.request('POST', '/api/warranty-policies', {
        token,
        body: {
          name: '装载机质量保证',
          startBasis: 'delivery',
          months: 12,
          hoursLimit: 2000,
          plans: [{ code: 'OLD', months: 18, hoursLimit: 2500 }],
        },
      })
    ).body;
    const model = (
      await t.request('POST', '/api/product-models', {
        token,
        body: { code: 'LW30', name: '装载机', category: '装载机', warrantyPolicyId: v1.id },
      })
    ).body;
    // Editing the policy makes version 2 the current one; the model still points at version 1.
    const v2 = (
      await t.request('PATCH', `/api/warranty-policies/${v1.id}`, {
        token,
        body: { plans: [{ code: 'NEW', months: 24, hoursLimit: 3000 }] },
      })
    ).body;
    expect(v2.id).not.toBe(v1.id);
    const customer = (
      await t.request('POST', '/api/customers', {
        token,
        body: { code: 'CLW', name: '临沂装载', kind: 'new', grade: 'B' },
      })
    ).body;
    const viaApi = (body: Record<string, unknown>) =>
      t.request('POST', '/api/assets', {
        token,
        body: { modelId: model.id, customerId: customer.id, ...body },
      });

    // Through the API: a plan of the superseded version is refused, the current version is taken,
    // and a serial number differing only in case is a duplicate.
    const oldPlan = await viaApi({ serialNo: 'LW-1', plan: 'OLD' });
    expect(oldPlan.status).toBe(400);
    const created = await viaApi({ serialNo: 'LW-1', plan: 'NEW' });
    expect(created.status).toBe(201);
    expect(created.body.warrantyPolicyId).toBe(v2.id);
    const twice = await viaApi({ serialNo: 'lw-1' });
    expect(twice.status).toBe(409);

    // Through an import: the same rows get the same answers, named by the sheet's columns.
    const sheet = await book(
      ['序列号', '型号编码', '客户编码', '保修方案'],
      [
        ['LW-2', 'LW30', 'CLW', 'OLD'],
        ['LW-3', 'LW30', 'CLW', 'NEW'],
        ['lw-1', 'LW30', 'CLW', null],
      ],
    );
    const job = await finished((await upload('assets', sheet)).body.id);
    expect(job).toMatchObject({ status: 'done', imported: 1, failed: 2 });
    expect(job.errors).toEqual([
      { row: 2, field: 'plan', message: 'is not a plan of the warranty policy' },
      { row: 4, field: 'serialNo', message: 'is already registered' },
    ]);
    expect([oldPlan, twice].map((r) => r.body.error.details[0].field)).toEqual(['plan', 'serialNo']);
    const imported = (await t.request('GET', '/api/assets?serialPrefix=LW-3', { token })).body.items[0];
    expect(imported).toMatchObject({ warrantyPolicyId: v2.id, plan: 'NEW', customerId: customer.id });
  });
});
