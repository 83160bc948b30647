import { describe, expect, it } from 'vitest';
import { parseDate } from '../sla/calendar-spec.ts';
import {
  type RepairRecord,
  type ReturnEligibilityInput,
  returnEligibility,
  validateReturnInput,
} from './return-eligibility.ts';
import { parseYmd } from './return-validate.ts';

/** Instant of a Shanghai wall time, '2026-03-08T10:00'. */
const sh = (local: string) => new Date(`${local}:00+08:00`);

const base = (over: Partial<ReturnEligibilityInput> = {}): ReturnEligibilityInput => ({
  productCategory: 'electronics',
  purchasedAt: '2026-03-01',
  submittedAt: sh('2026-03-08T10:00'),
  requested: 'refund',
  qualityFault: true,
  faultCode: 'E01',
  majorComponent: null,
  goodsComplete: true,
  repairs: [],
  ...over,
});

const decide = (over: Partial<ReturnEligibilityInput> = {}) => returnEligibility(base(over));
const options = (over: Partial<ReturnEligibilityInput> = {}) => decide(over).options;
const codes = (over: Partial<ReturnEligibilityInput> = {}) => decide(over).reasons.map((r) => r.code);
const repair = (local: string, faultCode: string | null = 'E01'): RepairRecord => ({
  at: sh(local),
  faultCode,
});

describe('counting days (starting day not counted, Asia/Shanghai)', () => {
  it('purchase 2026-03-01, submitted 2026-03-08 → day 7', () => {
    const d = decide();
    expect(d.inputs).toMatchObject({
      countedFrom: '2026-03-01',
      countedFromBasis: 'purchasedAt',
      submittedDay: '2026-03-08',
      days: 7,
    });
    expect(d.reasons[0]).toMatchObject({ code: 'days_counted' });
    expect(d.reasons[0]!.message).toContain('第 7 日');
    expect(d.reasons[0]!.messageEn).toContain('day 7');
  });

  it('the day of submittedAt is the Shanghai day, not the UTC day', () => {
    // 2026-03-08 16:30 UTC = 2026-03-09 00:30 Shanghai → day 8
    expect(decide({ submittedAt: new Date('2026-03-08T16:30:00Z') }).inputs.days).toBe(8);
    // 2026-03-08 15:59:59 UTC = 2026-03-08 23:59:59 Shanghai → day 7
    expect(decide({ submittedAt: new Date('2026-03-08T15:59:59Z') }).inputs.days).toBe(7);
    expect(options({ submittedAt: new Date('2026-03-08T15:59:59Z') })).toContain('refund');
    expect(options({ submittedAt: new Date('2026-03-08T16:00:00Z') })).not.toContain('refund');
  });

  it('goods and jewellery count from receivedAt, default purchasedAt', () => {
    const g = decide({ productCategory: 'goods', receivedAt: '2026-03-04' });
    expect(g.inputs).toMatchObject({ countedFrom: '2026-03-04', countedFromBasis: 'receivedAt', days: 4 });
    const j = decide({ productCategory: 'jewellery' });
    expect(j.inputs).toMatchObject({
      countedFrom: '2026-03-01',
      countedFromBasis: 'purchasedAt_default',
      days: 7,
    });
  });

  it('electronics and equipment count from purchasedAt even when receivedAt is given', () => {
    const e = decide({ receivedAt: '2026-03-05' });
    expect(e.inputs).toMatchObject({ countedFrom: '2026-03-01', countedFromBasis: 'purchasedAt', days: 7 });
  });

  it('a request on the purchase day is day 0', () => {
    expect(decide({ submittedAt: sh('2026-03-01T20:00') }).inputs.days).toBe(0);
    expect(options({ submittedAt: sh('2026-03-01T20:00') })).toEqual(['refund', 'exchange', 'repair']);
  });
});

describe('electronics with a quality fault (seed 001 篇四 2.1)–3))', () => {
  it('day 7: refund, exchange, repair', () => {
    const d = decide();
    expect(d.options).toEqual(['refund', 'exchange', 'repair']);
    expect(d.requestedAllowed).toBe(true);
    const refund = d.reasons.find((r) => r.code === 'electronics_refund_within_7_days')!;
    expect(refund.clause).toContain('SPEC 2.8');
    expect(refund.clause).toContain('seed 001 篇四');
    expect(refund.message).toContain('退货');
    expect(refund.messageEn).toContain('refund');
  });

  it('day 8: exchange and repair, no refund', () => {
    const d = decide({ submittedAt: sh('2026-03-09T00:00') });
    expect(d.inputs.days).toBe(8);
    expect(d.options).toEqual(['exchange', 'repair']);
    expect(d.requestedAllowed).toBe(false);
    expect(d.reasons.map((r) => r.code)).toEqual([
      'days_counted',
      'electronics_refund_period_over',
      'electronics_exchange_within_15_days',
      'electronics_repair_within_one_year',
      'electronics_repeat_fault_below_threshold',
      'requested_not_allowed',
    ]);
  });

  it('day 15: exchange and repair; day 16: repair only', () => {
    expect(options({ submittedAt: sh('2026-03-16T23:59') })).toEqual(['exchange', 'repair']);
    expect(options({ submittedAt: sh('2026-03-17T00:00') })).toEqual(['repair']);
    expect(codes({ submittedAt: sh('2026-03-17T00:00') })).toContain('electronics_exchange_period_over');
  });

  it('one year: the same date a year later is still in, the day after is out', () => {
    const last = decide({ submittedAt: sh('2027-03-01T23:59'), requested: 'repair' });
    expect(last.inputs.oneYearLastDay).toBe('2027-03-01');
    expect(last.inputs.days).toBe(365);
    expect(last.options).toEqual(['repair']);
    const after = decide({ submittedAt: sh('2027-03-02T00:00'), requested: 'repair' });
    expect(after.options).toEqual([]);
    expect(after.requestedAllowed).toBe(false);
    expect(after.reasons.map((r) => r.code)).toEqual([
      'days_counted',
      'electronics_beyond_one_year',
      'requested_not_allowed',
    ]);
  });

  it('leap year: a year spanning 29 Feb has 366 days', () => {
    const d = decide({ purchasedAt: '2023-03-01', submittedAt: sh('2024-03-01T12:00') });
    expect(d.inputs.days).toBe(366);
    expect(d.options).toEqual(['repair']);
    expect(options({ purchasedAt: '2023-03-01', submittedAt: sh('2024-03-02T00:00') })).toEqual([]);
  });

  it('leap year: bought on 29 Feb, the year ends on 28 Feb', () => {
    const d = decide({ purchasedAt: '2024-02-29', submittedAt: sh('2025-02-28T12:00') });
    expect(d.inputs.oneYearLastDay).toBe('2025-02-28');
    expect(d.options).toEqual(['repair']);
    expect(options({ purchasedAt: '2024-02-29', submittedAt: sh('2025-03-01T00:00') })).toEqual([]);
  });

  it('two earlier repairs of the same fault within the year → replacement', () => {
    const d = decide({
      submittedAt: sh('2026-09-01T10:00'),
      requested: 'replacement',
      repairs: [repair('2026-05-01T10:00'), repair('2026-07-01T10:00')],
    });
    expect(d.options).toEqual(['repair', 'replacement']);
    expect(d.requestedAllowed).toBe(true);
    expect(d.inputs).toMatchObject({ repairsCounted: 2, repairsNeeded: 2 });
    expect(d.inputs.repairWindow!.from.toISOString()).toBe(sh('2026-03-01T00:00').toISOString());
    expect(d.reasons.map((r) => r.code)).toContain('electronics_replacement_repeat_fault');
  });

  it('within the first 15 days, two earlier repairs add replacement to the rest', () => {
    const d = decide({ repairs: [repair('2026-03-02T10:00'), repair('2026-03-05T10:00')] });
    expect(d.options).toEqual(['refund', 'exchange', 'repair', 'replacement']);
  });

  it('one earlier repair of the same fault is not enough', () => {
    const d = decide({ submittedAt: sh('2026-09-01T10:00'), repairs: [repair('2026-05-01T10:00')] });
    expect(d.options).toEqual(['repair']);
    expect(d.inputs.repairsCounted).toBe(1);
    expect(d.reasons.find((r) => r.code === 'electronics_repeat_fault_below_threshold')!.message).toContain(
      '已修理 1 次',
    );
  });

  it('repairs of a different fault do not count', () => {
    const d = decide({
      submittedAt: sh('2026-09-01T10:00'),
      repairs: [
        repair('2026-05-01T10:00', 'E02'),
        repair('2026-07-01T10:00', 'E02'),
        repair('2026-08-01T10:00'),
      ],
    });
    expect(d.options).toEqual(['repair']);
    expect(d.inputs.repairsCounted).toBe(1);
  });

  it('repairs outside the window (before purchase, at or after the request) do not count', () => {
    const d = decide({
      submittedAt: sh('2026-09-01T10:00'),
      repairs: [
        repair('2026-02-28T23:59'), // before the purchase day
        repair('2026-09-01T10:00'), // at the request: not earlier
        repair('2026-10-01T10:00'), // later
        repair('2026-03-01T00:00'), // the purchase day itself counts
      ],
    });
    expect(d.inputs.repairsCounted).toBe(1);
    expect(d.options).toEqual(['repair']);
  });

  it('two repairs but past the year → nothing', () => {
    const d = decide({
      submittedAt: sh('2027-03-02T10:00'),
      repairs: [repair('2026-05-01T10:00'), repair('2026-07-01T10:00')],
    });
    expect(d.options).toEqual([]);
  });

  it('no fault code: repairs cannot be counted, no replacement', () => {
    const d = decide({
      faultCode: null,
      submittedAt: sh('2026-09-01T10:00'),
      repairs: [repair('2026-05-01T10:00', null), repair('2026-07-01T10:00', null)],
    });
    expect(d.options).toEqual(['repair']);
    expect(d.reasons.map((r) => r.code)).toContain('fault_code_missing');
  });

  it('without a quality fault no 三包 remedy applies (SPEC silent; national rules: performance faults)', () => {
    const d = decide({ qualityFault: false });
    expect(d.options).toEqual([]);
    expect(d.reasons.map((r) => r.code)).toEqual([
      'days_counted',
      'electronics_no_quality_fault',
      'requested_not_allowed',
    ]);
  });
});

describe('goods (retail, seed 000 第三篇)', () => {
  const goods = (over: Partial<ReturnEligibilityInput> = {}) =>
    decide({ productCategory: 'goods', receivedAt: '2026-03-01', faultCode: null, ...over });

  it('quality fault, day 7, complete: refund and exchange', () => {
    const d = goods();
    expect(d.options).toEqual(['refund', 'exchange']);
    expect(d.reasons.find((r) => r.code === 'retail_refund_within_7_days')!.clause).toContain(
      'seed 000 第三篇',
    );
  });

  it('quality fault, day 8: exchange; day 15: exchange; day 16: neither', () => {
    expect(goods({ submittedAt: sh('2026-03-09T08:00') }).options).toEqual(['exchange']);
    expect(goods({ submittedAt: sh('2026-03-16T23:59') }).options).toEqual(['exchange']);
    const d16 = goods({ submittedAt: sh('2026-03-17T00:00') });
    expect(d16.options).toEqual([]);
    expect(d16.reasons.map((r) => r.code)).toContain('retail_period_over');
  });

  it('incomplete goods: neither refund nor exchange, at any day', () => {
    for (const at of ['2026-03-02T10:00', '2026-03-08T10:00', '2026-03-12T10:00']) {
      const d = goods({ goodsComplete: false, submittedAt: sh(at) });
      expect(d.options).toEqual([]);
      expect(d.reasons.map((r) => r.code)).toContain('goods_incomplete');
    }
  });

  it('days count from receivedAt: bought 1 Mar, received 5 Mar, asked 12 Mar → day 7, refund', () => {
    const d = goods({ receivedAt: '2026-03-05', submittedAt: sh('2026-03-12T10:00') });
    expect(d.inputs.days).toBe(7);
    expect(d.options).toEqual(['refund', 'exchange']);
  });

  it('without a fault (SPEC silent): 7-day return of complete goods, no exchange', () => {
    expect(goods({ qualityFault: false }).options).toEqual(['refund']);
    expect(goods({ qualityFault: false, submittedAt: sh('2026-03-09T00:00') }).options).toEqual([]);
    expect(goods({ qualityFault: false, goodsComplete: false }).options).toEqual([]);
    const ex = goods({ qualityFault: false, requested: 'exchange' });
    expect(ex.requestedAllowed).toBe(false);
    expect(ex.reasons.map((r) => r.code)).toContain('goods_no_fault_no_exchange');
  });

  it('repair and replacement are not remedies of the return rules for goods', () => {
    const d = goods({ requested: 'repair' });
    expect(d.requestedAllowed).toBe(false);
    expect(d.reasons.map((r) => r.code)).toContain('remedy_not_offered_for_category');
  });
});

describe('jewellery', () => {
  const jewel = (over: Partial<ReturnEligibilityInput> = {}) =>
    decide({ productCategory: 'jewellery', receivedAt: '2026-03-01', faultCode: null, ...over });

  it('without a quality fault: neither refund nor exchange, even on day 0 and complete', () => {
    const d = jewel({ qualityFault: false, submittedAt: sh('2026-03-01T12:00') });
    expect(d.options).toEqual([]);
    expect(d.reasons.map((r) => r.code)).toEqual([
      'days_counted',
      'jewellery_no_quality_fault',
      'requested_not_allowed',
    ]);
    expect(jewel({ qualityFault: false, requested: 'exchange' }).requestedAllowed).toBe(false);
  });

  it('with a quality fault (SPEC silent): the retail windows, a test report noted', () => {
    const d = jewel();
    expect(d.options).toEqual(['refund', 'exchange']);
    expect(d.reasons.map((r) => r.code)).toContain('jewellery_test_report');
    expect(jewel({ submittedAt: sh('2026-03-10T10:00') }).options).toEqual(['exchange']);
    expect(jewel({ goodsComplete: false }).options).toEqual([]);
  });
});

describe('equipment (seed 000 第四篇 一.3–一.4)', () => {
  const inWarranty = {
    inWarranty: true,
    warrantyStart: sh('2026-01-10T00:00'),
    warrantyEnd: sh('2027-01-10T00:00'),
  };
  const equip = (over: Partial<ReturnEligibilityInput> = {}) =>
    decide({
      productCategory: 'equipment',
      purchasedAt: '2026-01-10',
      submittedAt: sh('2026-09-01T10:00'),
      requested: 'replacement',
      faultCode: 'HYD-07',
      majorComponent: 'main_pump',
      warranty: inWarranty,
      ...over,
    });
  const hyd = (local: string, code = 'HYD-07') => repair(local, code);

  it('within the warranty: repair', () => {
    const d = equip({ requested: 'repair', majorComponent: null });
    expect(d.options).toEqual(['repair']);
    expect(d.requestedAllowed).toBe(true);
    expect(d.inputs.warranty).toEqual(inWarranty);
  });

  it('three earlier repairs of the same fault on a major component → replacement of the component', () => {
    const d = equip({ repairs: [hyd('2026-03-01T10:00'), hyd('2026-05-01T10:00'), hyd('2026-07-01T10:00')] });
    expect(d.options).toEqual(['repair', 'replacement']);
    expect(d.requestedAllowed).toBe(true);
    expect(d.inputs).toMatchObject({ repairsCounted: 3, repairsNeeded: 3 });
    const r = d.reasons.find((x) => x.code === 'equipment_component_replacement')!;
    expect(r.clause).toContain('seed 000 第四篇 一.4');
  });

  it('two repairs of the same fault are not enough', () => {
    const d = equip({ repairs: [hyd('2026-03-01T10:00'), hyd('2026-05-01T10:00')] });
    expect(d.options).toEqual(['repair']);
    expect(d.reasons.map((r) => r.code)).toContain('equipment_repeat_fault_below_threshold');
  });

  it('repairs of a different fault or outside the warranty do not count', () => {
    const d = equip({
      repairs: [
        hyd('2026-01-09T23:59'), // before the warranty start
        hyd('2026-03-01T10:00'),
        hyd('2026-05-01T10:00', 'ENG-01'),
        hyd('2026-07-01T10:00'),
      ],
    });
    expect(d.inputs.repairsCounted).toBe(2);
    expect(d.options).toEqual(['repair']);
  });

  it('three repairs but no major component: repair only', () => {
    const d = equip({
      majorComponent: null,
      repairs: [hyd('2026-03-01T10:00'), hyd('2026-05-01T10:00'), hyd('2026-07-01T10:00')],
    });
    expect(d.options).toEqual(['repair']);
    expect(d.reasons.map((r) => r.code)).toContain('equipment_not_major_component');
  });

  it('out of warranty: no 三包 remedy', () => {
    const d = equip({
      submittedAt: sh('2027-01-10T10:00'),
      warranty: { ...inWarranty, inWarranty: false },
      repairs: [hyd('2026-03-01T10:00'), hyd('2026-05-01T10:00'), hyd('2026-07-01T10:00')],
    });
    expect(d.options).toEqual([]);
    expect(d.reasons.map((r) => r.code)).toContain('equipment_out_of_warranty');
    expect(d.reasons.find((r) => r.code === 'equipment_out_of_warranty')!.message).toContain(
      '2026-01-10 至 2027-01-09',
    );
  });

  it('warranty not known: no remedy, says so', () => {
    const d = equip({ warranty: null });
    expect(d.options).toEqual([]);
    expect(d.reasons.map((r) => r.code)).toContain('equipment_warranty_unknown');
  });

  it('a refund is left to people (very serious cases)', () => {
    const d = equip({ requested: 'refund' });
    expect(d.requestedAllowed).toBe(false);
    expect(d.reasons.map((r) => r.code)).toContain('equipment_refund_case_by_case');
  });

  it('takes the Entitlement decision as it is', () => {
    const entitlement = {
      ...inWarranty,
      coverage: 'free' as const,
      hoursLimit: 2000,
      reasons: [],
    };
    expect(equip({ warranty: entitlement, requested: 'repair' }).options).toEqual(['repair']);
  });
});

describe('every reason has a stable code, a clause and both languages', () => {
  it('over a sweep of inputs', () => {
    const categories = ['electronics', 'goods', 'jewellery', 'equipment'] as const;
    for (const productCategory of categories)
      for (const qualityFault of [true, false])
        for (const goodsComplete of [true, false])
          for (const day of [0, 7, 8, 15, 16, 200, 400]) {
            const submittedAt = new Date(sh('2026-03-01T10:00').getTime() + day * 86_400_000);
            const d = decide({
              productCategory,
              qualityFault,
              goodsComplete,
              submittedAt,
              majorComponent: productCategory === 'equipment' ? 'engine' : null,
              warranty: { inWarranty: day < 365, warrantyStart: sh('2026-03-01T00:00'), warrantyEnd: null },
            });
            for (const r of d.reasons) {
              expect(r.code).toMatch(/^[a-z0-9_]+$/);
              expect(r.clause).toBeTruthy();
              expect(r.message).toBeTruthy();
              expect(r.messageEn).toBeTruthy();
            }
            expect(d.requestedAllowed).toBe(d.options.includes('refund'));
          }
  });
});

describe('validateReturnInput', () => {
  it('names the field of each problem', () => {
    const fields = (over: Partial<ReturnEligibilityInput>) =>
      validateReturnInput(base(over)).map((i) => i.field);
    expect(fields({})).toEqual([]);
    expect(fields({ productCategory: 'toys' as never })).toEqual(['productCategory']);
    expect(fields({ requested: 'cash' as never })).toEqual(['requested']);
    expect(fields({ majorComponent: 'bucket' as never })).toEqual(['majorComponent']);
    expect(fields({ purchasedAt: '2026-02-30' })).toEqual(['purchasedAt']);
    expect(fields({ receivedAt: '2026-02-28' })).toEqual(['receivedAt']);
    expect(fields({ receivedAt: 'soon' })).toEqual(['receivedAt']);
    expect(fields({ submittedAt: sh('2026-02-28T23:59') })).toEqual(['submittedAt']);
    expect(fields({ submittedAt: new Date('x') })).toEqual(['submittedAt']);
    expect(fields({ productCategory: 'goods', receivedAt: '2026-03-10' })).toEqual(['submittedAt']);
    expect(fields({ repairs: [{ at: new Date('x'), faultCode: 'E01' }] })).toEqual(['repairs[0].at']);
    expect(fields({ timeZone: 'Mars/Base' })).toEqual(['timeZone']);
  });

  it('returnEligibility throws on input that fails validation', () => {
    expect(() => decide({ purchasedAt: 'yesterday' })).toThrow(RangeError);
  });
});

describe('parseYmd (the fast date parse of the rule)', () => {
  it('agrees with calendar-spec parseDate on real, impossible and malformed dates', () => {
    const samples = [
      '2026-03-01',
      '2024-02-29',
      '2025-02-29',
      '2000-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-12-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '2026/01/01',
      '20260101',
      'abcd-ef-gh',
      '',
    ];
    for (let d = 0; d < 800; d += 7)
      samples.push(new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    for (const s of samples) expect(parseYmd(s), s).toBe(parseDate(s));
    expect(parseYmd(undefined)).toBeNull();
  });
});
