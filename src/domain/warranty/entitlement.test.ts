// The machine's term: start date, months, hours, plans, weight, attachments, special terms.
// Seed 000 第四篇: 12 months or 2000 h (≤ 13 t: 1500 h), whichever first; plans 12 months
// unlimited or 24 months / 3000 h; hydraulic breaker −500 h. Delivery here: 2024-03-15 (Shanghai).
import { describe, expect, it } from 'vitest';
import { cst, excavatorCase, PLAN_12_UNLIMITED, PLAN_24_3000 } from './entitlement.fixtures.ts';
import { decideEntitlement, type Entitlement } from './entitlement.ts';

type Case = Parameters<typeof excavatorCase>[0];
const decide = (c: Case = {}) => decideEntitlement(excavatorCase(c));
const codes = (e: Entitlement) => e.reasons.map((r) => r.code);
const reason = (e: Entitlement, code: string) => e.reasons.find((r) => r.code === code);

describe('standard term: 12 months or 2000 h', () => {
  it('covers a defect at 800 h half a year after delivery, free', () => {
    const e = decide();
    expect(e).toMatchObject({ inWarranty: true, coverage: 'free', hoursLimit: 2000, quoteRequired: false });
    expect(e.warrantyStart).toEqual(cst('2024-03-15'));
    expect(e.warrantyEnd).toEqual(cst('2025-03-15'));
    expect(codes(e)).toEqual([
      'start_basis',
      'term_by_date',
      'hours_within_limit',
      'report_in_time',
      'cause_defect',
    ]);
    expect(reason(e, 'term_by_date')?.message).toContain('2024-03-15 至 2025-03-14（含），2025-03-15 起过保');
  });

  it('last day in: 2025-03-14 23:59:59.999 Shanghai is covered', () => {
    const e = decide({ query: { at: new Date(cst('2025-03-15').getTime() - 1), reportedAt: null } });
    expect(e.inWarranty).toBe(true);
    expect(e.termEndedBy).toBeNull();
  });

  it('first day out: 2025-03-15 00:00 Shanghai (2025-03-14 16:00 UTC) is not', () => {
    const e = decide({ query: { at: new Date('2025-03-14T16:00:00Z'), reportedAt: null } });
    expect(e).toMatchObject({
      inWarranty: false,
      coverage: 'charged',
      quoteRequired: true,
      termEndedBy: 'date',
    });
    expect(reason(e, 'term_by_date')?.message).toContain('已过保');
    expect(reason(e, 'out_of_warranty_quote')?.clause).toBe('5.4');
  });

  it('counts days in the requested zone: the same instant is still in warranty in UTC', () => {
    const asset = { deliveredAt: new Date('2024-03-15T06:30:00Z') };
    const at = new Date('2025-03-14T16:00:00Z');
    expect(decide({ asset, query: { at, timeZone: 'UTC', reportedAt: null } }).inWarranty).toBe(true);
    expect(decide({ asset, query: { at, reportedAt: null } }).inWarranty).toBe(false);
  });

  it('counts the whole delivery day: a fault earlier on that day is covered', () => {
    const e = decide({ query: { at: cst('2024-03-15 08:00'), hours: 1, reportedAt: null } });
    expect(e.inWarranty).toBe(true);
  });

  it('hours exactly at the limit are reached: 2000 h is out, 1999.9 h is in', () => {
    const out = decide({ query: { hours: 2000 } });
    expect(out).toMatchObject({ inWarranty: false, coverage: 'charged', termEndedBy: 'hours' });
    expect(reason(out, 'hours_limit_reached')?.clause).toBe('第四篇 一.2');
    expect(decide({ query: { hours: 1999.9 } }).inWarranty).toBe(true);
  });

  it('decides on the date alone when hours are unknown, and says so', () => {
    const e = decide({ query: { hours: null } });
    expect(e.inWarranty).toBe(true);
    expect(reason(e, 'hours_unknown')?.message).toContain('运转小时未知');
    expect(e.inputs.hours).toBeNull();
  });
});

describe('operating weight: ≤ 13 t → 1500 h', () => {
  it('applies at exactly 13 t and not above', () => {
    expect(decide({ model: { operatingWeightT: 13 } }).hoursLimit).toBe(1500);
    expect(decide({ model: { operatingWeightT: 13.01 } }).hoursLimit).toBe(2000);
  });

  it('takes a 12 t machine out at 1500 h and keeps it in at 1499 h', () => {
    const out = decide({ model: { operatingWeightT: 12 }, query: { hours: 1500 } });
    expect(out).toMatchObject({ inWarranty: false, termEndedBy: 'hours' });
    expect(reason(out, 'weight_hour_limit')?.message).toContain('1500 h');
    expect(decide({ model: { operatingWeightT: 12 }, query: { hours: 1499 } }).inWarranty).toBe(true);
  });

  it('picks the smallest maxWeightT that still covers the model', () => {
    const policy = {
      weightHourLimits: [
        { maxWeightT: 20, hoursLimit: 1800 },
        { maxWeightT: 13, hoursLimit: 1500 },
      ],
    };
    expect(decide({ policy, model: { operatingWeightT: 10 } }).hoursLimit).toBe(1500);
    expect(decide({ policy, model: { operatingWeightT: 15 } }).hoursLimit).toBe(1800);
    expect(decide({ policy, model: { operatingWeightT: 25 } }).hoursLimit).toBe(2000);
  });

  it('says when the model has no weight', () => {
    const e = decide({ model: { operatingWeightT: null } });
    expect(e.hoursLimit).toBe(2000);
    expect(codes(e)).toContain('weight_unknown');
  });

  it("uses the model's hour override instead of the policy's, still lowered by weight", () => {
    expect(decide({ model: { hoursLimitOverride: 3000 } }).hoursLimit).toBe(3000);
    const small = decide({ model: { hoursLimitOverride: 3000, operatingWeightT: 8 } });
    expect(small.hoursLimit).toBe(1500);
    expect(codes(small)).toEqual(expect.arrayContaining(['model_hours_override', 'weight_hour_limit']));
  });
});

describe('plans chosen at sale', () => {
  it('24 months / 3000 h: in at 2500 h in the second year, out at 3000 h', () => {
    const asset = { plan: PLAN_24_3000 };
    const e = decide({ asset, query: { at: cst('2025-06-01'), hours: 2500, reportedAt: null } });
    expect(e).toMatchObject({ inWarranty: true, hoursLimit: 3000 });
    expect(e.warrantyEnd).toEqual(cst('2026-03-15'));
    expect(reason(e, 'plan_applied')?.clause).toBe('第四篇 二.2');
    expect(decide({ asset, query: { at: cst('2025-06-01'), hours: 3000 } }).inWarranty).toBe(false);
    expect(decide({ asset, query: { at: cst('2026-03-15'), hours: 100 } }).termEndedBy).toBe('date');
  });

  it('12 months unlimited hours: 9000 h is still in, the anniversary is out', () => {
    const asset = { plan: PLAN_12_UNLIMITED };
    const e = decide({ asset, query: { hours: 9000 } });
    expect(e).toMatchObject({ inWarranty: true, hoursLimit: null });
    expect(codes(e)).toContain('hours_unlimited');
    expect(decide({ asset, query: { at: cst('2025-03-15'), hours: 10 } }).inWarranty).toBe(false);
  });

  it('plan plus weight: 24 months / 3000 h on a 12 t machine is lowered to 1500 h', () => {
    const e = decide({ asset: { plan: PLAN_24_3000 }, model: { operatingWeightT: 12 } });
    expect(e.hoursLimit).toBe(1500);
    expect(e.warrantyEnd).toEqual(cst('2026-03-15'));
    expect(e.inputs).toMatchObject({
      termSource: 'plan',
      plan: PLAN_24_3000,
      months: 24,
      weightHourLimit: 1500,
    });
  });

  it('plan plus weight: an unlimited-hours plan stays unlimited, and says why', () => {
    const e = decide({ asset: { plan: PLAN_12_UNLIMITED }, model: { operatingWeightT: 12 } });
    expect(e.hoursLimit).toBeNull();
    expect(codes(e)).toContain('weight_hour_limit_skipped');
  });

  it('an unknown plan code falls back to the standard term and says so', () => {
    const e = decide({ asset: { plan: 'P99' } });
    expect(e.hoursLimit).toBe(2000);
    expect(reason(e, 'plan_unknown')?.message).toContain('P99');
  });
});

describe('attachments: hydraulic breaker −500 h', () => {
  const asset = { attachments: ['hydraulic_breaker'] };

  it('lowers 2000 h to 1500 h, so 1500 h is out', () => {
    const e = decide({ asset, query: { hours: 1500 } });
    expect(e).toMatchObject({ hoursLimit: 1500, inWarranty: false });
    expect(reason(e, 'attachment_reduction')?.message).toContain('hydraulic_breaker');
    expect(e.inputs.hoursReduction).toBe(500);
  });

  it('applies after the weight limit (12 t: 1500 → 1000 h) and after a plan (3000 → 2500 h)', () => {
    expect(decide({ asset, model: { operatingWeightT: 12 } }).hoursLimit).toBe(1000);
    expect(decide({ asset: { ...asset, plan: PLAN_24_3000 } }).hoursLimit).toBe(2500);
  });

  it('cannot shorten an unlimited term, and never goes below 0 h', () => {
    const unlimited = decide({ asset: { ...asset, plan: PLAN_12_UNLIMITED } });
    expect(unlimited.hoursLimit).toBeNull();
    expect(codes(unlimited)).toContain('attachment_reduction_skipped');
    const e = decide({
      asset,
      policy: { attachmentHourReductions: { hydraulic_breaker: 5000 } },
      query: { hours: 0 },
    });
    expect(e).toMatchObject({ hoursLimit: 0, inWarranty: false, termEndedBy: 'hours' });
  });

  it('ignores attachments the policy does not list', () => {
    expect(decide({ asset: { attachments: ['quick_coupler'] } }).hoursLimit).toBe(2000);
  });
});

describe('special terms (special price, second-hand, contract)', () => {
  it('replace months and hours entirely: plan, weight and attachments no longer apply', () => {
    const asset = {
      specialTerms: { months: 6, hoursLimit: 1000 },
      plan: PLAN_24_3000,
      attachments: ['hydraulic_breaker'],
    };
    const model = { operatingWeightT: 12 };
    const e = decide({ asset, model, query: { hours: 900 } });
    expect(e).toMatchObject({ hoursLimit: 1000, inWarranty: true });
    expect(e.warrantyEnd).toEqual(cst('2024-09-15'));
    expect(codes(e).slice(0, 2)).toEqual(['start_basis', 'special_terms']);
    for (const code of ['plan_applied', 'weight_hour_limit', 'attachment_reduction']) {
      expect(codes(e)).not.toContain(code);
    }
    expect(e.inputs.termSource).toBe('special');
    expect(decide({ asset, model, query: { hours: 1000 } }).termEndedBy).toBe('hours');
    expect(decide({ asset, model, query: { at: cst('2024-09-15'), hours: 10 } }).termEndedBy).toBe('date');
  });
});

describe('start of the term', () => {
  it('falls back from delivery to invoice when there is no delivery date', () => {
    const e = decide({ asset: { deliveredAt: null } });
    expect(e.warrantyStart).toEqual(cst('2024-03-10'));
    expect(e.inputs).toMatchObject({ startBasis: 'delivery', startSource: 'invoice' });
    expect(reason(e, 'start_fallback')?.message).toContain('开票');
  });

  it('falls back from acceptance to completion', () => {
    const e = decide({ policy: { startBasis: 'acceptance' }, asset: { completedAt: cst('2024-04-01') } });
    expect(e.warrantyStart).toEqual(cst('2024-04-01'));
    expect(codes(e)).toContain('start_fallback');
  });

  it('uses the completion date when the warranty card never came back [seed 001]', () => {
    const e = decide({
      asset: { deliveredAt: null, completedAt: cst('2024-03-20'), warrantyCardReturnedAt: null },
    });
    expect(e.warrantyStart).toEqual(cst('2024-03-20'));
    expect(reason(e, 'start_completion_no_card')?.clause).toBe('篇三 二.7');
  });

  it('keeps the basis date when it exists, card or not', () => {
    const e = decide({ asset: { completedAt: cst('2024-03-20'), warrantyCardReturnedAt: null } });
    expect(e.warrantyStart).toEqual(cst('2024-03-15'));
  });

  it('without any usable date: out of warranty, charged, quote required', () => {
    const e = decide({ asset: { deliveredAt: null, invoiceAt: null } });
    expect(e).toMatchObject({
      inWarranty: false,
      coverage: 'charged',
      quoteRequired: true,
      warrantyStart: null,
      warrantyEnd: null,
      termEndedBy: 'no_start',
    });
    expect(codes(e)).toEqual(expect.arrayContaining(['start_missing', 'out_of_warranty_quote']));
  });

  it('a fault before the start day is not covered', () => {
    const e = decide({ query: { at: cst('2024-03-14 23:00'), reportedAt: null } });
    expect(e).toMatchObject({ inWarranty: false, termEndedBy: 'before_start' });
  });

  it('gives the customer the whole month when the end date does not exist (31 Jan + 1 month)', () => {
    const asset = { deliveredAt: cst('2024-01-31') };
    const policy = { months: 1 };
    expect(
      decide({ asset, policy, query: { at: cst('2024-02-29 12:00'), reportedAt: null } }).inWarranty,
    ).toBe(true);
    const out = decide({ asset, policy, query: { at: cst('2024-03-01'), reportedAt: null } });
    expect(out.inWarranty).toBe(false);
    expect(out.warrantyEnd).toEqual(cst('2024-03-01'));
  });
});
