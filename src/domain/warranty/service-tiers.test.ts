import { describe, expect, it } from 'vitest';
import { serviceTierStatus } from './service-tiers.ts';

const tiers = {
  lifetimeFree: ['回访', '咨询'],
  firstYearFree: ['现场初始化指导', '故障排除'],
  annualFeeRate: 0.15,
};
const start = new Date('2026-03-10T00:00:00+08:00');

describe('software service tiers (第一篇)', () => {
  it('first-year items are free until the anniversary, then the 15 % annual fee applies', () => {
    const last = serviceTierStatus({
      tiers,
      start,
      at: new Date('2027-03-09T23:59:00+08:00'),
      listPriceFen: 1_000_000,
    });
    expect(last.inFirstYear).toBe(true);
    expect(last.firstYearEndsAt.toISOString()).toBe('2027-03-09T16:00:00.000Z');
    const after = serviceTierStatus({
      tiers,
      start,
      at: new Date('2027-03-10T00:00:00+08:00'),
      listPriceFen: 1_000_000,
    });
    expect(after.inFirstYear).toBe(false);
    expect(after.annualFeeFen).toBe(150_000);
    expect(after.message).toContain('15%');
    expect(after.lifetimeFree).toEqual(['回访', '咨询']);
  });

  it('has no fee amount without a list price', () => {
    expect(serviceTierStatus({ tiers, start, at: start, listPriceFen: null }).annualFeeFen).toBeNull();
  });
});
