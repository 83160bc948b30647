/**
 * Login failure rules (issue 11): an anonymous client must not be able to lock an account out.
 *
 * - Per account and client (IP): the first `freeFailures` failures cost nothing; after that the
 *   client waits `firstDelayMs`, doubling with each further failure, at most `maxDelayMs`, before its
 *   next attempt on that account. Other clients are not affected.
 * - Per account: only when the account's failures within `windowMs` reach `lockFailures` AND come from
 *   at least `lockSources` distinct clients is the account locked for everyone for `lockMs`.
 * - A client's count starts again after `windowMs` without a failure, and after a successful login.
 */
export type LockoutPolicy = {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  lockFailures: number;
  lockSources: number;
  windowMs: number;
  lockMs: number;
};

/** How long a client must wait after its `failures`-th failure in a row on one account. */
export const clientDelayMs = (failures: number, p: LockoutPolicy): number => {
  if (failures < p.freeFailures) return 0;
  // 2^(n) overflows nothing here: the exponent is capped before the cap on the result.
  const doublings = Math.min(failures - p.freeFailures, 40);
  return Math.min(p.firstDelayMs * 2 ** doublings, p.maxDelayMs);
};

/** The failure count a client's row carries into a new failure at `now` (a quiet window resets it). */
export const failuresBefore = (
  row: { failures: number; lastFailedAt: Date } | null,
  now: Date,
  p: LockoutPolicy,
) => (row && now.getTime() - row.lastFailedAt.getTime() < p.windowMs ? row.failures : 0);

/** Whether the account-wide evidence (all clients within the window) warrants locking the account. */
export const shouldLockAccount = (
  evidence: { failures: number; sources: number },
  p: LockoutPolicy,
): boolean => evidence.failures >= p.lockFailures && evidence.sources >= p.lockSources;

/** Whole seconds for Retry-After, never 0 while a wait remains. */
export const retryAfterSeconds = (until: Date, now: Date): number =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
