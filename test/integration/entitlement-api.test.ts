import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let policy: { id: string };
let model13: { id: string };
let model20: { id: string };
let customer: { id: string };

const ent = async (assetId: string, query: string, token = s.admin) => {
  const r = await t.request('GET', `/api/assets/${assetId}/entitlement?${query}`, { token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

beforeAll(async () => {
  t = await startTestApp({ start: new Date('2026-06-01T02:00:00Z') });
  s = await seedOrg(t);
  // 第四篇: one year or 2000 h, ≤ 13 t → 1500 h; plans; breaker −500 h.
  const p = await t.request('POST', '/api/warranty-policies', {
    token: s.admin,
    body: {
      name: '挖掘机质量保证',
      startBasis: 'delivery',
      months: 12,
      hoursLimit: 2000,
      plans: [
        { code: 'P12U', months: 12, hoursLimit: null },
        { code: 'P24', months: 24, hoursLimit: 3000 },
      ],
      weightHourLimits: [{ maxWeightT: 13, hoursLimit: 1500 }],
      attachmentHourReductions: { hydraulic_breaker: 500 },
      partMonths: 12,
    },
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  policy = p.body;
  const mk = async (code: string, weight: number) =>
    (
      await t.request('POST', '/api/product-models', {
        token: s.admin,
        body: {
          code,
          name: code,
          category: 'excavator',
          operatingWeightT: weight,
          warrantyPolicyId: policy.id,
          hoursLimitOverride: null,
          wearParts: ['BUCKET_TOOTH'],
          consumables: ['OIL_FILTER'],
        },
      })
    ).body;
  model13 = await mk('DX130', 13);
  model20 = await mk('DX200', 20.5);
  customer = (
    await t.request('POST', '/api/customers', {
      token: s.admin,
      body: { name: '徐州建工', kind: 'existing', grade: 'A', dealerId: s.dealerA.id },
    })
  ).body;
});
afterAll(() => t.close());

const newAsset = async (body: Record<string, unknown>) => {
  const r = await t.request('POST', '/api/assets', {
    token: s.admin,
    body: {
      modelId: model20.id,
      customerId: customer.id,
      deliveredAt: '2026-01-10',
      invoiceAt: null,
      acceptedAt: null,
      completedAt: null,
      plan: null,
      attachments: [],
      specialTerms: null,
      ...body,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};

describe('SPEC §4 warranty endpoints', () => {
  it('standard term: 12 months from delivery, 2000 h, whichever first', async () => {
    const a = await newAsset({ serialNo: 'DX200-0001' });
    const inside = await ent(a.id, 'at=2026-05-01T08:00:00%2B08:00&hours=1200&cause=defect');
    expect(inside).toMatchObject({ inWarranty: true, coverage: 'free', hoursLimit: 2000 });
    expect(inside.warrantyStart).toBe('2026-01-09T16:00:00.000Z');
    expect(inside.warrantyEnd).toBe('2027-01-09T16:00:00.000Z');
    expect(inside.reasons.length).toBeGreaterThan(0);
    for (const r of inside.reasons)
      expect(r).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const hoursOut = await ent(a.id, 'at=2026-05-01&hours=2000&cause=defect');
    expect(hoursOut).toMatchObject({ inWarranty: false, coverage: 'charged', quoteRequired: true });
    const dateOut = await ent(a.id, 'at=2027-01-10&hours=100&cause=defect');
    expect(dateOut.inWarranty).toBe(false);
    const lastDay = await ent(a.id, 'at=2027-01-09T23:59:00%2B08:00&hours=100&cause=defect');
    expect(lastDay.inWarranty).toBe(true);
  });

  it('≤ 13 t model → 1500 h; 24-month plan; breaker −500 h', async () => {
    const small = await newAsset({ serialNo: 'DX130-0001', modelId: model13.id });
    expect((await ent(small.id, 'at=2026-05-01&hours=1499&cause=defect')).inWarranty).toBe(true);
    expect((await ent(small.id, 'at=2026-05-01&hours=1500&cause=defect')).inWarranty).toBe(false);
    const plan = await newAsset({ serialNo: 'DX200-P24', plan: 'P24' });
    const p = await ent(plan.id, 'at=2027-06-01&hours=2500&cause=defect');
    expect(p).toMatchObject({ inWarranty: true, hoursLimit: 3000 });
    const breaker = await newAsset({ serialNo: 'DX200-BRK', attachments: ['hydraulic_breaker'] });
    expect((await ent(breaker.id, 'at=2026-05-01&hours=1600&cause=defect')).hoursLimit).toBe(1500);
  });

  it('cause, wear parts and the reporting rule decide who pays', async () => {
    const a = await newAsset({ serialNo: 'DX200-0002' });
    expect((await ent(a.id, 'at=2026-05-01&hours=100&cause=customer')).coverage).toBe('cost');
    expect((await ent(a.id, 'at=2026-05-01&hours=100&cause=defect&partCode=BUCKET_TOOTH')).coverage).toBe(
      'cost',
    );
    expect((await ent(a.id, 'at=2026-05-01&hours=100&cause=force_majeure')).coverage).toBe('charged');
    const late = await ent(
      a.id,
      'at=2026-05-01T10:00:00%2B08:00&hours=100&cause=unknown&partCode=PUMP&reportedAt=2026-05-04T09:00:00%2B08:00&evidence=false',
    );
    expect(late.coverage).toBe('cost');
    expect(late.reasons.map((r: { code: string }) => r.code)).toContain('late_report');
    const nextDay = await ent(
      a.id,
      'at=2026-05-01T10:00:00%2B08:00&hours=100&cause=unknown&partCode=PUMP&reportedAt=2026-05-02T18:00:00%2B08:00&evidence=true',
    );
    expect(nextDay.coverage).toBe('free');
  });

  it('meter readings, replaced parts and GPS tampering', async () => {
    const a = await newAsset({ serialNo: 'DX200-0003' });
    expect(
      (
        await t.request('POST', `/api/assets/${a.id}/meter-readings`, {
          token: s.admin,
          body: { hours: 800, readAt: '2026-04-01T08:00:00+08:00' },
        })
      ).status,
    ).toBe(201);
    const back = await t.request('POST', `/api/assets/${a.id}/meter-readings`, {
      token: s.admin,
      body: { hours: 700, readAt: '2026-05-01T08:00:00+08:00' },
    });
    expect(back.status).toBe(400);
    expect(back.body.error.details[0].field).toBe('hours');
    const neg = await t.request('POST', `/api/assets/${a.id}/meter-readings`, {
      token: s.admin,
      body: { hours: -1, readAt: '2026-05-01' },
    });
    expect(neg.status).toBe(400);
    // No hours given: the reading before the date is used, and the reasons say so.
    const byReading = await ent(a.id, 'at=2026-04-15&cause=defect');
    expect(byReading.reasons[0].code).toBe('hours_from_reading');

    expect(
      (
        await t.request('POST', `/api/assets/${a.id}/events`, {
          token: s.admin,
          body: { kind: 'part_replaced', at: '2026-12-20', partCode: 'MAIN_PUMP' },
        })
      ).status,
    ).toBe(201);
    const part = await ent(a.id, 'at=2027-06-01&hours=1500&cause=defect&partCode=MAIN_PUMP');
    expect(part.inWarranty).toBe(true);
    expect(part.partWarranty).toMatchObject({ partCode: 'MAIN_PUMP', inWarranty: true });
    const missingPart = await t.request('POST', `/api/assets/${a.id}/events`, {
      token: s.admin,
      body: { kind: 'part_replaced', at: '2026-12-20' },
    });
    expect(missingPart.status).toBe(400);

    expect(
      (
        await t.request('POST', `/api/assets/${a.id}/events`, {
          token: s.admin,
          body: { kind: 'gps_tamper', at: '2026-05-10' },
        })
      ).status,
    ).toBe(201);
    const voided = await ent(a.id, 'at=2026-06-01&hours=900&cause=defect');
    expect(voided.inWarranty).toBe(false);
    expect(voided.reasons.map((r: { code: string }) => r.code)).toContain('gps_tamper_void');
  });

  it('a policy edit creates a new version; sold assets keep theirs', async () => {
    const before = await newAsset({ serialNo: 'DX200-V1' });
    const v2 = await t.request('PATCH', `/api/warranty-policies/${policy.id}`, {
      token: s.admin,
      body: { months: 18 },
    });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    const stale = await t.request('PATCH', `/api/warranty-policies/${policy.id}`, {
      token: s.admin,
      body: { months: 24 },
    });
    expect(stale.status).toBe(409);
    const after = await newAsset({ serialNo: 'DX200-V2' });
    expect(after.warrantyPolicyId).toBe(v2.body.id);
    expect((await ent(before.id, 'at=2027-03-01&hours=100&cause=defect')).inWarranty).toBe(false);
    expect((await ent(after.id, 'at=2027-03-01&hours=100&cause=defect')).inWarranty).toBe(true);
  });

  it('bad input gets a clear 4xx', async () => {
    const a = await newAsset({ serialNo: 'DX200-BAD' });
    const badDate = await t.request('GET', `/api/assets/${a.id}/entitlement?at=2026-13-45`, {
      token: s.admin,
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details[0].field).toBe('querystring.at');
    const badHours = await t.request('GET', `/api/assets/${a.id}/entitlement?hours=-5`, { token: s.admin });
    expect(badHours.body.error.details[0].field).toBe('querystring.hours');
    const unknown = await t.request('GET', '/api/assets/00000000-0000-4000-8000-000000000001/entitlement', {
      token: s.admin,
    });
    expect(unknown.status).toBe(404);
    const dup = await t.request('POST', '/api/assets', {
      token: s.admin,
      body: { serialNo: 'dx200-bad', modelId: model20.id, customerId: customer.id },
    });
    expect(dup.status).toBe(409);
    const plan = await t.request('POST', '/api/assets', {
      token: s.admin,
      body: { serialNo: 'X1', modelId: model20.id, customerId: customer.id, plan: 'NOPE' },
    });
    expect(plan.body.error.details[0].field).toBe('plan');
    const noModel = await t.request('POST', '/api/assets', {
      token: s.admin,
      body: { serialNo: 'X2', modelId: '00000000-0000-4000-8000-000000000001', customerId: customer.id },
    });
    expect(noModel.body.error.details[0].field).toBe('modelId');
    const badKind = await t.request('POST', '/api/customers', {
      token: s.admin,
      body: { name: 'x', kind: 'vip', grade: 'E' },
    });
    expect(badKind.status).toBe(400);
  });

  it('dealers see only their customers and assets; customers nothing', async () => {
    const a = await newAsset({ serialNo: 'DX200-SCOPE' });
    expect((await t.request('GET', `/api/assets/${a.id}`, { token: s.users.dealer!.token })).status).toBe(
      200,
    );
    expect((await t.request('GET', `/api/assets/${a.id}`, { token: s.users.dealerB!.token })).status).toBe(
      404,
    );
    expect(
      (await t.request('GET', `/api/assets/${a.id}/entitlement`, { token: s.users.dealerB!.token })).status,
    ).toBe(404);
    expect((await t.request('GET', '/api/customers', { token: s.users.dealerB!.token })).body.total).toBe(0);
    expect(
      (await t.request('GET', '/api/assets?serialPrefix=DX', { token: s.users.dealerB!.token })).body.total,
    ).toBe(0);
    expect(
      (await t.request('GET', '/api/assets?serialPrefix=dx200-s', { token: s.users.dealer!.token })).body
        .total,
    ).toBe(1);
    // A dealer cannot register a unit for another dealer's customer.
    const other = await t.request('POST', '/api/assets', {
      token: s.users.dealerB!.token,
      body: { serialNo: 'B-1', modelId: model20.id, customerId: customer.id },
    });
    expect(other.status).toBe(400);
    expect(other.body.error.details[0].field).toBe('customerId');
    expect((await t.request('GET', '/api/assets', { token: s.users.customer!.token })).body.total).toBe(0);
  });
});

describe('software service tiers', () => {
  it('shows the free items and the 15 % annual fee after the first year', async () => {
    const p = await t.request('POST', '/api/warranty-policies', {
      token: s.admin,
      body: {
        name: '软件产品售后服务政策',
        startBasis: 'invoice',
        months: 12,
        hoursLimit: null,
        serviceTiers: {
          lifetimeFree: ['回访', '咨询'],
          firstYearFree: ['现场初始化指导'],
          annualFeeRate: 0.15,
        },
      },
    });
    const m = await t.request('POST', '/api/product-models', {
      token: s.admin,
      body: {
        code: 'MES-STD',
        name: 'MES 标准版',
        category: 'software',
        warrantyPolicyId: p.body.id,
        listPriceFen: 20_000_000,
      },
    });
    const a = await t.request('POST', '/api/assets', {
      token: s.admin,
      body: { serialNo: 'LIC-0001', modelId: m.body.id, customerId: customer.id, invoiceAt: '2026-02-01' },
    });
    const later = await ent(a.body.id, 'at=2027-03-01');
    expect(later.serviceTiers).toMatchObject({
      inFirstYear: false,
      annualFeeFen: 3_000_000,
      lifetimeFree: ['回访', '咨询'],
    });
    expect((await ent(a.body.id, 'at=2026-06-01')).serviceTiers.inFirstYear).toBe(true);
  });
});
