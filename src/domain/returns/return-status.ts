// The life of a return request (退换货) and the alerts on its open step's deadline.
import type { Remedy } from './return-types.ts';

export const RETURN_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'received',
  'passed',
  'failed',
  'refunded',
  'exchanged',
  'repaired',
  'sent_back',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const OPEN_RETURN_STATUSES: readonly ReturnStatus[] = [
  'submitted',
  'approved',
  'received',
  'passed',
  'failed',
];

export const RETURN_STEPS = [
  'decision',
  'receipt',
  'inspection',
  'refund_draft',
  'refund_approve',
  'exchange',
  'repair',
  'send_back',
] as const;
export type ReturnStep = (typeof RETURN_STEPS)[number];

/** Where a step may start from; the option the approval chose narrows the steps after a passed inspection. */
const FROM: Record<ReturnStep, ReturnStatus> = {
  decision: 'submitted',
  receipt: 'approved',
  inspection: 'received',
  refund_draft: 'passed',
  refund_approve: 'passed',
  exchange: 'passed',
  repair: 'passed',
  send_back: 'failed',
};

const OPTION_STEPS: Partial<Record<ReturnStep, readonly Remedy[]>> = {
  refund_draft: ['refund'],
  refund_approve: ['refund'],
  exchange: ['exchange', 'replacement'],
  repair: ['repair'],
};

export type StepRefusal = { code: 'wrong_status' | 'wrong_option'; expected: string[] };

/** Null when the step may run now; otherwise why not (the caller answers 409 with it). */
export const stepRefusal = (
  step: ReturnStep,
  r: { status: ReturnStatus; option: Remedy | null },
): StepRefusal | null => {
  if (r.status !== FROM[step]) return { code: 'wrong_status', expected: [FROM[step]] };
  const options = OPTION_STEPS[step];
  if (options && (r.option === null || !options.includes(r.option)))
    return { code: 'wrong_option', expected: [...options] };
  return null;
};

/** How long before a deadline the desk is warned; a step shorter than that is warned at its start. */
export const WARN_BEFORE_MS = 2 * 60 * 60_000;

export type ReturnAlert = { at: Date; key: string; kind: 'warn' | 'breach' };

/**
 * The next alert of the open step: a warning two hours before its deadline, then the breach at the
 * deadline itself. `fired` holds the keys already sent (`submitted:warn`), so each fires once.
 */
export const nextReturnAlert = (r: {
  status: ReturnStatus;
  dueAt: Date | null;
  stepStartedAt: Date;
  fired: readonly string[];
}): ReturnAlert | null => {
  if (!r.dueAt || !OPEN_RETURN_STATUSES.includes(r.status)) return null;
  const warnKey = `${r.status}:warn`;
  const breachKey = `${r.status}:breach`;
  if (!r.fired.includes(warnKey)) {
    const warnMs = Math.max(r.dueAt.getTime() - WARN_BEFORE_MS, r.stepStartedAt.getTime());
    return { at: new Date(warnMs), key: warnKey, kind: 'warn' };
  }
  if (!r.fired.includes(breachKey)) return { at: r.dueAt, key: breachKey, kind: 'breach' };
  return null;
};
