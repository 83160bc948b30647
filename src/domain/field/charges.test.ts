import { describe, expect, it } from 'vitest';
import {
  type ChargeInput,
  type ChargeLine,
  type ChargePart,
  computeCharges,
  type PriceTerms,
} from './charges.ts';
import { mulDivRound } from './money.ts';

const costList: PriceTerms = {
  id: 'pl-cost',
  code: 'WP-2021',
  name: '三包期内非三包收费',
  labourRateFen: 8_000,
  travelPerKmFen: 150,
  travelFlatFen: 5_000,
  partsBasis: 'list',
  partsMarkupBp: 2_000,
  taxRateBp: 600,
};
const marketList: PriceTerms = {
  id: 'pl-market',
  code: 'V1-2021',
  name: '市场服务收费',
  labourRateFen: 12_000,
  travelPerKmFen: 300,
  travelFlatFen: 10_000,
  partsBasis: 'list',
  partsMarkupBp: 1_000,
  taxRateBp: 1_300,
};
const reason = { code: 'cause_defect', clause: '4.1.4', message: '缺陷', messageEn: 'defect' };
const part = (over: Partial<ChargePart>): ChargePart => ({
  lineId: 'p1',
  partCode: 'F-100',
  partName: '滤芯',
  quantity: 1,
  costFen: 1_000,
  listFen: 1_500,
  coverage: 'free',
  reasons: [],
  ...over,
});
const input = (over: Partial<ChargeInput>): ChargeInput => ({
  job: { coverage: 'free', reasons: [reason] },
  labourMinutes: 0,
  travelKm: 0,
  parts: [],
  priceLists: { cost: costList, charged: marketList },
  ...over,
});

describe('mulDivRound', () => {
  it('rounds half up exactly', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1);
    expect(mulDivRound(1, 1, 3)).toBe(0);
    expect(mulDivRound(2, 1, 3)).toBe(1);
    expect(mulDivRound(9_000_000_000_001, 61, 60)).toBe(9_150_000_000_001);
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRound(-1, 1, 1)).toThrow(RangeError);
  });
});

describe('computeCharges', () => {
  it('splits free, cost and charged lines between company and customer', () => {
    const c = computeCharges(
      input({
        job: { coverage: 'free', reasons: [reason] },
        labourMinutes: 90,
        travelKm: 40,
        parts: [
          part({ lineId: 'a', coverage: 'free', quantity: 2 }),
          part({ lineId: 'b', coverage: 'cost', quantity: 3, costFen: 700, listFen: 900 }),
          part({ lineId: 'c', coverage: 'charged', quantity: 2, costFen: 700, listFen: 1_000 }),
        ],
      }),
    );
    const [labour, travel, a, b, ch] = c.lines as [
      ChargeLine,
      ChargeLine,
      ChargeLine,
      ChargeLine,
      ChargeLine,
    ];
    // Free labour/travel are valued at the cost list for the company's cost.
    expect(labour).toMatchObject({
      kind: 'labour',
      quantity: 90,
      unit: 'min',
      unitFen: 8_000,
      amountFen: 12_000,
    });
    expect(labour).toMatchObject({ customerFen: 0, payer: 'company', priceListCode: 'WP-2021' });
    expect(labour.reasons.map((r) => r.code)).toEqual(['cause_defect', 'payer_company']);
    expect(labour.reasons[1]!.clause).toBe('4.1');
    expect(travel).toMatchObject({ amountFen: 5_000 + 150 * 40, customerFen: 0, payer: 'company' });
    expect(a).toMatchObject({ ref: 'a', amountFen: 2_000, customerFen: 0, priceListCode: null });
    // Cost parts: cost price, no markup, whatever the list's basis.
    expect(b).toMatchObject({ unitFen: 700, amountFen: 2_100, customerFen: 2_100, payer: 'customer' });
    expect(b.reasons.at(-1)).toMatchObject({ code: 'payer_customer_cost', clause: '4.2' });
    // Charged parts: list price + 10 %.
    expect(ch).toMatchObject({
      unitFen: 1_000,
      amountFen: 2_200,
      customerFen: 2_200,
      priceListCode: 'V1-2021',
    });
    expect(ch.reasons.at(-1)).toMatchObject({ code: 'payer_customer_charged', clause: '4.3' });
    expect(c.customerNetFen).toBe(4_300);
    expect(c.taxes).toEqual([
      { priceListCode: 'WP-2021', taxRateBp: 600, netFen: 2_100, taxFen: 126 },
      { priceListCode: 'V1-2021', taxRateBp: 1_300, netFen: 2_200, taxFen: 286 },
    ]);
    expect(c.taxFen).toBe(412);
    expect(c.customerTotalFen).toBe(4_712);
    expect(c.companyCostFen).toBe(12_000 + 11_000 + 2_000);
    expect(c.problems).toEqual([]);
  });

  it('charges labour and travel to the customer at the market list when the job is charged', () => {
    const c = computeCharges(
      input({ job: { coverage: 'charged', reasons: [] }, labourMinutes: 45, travelKm: 10 }),
    );
    expect(c.lines.map((l) => [l.kind, l.amountFen, l.customerFen])).toEqual([
      ['labour', 9_000, 9_000],
      ['travel', 13_000, 13_000],
    ]);
    expect(c.taxFen).toBe(2_860);
    expect(c.customerTotalFen).toBe(24_860);
    expect(c.companyCostFen).toBe(0);
  });

  it('rounds each line on its own and the tax once on the list sum', () => {
    // 3 charged parts of 5 fen with 10 % markup: 0.5 fen markup rounds up per line → 6 fen each,
    // 18 in all (rounding the total markup of 1.5 would give 17).
    const parts = ['x', 'y', 'z'].map((id) =>
      part({ lineId: id, coverage: 'charged', costFen: 5, listFen: 5, quantity: 1 }),
    );
    const c = computeCharges(input({ parts }));
    expect(c.lines.map((l) => l.amountFen)).toEqual([6, 6, 6]);
    expect(c.customerNetFen).toBe(18);
    // 13 % of 18 = 2.34 → 2 (per line: 0.78 → 1 each = 3).
    expect(c.taxFen).toBe(2);
    expect(c.customerTotalFen).toBe(20);
  });

  it('taxes 0.01 yuan amounts at 13 % (rounds to 0) and rounds exact halves up', () => {
    const one = computeCharges(input({ parts: [part({ coverage: 'cost', costFen: 1 })] }));
    const thirteen = { ...costList, taxRateBp: 1_300 };
    const c1 = computeCharges(
      input({
        parts: [part({ coverage: 'cost', costFen: 1 })],
        priceLists: { cost: thirteen, charged: null },
      }),
    );
    expect(one.taxFen).toBe(0);
    expect(c1).toMatchObject({ customerNetFen: 1, taxFen: 0, customerTotalFen: 1 });
    const c4 = computeCharges(
      input({
        parts: [part({ coverage: 'cost', costFen: 4 })],
        priceLists: { cost: thirteen, charged: null },
      }),
    );
    expect(c4.taxFen).toBe(1); // 0.52
    const half = { ...costList, taxRateBp: 5_000 };
    const c5 = computeCharges(
      input({ parts: [part({ coverage: 'cost', costFen: 1 })], priceLists: { cost: half, charged: null } }),
    );
    expect(c5.taxFen).toBe(1); // 0.5 → 1
  });

  it('rounds labour minutes half up to whole fen', () => {
    const list = { ...marketList, labourRateFen: 100 };
    const job = { coverage: 'charged' as const, reasons: [] };
    const at = (minutes: number) =>
      computeCharges(input({ job, labourMinutes: minutes, priceLists: { cost: null, charged: list } }))
        .lines[0]!.amountFen;
    expect(at(1)).toBe(2); // 1.666…
    expect(at(3)).toBe(5); // exactly 5
    expect(at(33)).toBe(55);
    expect(at(21)).toBe(35);
    expect(
      computeCharges(
        input({ job, labourMinutes: 3, priceLists: { cost: null, charged: { ...list, labourRateFen: 10 } } }),
      ).lines[0]!.amountFen,
    ).toBe(1); // 0.5 → 1
  });

  it('keeps large amounts exact', () => {
    const big = 9_000_000_000_000;
    const c = computeCharges(
      input({
        parts: [part({ coverage: 'cost', costFen: big, quantity: 1 })],
        priceLists: { cost: { ...costList, taxRateBp: 1_300 }, charged: null },
      }),
    );
    expect(c.customerNetFen).toBe(big);
    expect(c.taxFen).toBe(1_170_000_000_000);
    expect(c.customerTotalFen).toBe(10_170_000_000_000);
    const labour = computeCharges(
      input({
        job: { coverage: 'charged', reasons: [] },
        labourMinutes: 61,
        priceLists: {
          cost: null,
          charged: { ...marketList, labourRateFen: 9_000_000_000_001, taxRateBp: 0 },
        },
      }),
    );
    // 9 000 000 000 001 × 61 / 60 = 9 150 000 000 001.0166… (a × b alone passes 2^53)
    expect(labour.customerTotalFen).toBe(9_150_000_000_001);
    expect(() =>
      computeCharges(input({ parts: [part({ coverage: 'cost', costFen: big, quantity: 1_001 })] })),
    ).toThrow(RangeError);
  });

  it('reports a missing price list once per coverage and prices its lines at 0', () => {
    const c = computeCharges(
      input({
        job: { coverage: 'charged', reasons: [] },
        labourMinutes: 60,
        travelKm: 5,
        parts: [part({ coverage: 'charged' }), part({ lineId: 'p2', coverage: 'cost' })],
        priceLists: { cost: costList, charged: null },
      }),
    );
    expect(c.lines.map((l) => [l.kind, l.amountFen, l.priceListCode])).toEqual([
      ['labour', 0, null],
      ['travel', 0, null],
      ['part', 0, null],
      ['part', 1_000, 'WP-2021'],
    ]);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]!).toMatchObject({ code: 'price_list_missing', coverage: 'charged' });
    expect(c.problems[0]!.message).toContain('市场服务收费');
    expect(c.customerTotalFen).toBe(1_060);
  });

  it('values free work without any list at 0 and says so, without a problem', () => {
    const c = computeCharges(
      input({ labourMinutes: 30, parts: [part({ quantity: 2 })], priceLists: { cost: null, charged: null } }),
    );
    expect(c.lines[0]!).toMatchObject({ amountFen: 0, payer: 'company', priceListCode: null });
    expect(c.lines[0]!.reasons.map((r) => r.code)).toContain('company_cost_unknown');
    expect(c.lines[1]!).toMatchObject({ amountFen: 2_000, payer: 'company' });
    expect(c.companyCostFen).toBe(2_000);
    expect(c.problems).toEqual([]);
  });

  it('falls back to the market list to value free labour when there is no cost list', () => {
    const c = computeCharges(input({ labourMinutes: 60, priceLists: { cost: null, charged: marketList } }));
    expect(c.lines[0]!).toMatchObject({ amountFen: 12_000, priceListCode: 'V1-2021', customerFen: 0 });
    expect(c.taxes).toEqual([]);
  });

  it('prices charged parts at cost + markup when the list says so, rounding the markup half up', () => {
    const list = { ...marketList, partsBasis: 'cost' as const, partsMarkupBp: 1_250 };
    const c = computeCharges(
      input({
        parts: [part({ coverage: 'charged', costFen: 333, listFen: 999, quantity: 3 })],
        priceLists: { cost: null, charged: list },
      }),
    );
    // 999 × 12.5 % = 124.875 → 125
    expect(c.lines[0]!).toMatchObject({ unitFen: 333, amountFen: 1_124 });
    expect(c.lines[0]!.description).toContain('12.5%');
  });

  it('makes no labour or travel line for zero minutes or km', () => {
    const c = computeCharges(input({ job: { coverage: 'charged', reasons: [] } }));
    expect(c).toMatchObject({
      lines: [],
      customerNetFen: 0,
      taxFen: 0,
      customerTotalFen: 0,
      companyCostFen: 0,
    });
  });

  it('every amount is an integer', () => {
    const c = computeCharges(
      input({
        job: { coverage: 'cost', reasons: [] },
        labourMinutes: 7,
        travelKm: 3,
        parts: [part({ coverage: 'charged', costFen: 7, listFen: 13, quantity: 7 })],
      }),
    );
    for (const l of c.lines) {
      expect(Number.isInteger(l.amountFen)).toBe(true);
      expect(Number.isInteger(l.customerFen)).toBe(true);
    }
    expect(Number.isInteger(c.taxFen)).toBe(true);
  });
});
