// Seed-based sample data for the entitlement tests and benchmark fixture: the excavator policy of
// seed 000 第四篇 (12 months or 2000 h, ≤ 13 t → 1500 h, plans 12 months unlimited or 24 months /
// 3000 h, hydraulic breaker −500 h) and a replaced part's own 12 months [seed 001 篇六].
import type {
  AssetEvent,
  AssetTerms,
  EntitlementQuery,
  ModelTerms,
  WarrantyPolicy,
} from './entitlement-types.ts';

/** A wall-clock time in Asia/Shanghai: '2024-03-15' or '2024-03-15 10:30' (or with seconds). */
export const cst = (local: string): Date => {
  const [date, time = '00:00'] = local.split(' ');
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${withSeconds}+08:00`);
};

export const PLAN_12_UNLIMITED = 'P12_UNLIMITED';
export const PLAN_24_3000 = 'P24_3000';

export const excavatorPolicy = (over: Partial<WarrantyPolicy> = {}): WarrantyPolicy => ({
  id: 'pol-excavator',
  version: 1,
  name: '挖掘机整机保修（行业质量保证规定）',
  startBasis: 'delivery',
  months: 12,
  hoursLimit: 2000,
  plans: [
    { code: PLAN_12_UNLIMITED, months: 12, hoursLimit: null },
    { code: PLAN_24_3000, months: 24, hoursLimit: 3000 },
  ],
  weightHourLimits: [{ maxWeightT: 13, hoursLimit: 1500 }],
  attachmentHourReductions: { hydraulic_breaker: 500 },
  partMonths: 12,
  ...over,
});

/** Delivered to the first end customer on 2024-03-15 (Shanghai), card returned. */
export const excavatorAsset = (over: Partial<AssetTerms> = {}): AssetTerms => ({
  deliveredAt: cst('2024-03-15 14:30'),
  invoiceAt: cst('2024-03-10'),
  acceptedAt: null,
  completedAt: null,
  plan: null,
  attachments: [],
  specialTerms: null,
  warrantyCardReturnedAt: cst('2024-03-25'),
  ...over,
});

/** A 21.5 t excavator with the wear parts and consumables listed in 第四篇 二.3. */
export const excavatorModel = (over: Partial<ModelTerms> = {}): ModelTerms => ({
  operatingWeightT: 21.5,
  hoursLimitOverride: null,
  wearParts: ['bucket_tooth', 'track_shoe', 'track_pin', 'belt', 'injector', 'high_pressure_fuel_pump'],
  consumables: ['engine_oil', 'grease', 'coolant', 'fuel_filter', 'battery', 'bulb', 'fuse'],
  ...over,
});

/** A main-pump defect on 2024-09-01, reported the same day with photos, at 800 h. */
export const faultQuery = (over: Partial<EntitlementQuery> = {}): EntitlementQuery => ({
  at: cst('2024-09-01 10:00'),
  hours: 800,
  partCode: 'main_pump',
  cause: 'defect',
  reportedAt: cst('2024-09-01 16:00'),
  evidence: true,
  ...over,
});

export type DecisionInput = {
  policy: WarrantyPolicy;
  asset: AssetTerms;
  model: ModelTerms;
  events: AssetEvent[];
  query: EntitlementQuery;
};

/** The seed excavator case with any part replaced. */
export const excavatorCase = (
  over: {
    policy?: Partial<WarrantyPolicy>;
    asset?: Partial<AssetTerms>;
    model?: Partial<ModelTerms>;
    events?: AssetEvent[];
    query?: Partial<EntitlementQuery>;
  } = {},
): DecisionInput => ({
  policy: excavatorPolicy(over.policy),
  asset: excavatorAsset(over.asset),
  model: excavatorModel(over.model),
  events: over.events ?? [],
  query: faultQuery(over.query),
});
