// Varied, deterministic inputs for benchmarking decideEntitlement (and for sweeping tests).
// Policies and models are shared between inputs, as they would be when loaded once and cached;
// assets, events and queries differ per input.

import {
  type DecisionInput,
  excavatorModel,
  excavatorPolicy,
  PLAN_12_UNLIMITED,
  PLAN_24_3000,
} from './entitlement.fixtures.ts';
import type { AssetEvent, Cause, StartBasis, WarrantyPolicy } from './entitlement-types.ts';

const DAY = 86_400_000;
const FROM = Date.UTC(2020, 0, 1);
const CAUSES: Cause[] = ['defect', 'supplier', 'workmanship', 'customer', 'force_majeure', 'wear', 'unknown'];
const PARTS = ['main_pump', 'boom_cylinder', 'swing_motor', 'bucket_tooth', 'engine_oil', 'injector', null];
const BASES: StartBasis[] = ['delivery', 'invoice', 'acceptance', 'completion'];

// Small seeded generator (mulberry32) so every run benchmarks the same inputs.
const generator = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

export const sampleInputs = (n: number, seed = 20_240_315): DecisionInput[] => {
  const rnd = generator(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const policies: WarrantyPolicy[] = BASES.map((startBasis, i) =>
    excavatorPolicy({
      id: `pol-${i}`,
      startBasis,
      weightHourLimits:
        i % 2 === 0
          ? [{ maxWeightT: 13, hoursLimit: 1500 }]
          : [
              { maxWeightT: 20, hoursLimit: 1800 },
              { maxWeightT: 13, hoursLimit: 1500 },
            ],
    }),
  );
  const models = [6, 12.5, 13, 21.5, 36, null].map((w, i) =>
    excavatorModel({ operatingWeightT: w, hoursLimitOverride: i === 4 ? 3000 : null }),
  );
  const maybeDate = (ms: number, pNull: number) => (rnd() < pNull ? null : new Date(ms));

  const out: DecisionInput[] = [];
  for (let i = 0; i < n; i++) {
    const delivered = FROM + Math.floor(rnd() * 4 * 365) * DAY + Math.floor(rnd() * DAY);
    const at = delivered + Math.floor(rnd() * 900 * DAY) + Math.floor(rnd() * DAY);
    const events: AssetEvent[] = [];
    const eventCount = Math.floor(rnd() * 4);
    for (let k = 0; k < eventCount; k++) {
      const when = delivered + Math.floor(rnd() * 1000 * DAY);
      if (rnd() < 0.1) events.push({ kind: 'gps_tamper', at: new Date(when), partCode: null });
      else events.push({ kind: 'part_replaced', at: new Date(when), partCode: pick(PARTS) });
    }
    const r = rnd();
    const reportLag = r < 0.6 ? 0 : r < 0.8 ? DAY : r < 0.95 ? 3 * DAY : -1;
    out.push({
      policy: pick(policies),
      model: pick(models),
      asset: {
        deliveredAt: maybeDate(delivered, 0.1),
        invoiceAt: maybeDate(delivered - 5 * DAY, 0.2),
        acceptedAt: maybeDate(delivered + 10 * DAY, 0.5),
        completedAt: maybeDate(delivered + 3 * DAY, 0.5),
        plan: pick([null, null, null, PLAN_12_UNLIMITED, PLAN_24_3000, 'P_UNKNOWN']),
        attachments: rnd() < 0.25 ? ['hydraulic_breaker'] : [],
        specialTerms: rnd() < 0.05 ? { months: 6, hoursLimit: 1000 } : null,
        warrantyCardReturnedAt: maybeDate(delivered + 15 * DAY, 0.3),
      },
      events,
      query: {
        at: new Date(at),
        hours: rnd() < 0.1 ? null : Math.floor(rnd() * 3500),
        partCode: pick(PARTS),
        cause: pick(CAUSES),
        reportedAt: reportLag < 0 ? null : new Date(at + reportLag + Math.floor(rnd() * 3_600_000)),
        evidence: pick([true, true, true, false, null]),
        timeZone: pick(['Asia/Shanghai', 'Asia/Shanghai', 'Asia/Shanghai', 'Europe/Berlin', 'UTC']),
      },
    });
  }
  return out;
};
