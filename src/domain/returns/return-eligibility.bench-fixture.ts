// Varied, deterministic inputs for benchmarking returnEligibility (and for sweeping tests): every
// category, days from 0 to about 14 months, complete and incomplete goods, and repair histories of
// up to five repairs over three fault codes.
import { random } from '../sla/sla.fixtures.ts';
import {
  MAJOR_COMPONENTS,
  PRODUCT_CATEGORIES,
  REMEDIES,
  type RepairRecord,
  type ReturnEligibilityInput,
} from './return-types.ts';

const DAY = 86_400_000;
const FROM = Date.UTC(2024, 0, 1);
const FAULTS = ['E01', 'E02', 'HYD-07'];

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const sampleReturnInputs = (n: number, seed = 20_260_301): ReturnEligibilityInput[] => {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: n }, () => {
    const productCategory = pick(PRODUCT_CATEGORIES);
    const purchasedMs = FROM + Math.floor(rnd() * 700) * DAY;
    const receivedMs = purchasedMs + Math.floor(rnd() * 4) * DAY;
    // Half within the first 20 days (where the windows are), the rest up to 14 months.
    const daysAfter = rnd() < 0.5 ? Math.floor(rnd() * 20) : Math.floor(rnd() * 430);
    const submittedAt = new Date(receivedMs + daysAfter * DAY + Math.floor(rnd() * DAY));
    const repairs: RepairRecord[] = Array.from({ length: Math.floor(rnd() * 6) }, () => ({
      at: new Date(purchasedMs + Math.floor(rnd() * Math.max(1, daysAfter)) * DAY),
      faultCode: pick(FAULTS),
    }));
    const warrantyStart = new Date(purchasedMs - 8 * 3_600_000);
    return {
      productCategory,
      purchasedAt: ymd(purchasedMs),
      receivedAt: rnd() < 0.7 ? ymd(receivedMs) : null,
      submittedAt,
      requested: pick(REMEDIES),
      qualityFault: rnd() < 0.8,
      faultCode: rnd() < 0.9 ? pick(FAULTS) : null,
      majorComponent: productCategory === 'equipment' && rnd() < 0.6 ? pick(MAJOR_COMPONENTS) : null,
      goodsComplete: rnd() < 0.8,
      repairs,
      warranty:
        productCategory === 'equipment'
          ? {
              inWarranty: daysAfter < 365,
              warrantyStart,
              warrantyEnd: new Date(warrantyStart.getTime() + 365 * DAY),
            }
          : null,
    };
  });
};
