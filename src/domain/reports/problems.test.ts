import { describe, expect, it } from 'vitest';
import { mergeProblems, scoreLine } from './problems.ts';

const c = (id: string, n: number, overdue = 0) => ({
  customerId: id,
  customerName: `客户${id}`,
  dealerName: null,
  n,
  overdue,
  refs: [`T-${id}`],
});

describe('daily problem list', () => {
  it('lists each customer once with all its reasons, worst first', () => {
    const list = mergeProblems({
      tickets: [c('a', 3, 1), c('b', 1, 0)],
      visits: [c('b', 1)],
      complaints: [c('c', 2, 1)],
    });
    expect(list.map((x) => x.customerId)).toEqual(['c', 'a', 'b']);
    expect(list[0]!.reasons.map((r) => [r.code, r.count])).toEqual([
      ['complaint_feedback_late', 1],
      ['open_complaint', 1],
    ]);
    expect(list[1]!.reasons.map((r) => [r.code, r.count])).toEqual([
      ['sla_overdue', 1],
      ['sla_at_risk', 2],
    ]);
    expect(list[2]!.reasons.map((r) => r.code)).toEqual(['unhappy_visit', 'sla_at_risk']);
    expect(list[2]!.reasons[0]!.label).toBe('回访不满意');
  });
  it('is empty when nobody has a problem', () => {
    expect(mergeProblems({ tickets: [], visits: [], complaints: [] })).toEqual([]);
  });
});

describe('weekly score lines', () => {
  it('means scores 1–5 and NPS', () => {
    expect(
      scoreLine({
        id: 'e',
        name: '周工',
        answered: 4,
        scored: 3,
        scoreX100Sum: 1200,
        unhappy: 1,
        npsAnswered: 2,
        promoters: 1,
        detractors: 1,
      }),
    ).toEqual({ id: 'e', name: '周工', answered: 4, meanScore: 4, unhappy: 1, nps: 0 });
  });
});
