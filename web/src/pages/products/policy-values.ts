import { type Policy, type PolicyBody, START_BASES, type StartBasis } from '../../api/catalog-types';
import { oneOf } from '../../lib/one-of';

// Maps and the fee rate are edited as rows and percent; the API wants records and a 0–1 fraction.
export type PolicyValues = {
  name: string;
  /** Empty only when the answer held a basis the list lacks; the form requires one. */
  startBasis?: StartBasis;
  months: number;
  hoursLimit?: number | null;
  partMonths?: number | null;
  plans?: { code?: string; months?: number; hoursLimit?: number | null }[];
  weightHourLimits?: { maxWeightT?: number; hoursLimit?: number }[];
  attachmentHourReductions?: { key?: string; hours?: number }[];
  clauses?: { code?: string; ref?: string }[];
  serviceTiers?: { lifetimeFree?: string[]; firstYearFree?: string[]; annualFeeRate?: number | null };
  exclusions?: string[];
};

export const POLICY_DEFAULTS: Partial<PolicyValues> = {
  startBasis: 'delivery',
  months: 12,
  partMonths: 12,
  plans: [],
  weightHourLimits: [],
  attachmentHourReductions: [],
  clauses: [],
  serviceTiers: { lifetimeFree: [], firstYearFree: [] },
  exclusions: [],
};

export const policyToValues = (p: Policy): PolicyValues => ({
  name: p.name,
  startBasis: oneOf(START_BASES, p.startBasis),
  months: p.months,
  hoursLimit: p.hoursLimit,
  partMonths: p.partMonths,
  plans: p.plans.map((x) => ({ ...x })),
  weightHourLimits: p.weightHourLimits.map((x) => ({ ...x })),
  attachmentHourReductions: Object.entries(p.attachmentHourReductions).map(([key, hours]) => ({
    key,
    hours,
  })),
  clauses: Object.entries(p.clauses).map(([code, ref]) => ({ code, ref })),
  serviceTiers: {
    lifetimeFree: p.serviceTiers?.lifetimeFree ?? [],
    firstYearFree: p.serviceTiers?.firstYearFree ?? [],
    annualFeeRate: p.serviceTiers ? Math.round(p.serviceTiers.annualFeeRate * 10_000) / 100 : null,
  },
  exclusions: p.exclusions,
});

const trim = (s: string | undefined) => (s ?? '').trim();
const hoursOrNull = (h: number | null | undefined) => (typeof h === 'number' ? h : null);

/** The full set of terms as the API describes a version; blank rows are dropped. */
export const policyToBody = (
  v: PolicyValues,
): Omit<PolicyBody, 'startBasis'> & Partial<Pick<PolicyBody, 'startBasis'>> => {
  const tiers = v.serviceTiers;
  const lifetimeFree = (tiers?.lifetimeFree ?? []).map(trim).filter(Boolean);
  const firstYearFree = (tiers?.firstYearFree ?? []).map(trim).filter(Boolean);
  const rate = tiers?.annualFeeRate;
  const hasTiers = lifetimeFree.length > 0 || firstYearFree.length > 0 || typeof rate === 'number';
  return {
    name: trim(v.name),
    startBasis: v.startBasis,
    months: v.months,
    hoursLimit: hoursOrNull(v.hoursLimit),
    ...(typeof v.partMonths === 'number' ? { partMonths: v.partMonths } : {}),
    plans: (v.plans ?? [])
      .filter((p) => trim(p.code) && typeof p.months === 'number')
      .map((p) => ({
        code: trim(p.code),
        months: p.months as number,
        hoursLimit: hoursOrNull(p.hoursLimit),
      })),
    weightHourLimits: (v.weightHourLimits ?? [])
      .filter((w) => typeof w.maxWeightT === 'number' && typeof w.hoursLimit === 'number')
      .map((w) => ({ maxWeightT: w.maxWeightT as number, hoursLimit: w.hoursLimit as number })),
    attachmentHourReductions: Object.fromEntries(
      (v.attachmentHourReductions ?? [])
        .filter((a) => trim(a.key) && typeof a.hours === 'number')
        .map((a) => [trim(a.key), a.hours as number]),
    ),
    clauses: Object.fromEntries(
      (v.clauses ?? []).filter((c) => trim(c.code) && trim(c.ref)).map((c) => [trim(c.code), trim(c.ref)]),
    ),
    serviceTiers: hasTiers
      ? { lifetimeFree, firstYearFree, annualFeeRate: Math.round((rate ?? 0) * 100) / 10_000 }
      : null,
    exclusions: (v.exclusions ?? []).map(trim).filter(Boolean),
  };
};

/** Only the terms that differ from `before`: a revision names what changes, the rest carries over. */
export function changedTerms(before: Policy, values: PolicyValues): Record<string, unknown> {
  const a = policyToBody(policyToValues(before)) as Record<string, unknown>;
  const b = policyToBody(values) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (JSON.stringify(v) !== JSON.stringify(a[k])) out[k] = v;
  }
  return out;
}
