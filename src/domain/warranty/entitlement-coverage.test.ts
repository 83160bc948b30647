// Who pays (§4.1–4.3), the reporting rule (§5.1–5.2), quotes (§5.4), part warranties [seed 001
// 篇六] and GPS tampering [第四篇 二.3]. Delivery 2024-03-15, fault 2024-09-01 10:00 (Shanghai).
import { describe, expect, it } from 'vitest';
import { sampleInputs } from './entitlement.bench-fixture.ts';
import { cst, excavatorCase } from './entitlement.fixtures.ts';
import { type AssetEvent, decideEntitlement, type Entitlement } from './entitlement.ts';

type Case = Parameters<typeof excavatorCase>[0];
const decide = (c: Case = {}) => decideEntitlement(excavatorCase(c));
const codes = (e: Entitlement) => e.reasons.map((r) => r.code);
const reason = (e: Entitlement, code: string) => e.reasons.find((r) => r.code === code);
const replaced = (partCode: string, at: string): AssetEvent => ({
  kind: 'part_replaced',
  at: cst(at),
  partCode,
});
const tamper = (at: string): AssetEvent => ({ kind: 'gps_tamper', at: cst(at), partCode: null });

describe('coverage class within the term', () => {
  it.each([
    ['defect', 'free', 'cause_defect', '4.1.4'],
    ['supplier', 'free', 'cause_supplier', '4.1.2'],
    ['workmanship', 'free', 'cause_workmanship', '4.1.3'],
    ['unknown', 'free', 'cause_unknown', '4.1.1'],
    ['customer', 'cost', 'cause_customer', '4.2.1/4.2.3'],
    ['wear', 'cost', 'cause_wear', '4.2.2'],
    ['force_majeure', 'charged', 'cause_force_majeure', '4.3.5'],
  ] as const)('%s → %s (%s, %s)', (cause, coverage, code, clause) => {
    const e = decide({ query: { cause } });
    expect(e.inWarranty).toBe(true);
    expect(e.coverage).toBe(coverage);
    expect(e.quoteRequired).toBe(coverage === 'charged');
    expect(reason(e, code)?.clause).toBe(clause);
  });

  it('a wear part is cost even with a defect, within the term', () => {
    const e = decide({ query: { partCode: 'bucket_tooth', cause: 'defect' } });
    expect(e).toMatchObject({ inWarranty: true, coverage: 'cost', quoteRequired: false });
    expect(reason(e, 'wear_part')).toMatchObject({ clause: '4.2.2' });
    expect(codes(e)).not.toContain('cause_defect');
    expect(e.inputs.wearPart).toBe(true);
  });

  it('a consumable is cost within the term', () => {
    const e = decide({ query: { partCode: 'engine_oil', cause: 'unknown' } });
    expect(e.coverage).toBe('cost');
    expect(reason(e, 'consumable')?.clause).toBe('4.2.2');
  });

  it('force majeure beats the wear-part list: charged with a quote', () => {
    const e = decide({ query: { partCode: 'bucket_tooth', cause: 'force_majeure' } });
    expect(e).toMatchObject({ coverage: 'charged', quoteRequired: true });
  });

  it('out of warranty is charged with a quote whatever the cause (§5.4)', () => {
    for (const cause of ['defect', 'customer', 'wear', 'unknown'] as const) {
      const e = decide({ query: { at: cst('2025-04-01'), reportedAt: cst('2025-04-01'), cause } });
      expect(e).toMatchObject({ inWarranty: false, coverage: 'charged', quoteRequired: true });
      expect(reason(e, 'out_of_warranty_quote')?.message).toContain('报价');
    }
  });
});

describe('reporting rule: in writing on the same day or the next day, with evidence', () => {
  const at = cst('2024-09-01 23:30');

  it('the next calendar day is in time, up to 23:59 local', () => {
    const e = decide({ query: { at, reportedAt: cst('2024-09-02 23:59:59'), cause: 'unknown' } });
    expect(e.coverage).toBe('free');
    expect(codes(e)).toContain('report_in_time');
  });

  it('the day after next is late: a broken non-wear part of unknown cause is user damage (§5.2)', () => {
    const e = decide({ query: { at, reportedAt: cst('2024-09-03 00:00'), cause: 'unknown' } });
    expect(e).toMatchObject({ inWarranty: true, coverage: 'cost' });
    expect(reason(e, 'late_report')).toMatchObject({ clause: '5.2' });
    expect(reason(e, 'late_report')?.message).toContain('视为人为损坏');
    expect(codes(e)).not.toContain('cause_unknown');
  });

  it('counts calendar days in Shanghai, not UTC (2024-09-02 16:30Z is already 09-03 locally)', () => {
    const late = decide({ query: { at, reportedAt: new Date('2024-09-02T16:30:00Z'), cause: 'unknown' } });
    expect(late.coverage).toBe('cost');
    const utc = decide({
      query: { at, reportedAt: new Date('2024-09-02T16:30:00Z'), cause: 'unknown', timeZone: 'UTC' },
    });
    expect(utc.coverage).toBe('free');
  });

  it('a late report with a known cause stands on the supplier cause analysis (§5.1)', () => {
    const e = decide({ query: { reportedAt: cst('2024-09-05'), cause: 'defect' } });
    expect(e.coverage).toBe('free');
    expect(reason(e, 'late_report')).toMatchObject({ clause: '5.1' });
    expect(reason(e, 'late_report')?.message).toContain('原因分析');
  });

  it('no evidence with unknown cause on a non-wear part is user damage (§5.2)', () => {
    const e = decide({ query: { evidence: false, cause: 'unknown' } });
    expect(e.coverage).toBe('cost');
    expect(reason(e, 'no_evidence')).toMatchObject({ clause: '5.2' });
  });

  it('no evidence without a broken part stands (§5.1): free', () => {
    const e = decide({ query: { evidence: false, cause: 'unknown', partCode: null } });
    expect(e.coverage).toBe('free');
    expect(reason(e, 'no_evidence')?.clause).toBe('5.1');
  });

  it('a late wear part is cost because of the wear-part list, not a presumption', () => {
    const e = decide({ query: { partCode: 'track_shoe', reportedAt: cst('2024-09-09'), cause: 'unknown' } });
    expect(e.coverage).toBe('cost');
    expect(reason(e, 'late_report')?.clause).toBe('5.1');
    expect(codes(e)).toContain('wear_part');
  });

  it('an unknown report time is noted and not applied', () => {
    const e = decide({ query: { reportedAt: null, cause: 'unknown' } });
    expect(e.coverage).toBe('free');
    expect(reason(e, 'report_unknown')?.message).toContain('未登记');
  });
});

describe('replaced parts have their own warranty [seed 001 篇六]', () => {
  const events = [
    replaced('main_pump', '2024-05-01'),
    replaced('main_pump', '2025-02-01'),
    replaced('boom_cylinder', '2025-06-01'),
    replaced('main_pump', '2025-12-01'), // after the fault: ignored
  ];
  const late = { at: cst('2025-10-01'), reportedAt: cst('2025-10-01'), hours: 2600 };

  it('covers a part after the machine term ended; the latest earlier replacement wins', () => {
    const e = decide({ events, query: late });
    expect(e).toMatchObject({ inWarranty: true, machineInWarranty: false, coverage: 'free' });
    expect(e.partWarranty).toEqual({
      partCode: 'main_pump',
      replacedAt: cst('2025-02-01'),
      until: cst('2026-02-01'),
      inWarranty: true,
    });
    expect(reason(e, 'part_warranty')?.clause).toBe('篇六 (一).2');
  });

  it('picks the queried part, and nothing for a part never replaced', () => {
    expect(
      decide({ events, query: { ...late, partCode: 'boom_cylinder' } }).partWarranty?.replacedAt,
    ).toEqual(cst('2025-06-01'));
    const other = decide({ events, query: { ...late, partCode: 'swing_motor' } });
    expect(other).toMatchObject({
      partWarranty: null,
      inWarranty: false,
      coverage: 'charged',
      quoteRequired: true,
    });
  });

  it('last day in / first day out of a part warranty', () => {
    const one = [replaced('main_pump', '2024-05-01 15:00')];
    const lastIn = decide({ events: one, query: { ...late, at: cst('2025-04-30 23:59:59') } });
    expect(lastIn.partWarranty?.inWarranty).toBe(true);
    const firstOut = decide({ events: one, query: { ...late, at: cst('2025-05-01') } });
    expect(firstOut).toMatchObject({ inWarranty: false, partWarranty: { inWarranty: false } });
  });

  it('the machine term still covers a part whose own warranty is over', () => {
    const policy = { partMonths: 3 };
    const e = decide({ policy, events: [replaced('main_pump', '2024-04-01')] });
    expect(e).toMatchObject({
      inWarranty: true,
      machineInWarranty: true,
      partWarranty: { inWarranty: false },
    });
  });

  it('a replacement at the judged instant is not an earlier one', () => {
    const e = decide({ events: [replaced('main_pump', '2024-09-01 10:00')] });
    expect(e.partWarranty).toBeNull();
  });
});

describe('GPS / monitoring tampering voids the whole warranty', () => {
  it('before the fault: out, charged, warranty ends at the tamper instant', () => {
    const e = decide({ events: [tamper('2024-07-01 09:00')] });
    expect(e).toMatchObject({
      inWarranty: false,
      coverage: 'charged',
      quoteRequired: true,
      termEndedBy: 'void',
    });
    expect(e.warrantyEnd).toEqual(cst('2024-07-01 09:00'));
    expect(reason(e, 'gps_tamper_void')?.clause).toBe('第四篇 二.3');
  });

  it('at the very instant of the fault: void too', () => {
    expect(decide({ events: [tamper('2024-09-01 10:00')] }).termEndedBy).toBe('void');
  });

  it('after the fault: noted, not applied', () => {
    const e = decide({ events: [tamper('2024-09-02 09:00')] });
    expect(e).toMatchObject({ inWarranty: true, coverage: 'free' });
    expect(codes(e)).toContain('gps_tamper_after');
  });

  it('voids part warranties as well', () => {
    const e = decide({
      events: [replaced('main_pump', '2025-02-01'), tamper('2025-03-01')],
      query: { at: cst('2025-06-01'), reportedAt: null },
    });
    expect(e).toMatchObject({ inWarranty: false, partWarranty: { inWarranty: false } });
  });
});

describe('every decision explains itself', () => {
  it('every reason has a Chinese message, an English one and a clause (10 000 varied inputs)', () => {
    const bad: string[] = [];
    for (const input of sampleInputs(10_000)) {
      for (const r of decideEntitlement(input).reasons) {
        if (!/[\u4e00-\u9fff]/.test(r.message) || r.messageEn.length === 0 || !r.clause) bad.push(r.code);
      }
    }
    expect(bad).toEqual([]);
  });

  it("cites the policy's own clause when it overrides one", () => {
    const e = decide({ policy: { clauses: { cause_defect: '质保条款 3.1' } } });
    expect(reason(e, 'cause_defect')?.clause).toBe('质保条款 3.1');
  });

  it('echoes the effective inputs', () => {
    const e = decide({ asset: { attachments: ['hydraulic_breaker'] }, model: { operatingWeightT: 12 } });
    expect(e.inputs).toMatchObject({
      policyId: 'pol-excavator',
      policyVersion: 1,
      timeZone: 'Asia/Shanghai',
      startBasis: 'delivery',
      startSource: 'delivery',
      termSource: 'standard',
      months: 12,
      hoursLimit: 1000,
      weightHourLimit: 1500,
      hoursReduction: 500,
      operatingWeightT: 12,
      hours: 800,
      cause: 'defect',
      gpsTamperAt: null,
    });
  });

  it('rejects an invalid fault time and an unknown time zone', () => {
    expect(() => decide({ query: { at: new Date('nope') } })).toThrow(RangeError);
    expect(() => decide({ query: { timeZone: 'Nowhere/Else' } })).toThrow(RangeError);
  });
});
