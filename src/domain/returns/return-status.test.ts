import { describe, expect, it } from 'vitest';
import { nextReturnAlert, stepRefusal } from './return-status.ts';

describe('return steps', () => {
  it('allows the decision only on a submitted request', () => {
    expect(stepRefusal('decision', { status: 'submitted', option: null })).toBeNull();
    expect(stepRefusal('decision', { status: 'approved', option: 'refund' })).toEqual({
      code: 'wrong_status',
      expected: ['submitted'],
    });
  });
  it('refuses a receipt before the decision', () => {
    expect(stepRefusal('receipt', { status: 'submitted', option: null })?.code).toBe('wrong_status');
  });
  it('lets a passed inspection go on only the way the approval chose', () => {
    expect(stepRefusal('refund_draft', { status: 'passed', option: 'refund' })).toBeNull();
    expect(stepRefusal('refund_draft', { status: 'passed', option: 'exchange' })).toEqual({
      code: 'wrong_option',
      expected: ['refund'],
    });
    expect(stepRefusal('exchange', { status: 'passed', option: 'replacement' })).toBeNull();
    expect(stepRefusal('repair', { status: 'passed', option: 'repair' })).toBeNull();
    expect(stepRefusal('send_back', { status: 'passed', option: 'refund' })?.code).toBe('wrong_status');
  });
});

describe('nextReturnAlert', () => {
  const due = new Date('2026-03-02T16:00:00Z'); // 24:00 Shanghai
  const start = new Date('2026-03-02T02:00:00Z');
  it('warns two hours before the deadline, then at the deadline, each once', () => {
    expect(nextReturnAlert({ status: 'submitted', dueAt: due, stepStartedAt: start, fired: [] })).toEqual({
      at: new Date('2026-03-02T14:00:00Z'),
      key: 'submitted:warn',
      kind: 'warn',
    });
    expect(
      nextReturnAlert({ status: 'submitted', dueAt: due, stepStartedAt: start, fired: ['submitted:warn'] }),
    ).toEqual({ at: due, key: 'submitted:breach', kind: 'breach' });
    expect(
      nextReturnAlert({
        status: 'submitted',
        dueAt: due,
        stepStartedAt: start,
        fired: ['submitted:warn', 'submitted:breach'],
      }),
    ).toBeNull();
  });
  it('warns at once when the step is shorter than the warning time', () => {
    const late = new Date('2026-03-02T15:30:00Z');
    expect(nextReturnAlert({ status: 'submitted', dueAt: due, stepStartedAt: late, fired: [] })?.at).toEqual(
      late,
    );
  });
  it('has nothing to say for a closed request or a step without a deadline', () => {
    expect(nextReturnAlert({ status: 'refunded', dueAt: due, stepStartedAt: start, fired: [] })).toBeNull();
    expect(nextReturnAlert({ status: 'approved', dueAt: null, stepStartedAt: start, fired: [] })).toBeNull();
  });
});
