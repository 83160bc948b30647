import { describe, expect, it } from 'vitest';
import {
  FEEDBACK_DAYS,
  feedbackDueOn,
  feedbackStatus,
  OLD_PART_RETURN_DAYS,
  oldPartDueAt,
  reimbursementCheck,
} from './field-feedback.ts';

describe('feedback form due date (GK-09)', () => {
  it('is 10 calendar days after the return', () => {
    expect(FEEDBACK_DAYS).toBe(10);
    expect(feedbackDueOn('2026-05-04')).toBe('2026-05-14');
  });

  it('crosses month and year boundaries, leap and common Februaries', () => {
    expect(feedbackDueOn('2026-01-25')).toBe('2026-02-04');
    expect(feedbackDueOn('2026-12-27')).toBe('2027-01-06');
    expect(feedbackDueOn('2028-02-25')).toBe('2028-03-06'); // leap year: 29 days
    expect(feedbackDueOn('2027-02-25')).toBe('2027-03-07');
    expect(feedbackDueOn('2026-03-29')).toBe('2026-04-08');
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => feedbackDueOn('2026-5-4')).toThrow(RangeError);
    expect(() => feedbackDueOn('2026-02-30')).toThrow(RangeError);
    expect(() => feedbackDueOn('2026-05-04T00:00:00Z')).toThrow(RangeError);
  });
});

describe('feedbackStatus', () => {
  const dueOn = feedbackDueOn('2026-05-04'); // 2026-05-14

  it('day 10 after the return is not overdue, day 11 is', () => {
    expect(feedbackStatus({ state: 'draft', dueOn, today: '2026-05-14' })).toEqual({
      state: 'draft',
      overdue: false,
      daysLeft: 0,
    });
    expect(feedbackStatus({ state: 'missing', dueOn, today: '2026-05-15' })).toEqual({
      state: 'missing',
      overdue: true,
      daysLeft: -1,
    });
    expect(feedbackStatus({ state: 'missing', dueOn, today: '2026-05-04' }).daysLeft).toBe(10);
  });

  it('counts across a year end', () => {
    const due = feedbackDueOn('2026-12-27');
    expect(feedbackStatus({ state: 'missing', dueOn: due, today: '2027-01-07' })).toMatchObject({
      overdue: true,
      daysLeft: -1,
    });
    expect(feedbackStatus({ state: 'missing', dueOn: due, today: '2026-12-31' }).daysLeft).toBe(6);
  });

  it('a submitted form still waits for the signature; a signed one is never overdue', () => {
    expect(feedbackStatus({ state: 'submitted', dueOn, today: '2026-05-20' }).overdue).toBe(true);
    expect(feedbackStatus({ state: 'signed', dueOn, today: '2026-06-20' })).toEqual({
      state: 'signed',
      overdue: false,
      daysLeft: null,
    });
  });

  it('has no countdown before the trip ends', () => {
    expect(feedbackStatus({ state: 'missing', dueOn: null, today: '2026-05-20' })).toEqual({
      state: 'missing',
      overdue: false,
      daysLeft: null,
    });
  });
});

describe('reimbursementCheck', () => {
  it('passes only with the signed form', () => {
    expect(reimbursementCheck({ state: 'signed' })).toEqual({ ok: true });
    for (const state of ['missing', 'draft', 'submitted'] as const) {
      const r = reimbursementCheck({ state });
      expect(r).toMatchObject({ ok: false, code: 'feedback_missing' });
      if (!r.ok) {
        expect(r.message).toContain('差旅费不予报销');
        expect(r.message).toContain('GK-09');
      }
    }
  });
});

describe('oldPartDueAt', () => {
  it('is 30 days after consumption, same local time', () => {
    expect(OLD_PART_RETURN_DAYS).toBe(30);
    const at = new Date('2026-01-20T09:30:00+08:00');
    expect(oldPartDueAt(at).toISOString()).toBe(new Date('2026-02-19T09:30:00+08:00').toISOString());
    expect(at.toISOString()).toBe('2026-01-20T01:30:00.000Z'); // input not mutated
  });
});
