import { describe, expect, it } from 'vitest';
import {
  clientDelayMs,
  failuresBefore,
  type LockoutPolicy,
  retryAfterSeconds,
  shouldLockAccount,
} from './lockout.ts';

const p: LockoutPolicy = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  lockFailures: 50,
  lockSources: 5,
  windowMs: 60 * 60_000,
  lockMs: 15 * 60_000,
};

describe('login lockout rules', () => {
  it('lets a client fail five times for free, then doubles its wait up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => clientDelayMs(n, p))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => clientDelayMs(n, p))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000,
    ]);
    expect(clientDelayMs(10, p)).toBe(900_000);
    expect(clientDelayMs(11, p)).toBe(900_000);
    expect(clientDelayMs(10_000, p)).toBe(900_000);
  });

  it('forgets a client after a quiet window', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(failuresBefore(null, now, p)).toBe(0);
    expect(failuresBefore({ failures: 7, lastFailedAt: new Date('2026-03-02T09:30:00Z') }, now, p)).toBe(7);
    expect(failuresBefore({ failures: 7, lastFailedAt: new Date('2026-03-02T09:00:00Z') }, now, p)).toBe(0);
  });

  it('locks the account only for many failures from many sources', () => {
    expect(shouldLockAccount({ failures: 1000, sources: 1 }, p)).toBe(false);
    expect(shouldLockAccount({ failures: 1000, sources: 4 }, p)).toBe(false);
    expect(shouldLockAccount({ failures: 49, sources: 10 }, p)).toBe(false);
    expect(shouldLockAccount({ failures: 50, sources: 5 }, p)).toBe(true);
  });

  it('rounds Retry-After up to whole seconds', () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    expect(retryAfterSeconds(new Date('2026-03-02T10:00:29.100Z'), now)).toBe(30);
    expect(retryAfterSeconds(new Date('2026-03-02T10:00:00.000Z'), now)).toBe(1);
  });
});
