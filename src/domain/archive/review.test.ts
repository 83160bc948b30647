import { describe, expect, it } from 'vitest';
import { reviewCustomer, reviewPeriod } from './review.ts';

const c = (over: Partial<Parameters<typeof reviewCustomer>[0]>) => ({
  id: 'C',
  kind: 'new',
  status: 'active',
  businessStatus: 'operating',
  completedCooperations: 0,
  ...over,
});

describe('half-yearly review', () => {
  it('promotes a new customer at two completed cooperations, not one', () => {
    expect(reviewCustomer(c({ completedCooperations: 1 }))).toBeNull();
    expect(reviewCustomer(c({ completedCooperations: 2 }))).toMatchObject({
      change: 'promote',
      from: 'new',
      to: 'existing',
      clause: 'GK-03 (四)',
    });
    expect(reviewCustomer(c({ kind: 'potential', completedCooperations: 5 }))).toBeNull();
  });

  it('archives bankrupt and closed customers, once', () => {
    expect(reviewCustomer(c({ businessStatus: 'bankrupt' }))).toMatchObject({
      change: 'archive',
      to: 'archived',
    });
    expect(reviewCustomer(c({ businessStatus: 'closed', kind: 'existing' }))?.message).toContain('倒闭');
    expect(reviewCustomer(c({ businessStatus: 'closed', status: 'archived' }))).toBeNull();
  });

  it('names half-year periods in Shanghai time', () => {
    expect(reviewPeriod(new Date('2026-06-30T15:59:00Z'))).toBe('2026-H1');
    expect(reviewPeriod(new Date('2026-06-30T16:00:00Z'))).toBe('2026-H2');
    expect(reviewPeriod(new Date('2026-12-31T16:00:00Z'))).toBe('2027-H1');
  });
});
