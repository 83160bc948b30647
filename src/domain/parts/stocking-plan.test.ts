import { describe, expect, it } from 'vitest';
import { checkPlanLines, planDueOn, planTiming } from './stocking-plan.ts';

describe('planDueOn: season start − 30 days', () => {
  it('counts calendar days', () => {
    expect(planDueOn('2026-04-01')).toBe('2026-03-02');
    expect(planDueOn('2026-09-15')).toBe('2026-08-16');
  });
  it('crosses month and year ends', () => {
    expect(planDueOn('2027-01-10')).toBe('2026-12-11');
    expect(planDueOn('2026-03-01')).toBe('2026-01-30');
  });
  it('counts 29 February in leap years', () => {
    expect(planDueOn('2028-03-15')).toBe('2028-02-14');
    expect(planDueOn('2027-03-15')).toBe('2027-02-13');
  });
  it('rejects what is not a date', () => {
    expect(() => planDueOn('2026-4-1')).toThrow(RangeError);
  });
});

describe('planTiming', () => {
  const seasonStart = '2026-04-01'; // due 2026-03-02
  it('on the due day is on time, also late in the evening Beijing time', () => {
    const r = planTiming({
      seasonStart,
      submittedAt: new Date('2026-03-02T15:30:00Z'), // 23:30 in Beijing
      now: new Date('2026-03-05T00:00:00Z'),
    });
    expect(r).toMatchObject({ dueOn: '2026-03-02', late: false, daysLeft: null });
    expect(r.reason.code).toBe('on_time');
  });
  it('the day after is late (submitted, still accepted)', () => {
    const r = planTiming({
      seasonStart,
      submittedAt: new Date('2026-03-02T16:00:00Z'), // 00:00 on 3 March in Beijing
      now: new Date('2026-03-05T00:00:00Z'),
    });
    expect(r.late).toBe(true);
    expect(r.reason).toMatchObject({ code: 'late' });
    expect(r.reason.clause).toContain('30 天');
  });
  it('an unfiled plan counts down, then is overdue', () => {
    const before = planTiming({ seasonStart, submittedAt: null, now: new Date('2026-02-20T02:00:00Z') });
    expect(before).toMatchObject({ late: false, daysLeft: 10 });
    expect(before.reason.code).toBe('due_in');
    const dueDay = planTiming({ seasonStart, submittedAt: null, now: new Date('2026-03-02T10:00:00Z') });
    expect(dueDay).toMatchObject({ late: false, daysLeft: 0 });
    const after = planTiming({ seasonStart, submittedAt: null, now: new Date('2026-03-04T02:00:00Z') });
    expect(after).toMatchObject({ late: true, daysLeft: -2 });
    expect(after.reason.code).toBe('overdue');
  });
});

describe('checkPlanLines', () => {
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';
  it('accepts distinct parts with positive quantities', () => {
    expect(
      checkPlanLines([
        { partId: a, quantity: 10 },
        { partId: b, quantity: 1 },
      ]),
    ).toEqual([]);
  });
  it('names the line of a repeated part and of a bad quantity', () => {
    expect(
      checkPlanLines([
        { partId: a, quantity: 2 },
        { partId: b, quantity: 0 },
        { partId: a, quantity: 1.5 },
      ]).map((e) => e.field),
    ).toEqual(['lines[1].quantity', 'lines[2].quantity', 'lines[2].partId']);
  });
  it('a draft may be empty, a submitted plan may not', () => {
    expect(checkPlanLines([])).toEqual([]);
    expect(checkPlanLines([], { forSubmit: true })).toEqual([
      { field: 'lines', message: 'needs at least one part' },
    ]);
  });
});
