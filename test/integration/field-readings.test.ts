import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 11, item 8: an hour-meter reading taken on a work order follows the asset's reading rules
// (never below its last reading, never negative), goes into the asset's reading history, and the
// work order's entitlement is made on the validated reading only.
let t: TestApp;
let admin: string;
let asset: string;
let order: { id: string; version: number; number: string };

const act = (method: string, path: string, body?: unknown) => t.request(method, path, { token: admin, body });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const policy = await act('POST', '/api/warranty-policies', {
    name: '整机三包',
    startBasis: 'delivery',
    months: 24,
    hoursLimit: 2000,
  });
  const model = await act('POST', '/api/product-models', {
    code: 'DX75',
    name: 'DX75 挖掘机',
    category: 'excavator',
    warrantyPolicyId: policy.body.id,
  });
  const c = await act('POST', '/api/customers', { name: '宜兴土方', kind: 'existing', grade: 'B' });
  const a = await act('POST', '/api/assets', {
    serialNo: 'DX75-2310',
    modelId: model.body.id,
    customerId: c.body.id,
    deliveredAt: '2025-09-01',
  });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  asset = a.body.id;
  const reading = await act('POST', `/api/assets/${asset}/meter-readings`, {
    hours: 2310,
    readAt: '2026-02-20T08:00:00+08:00',
  });
  expect(reading.status, JSON.stringify(reading.body)).toBe(201);
  const tk = await act('POST', '/api/tickets', {
    customerId: c.body.id,
    assetId: asset,
    channel: 'phone',
    type: 'repair',
    description: '主泵漏油',
  });
  expect(tk.status).toBe(201);
  const wo = await act('POST', `/api/tickets/${tk.body.id}/work-orders`, { task: '现场检修主泵' });
  expect(wo.status, JSON.stringify(wo.body)).toBe(201);
  order = wo.body;
});
afterAll(() => t.close());

const diagnose = (meterHours: unknown, headers?: Record<string, string>) =>
  t.request('PUT', `/api/work-orders/${order.id}/diagnosis`, {
    token: admin,
    headers,
    body: { version: order.version, cause: 'defect', diagnosis: '主泵柱塞磨损', meterHours },
  });

describe('readings taken on a work order', () => {
  it('a negative reading is a 400 on meterHours, not 0 h', async () => {
    const r = await diagnose(-5);
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toEqual(['meterHours']);
  });

  it('a reading below the asset’s last one is refused and the entitlement is not re-made', async () => {
    const r = await diagnose(0, { 'accept-language': 'en' });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([
      {
        field: 'meterHours',
        label: expect.any(String),
        message: expect.stringMatching(/below the earlier reading of 2310 h/),
      },
    ]);
    const edit = await act('PATCH', `/api/work-orders/${order.id}`, {
      version: order.version,
      meterHours: 100,
    });
    expect(edit.status).toBe(400);
    const now = await act('GET', `/api/work-orders/${order.id}`);
    expect(now.body.version).toBe(order.version);
    expect(now.body.meterHours).toBeNull();
    const history = await act('GET', `/api/assets/${asset}/meter-readings`);
    expect(history.body.items.map((x: { hours: number }) => x.hours)).toEqual([2310]);
  });

  it('a valid reading goes into the asset’s history and decides the entitlement', async () => {
    const r = await diagnose(2450);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    order = r.body;
    expect(order).toMatchObject({ meterHours: 2450 });
    // 2450 h is over the policy's 2000 h: the repair is not free.
    expect(r.body.entitlement).toMatchObject({ inWarranty: false });
    const history = await act('GET', `/api/assets/${asset}/meter-readings`);
    expect(history.body.items[0]).toMatchObject({ hours: 2450, source: `work_order:${order.number}` });
    const a = await act('GET', `/api/assets/${asset}`);
    expect(a.body.latestHours).toBe(2450);
    // Saving the diagnosis again with the same reading adds no second history row.
    const again = await diagnose(2450);
    expect(again.status).toBe(200);
    order = again.body;
    expect((await act('GET', `/api/assets/${asset}/meter-readings`)).body.items).toHaveLength(2);
  });
});
