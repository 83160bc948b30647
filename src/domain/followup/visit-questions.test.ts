import { describe, expect, it } from 'vitest';
import { checkVisitAnswers, evaluateVisit, VISIT_QUESTIONS, visitDueAt } from './visit-questions.ts';

const a = (code: string, score: number | null) => ({ code, score, comment: null });

describe('visit questions', () => {
  it('cover the questions of SPEC §2.12 with Chinese and English text', () => {
    expect(VISIT_QUESTIONS.map((q) => q.code)).toEqual([
      'product',
      'service',
      'attitude',
      'skill',
      'timeliness',
      'needs',
    ]);
    for (const q of VISIT_QUESTIONS) {
      expect(q.text).toMatch(/[\u4e00-\u9fff]/);
      expect(q.textEn.length).toBeGreaterThan(5);
    }
    expect(VISIT_QUESTIONS.filter((q) => !q.scored).map((q) => q.code)).toEqual(['needs']);
  });

  it('is due three days after the service ended', () => {
    expect(visitDueAt(new Date('2026-03-02T01:00:00Z')).toISOString()).toBe('2026-03-05T01:00:00.000Z');
  });
});

describe('checkVisitAnswers', () => {
  it('accepts scores 1–5, nulls and a words-only answer', () => {
    expect(checkVisitAnswers([a('product', 5), a('service', 1), a('skill', null), a('needs', null)])).toEqual(
      [],
    );
  });

  it('names the field of each problem', () => {
    expect(checkVisitAnswers([a('nope', 3), a('product', 6), a('product', 4), a('needs', 3)])).toEqual([
      { field: 'answers.0.code', message: 'is not a visit question' },
      { field: 'answers.1.score', message: 'must be a whole number from 1 to 5' },
      { field: 'answers.2.code', message: 'is used twice' },
      { field: 'answers.3.score', message: 'must be null for this question' },
    ]);
    expect(checkVisitAnswers([a('product', 0)])[0]!.field).toBe('answers.0.score');
    expect(checkVisitAnswers([a('product', 2.5)])[0]!.field).toBe('answers.0.score');
  });

  it('needs at least one score', () => {
    expect(checkVisitAnswers([])).toEqual([{ field: 'answers', message: 'needs at least one score' }]);
    expect(checkVisitAnswers([a('product', null), a('needs', null)])).toEqual([
      { field: 'answers', message: 'needs at least one score' },
    ]);
  });
});

describe('evaluateVisit', () => {
  it('takes the mean ×100 of the given scores only', () => {
    const v = evaluateVisit([a('product', 5), a('service', 4), a('attitude', null), a('needs', null)]);
    expect(v).toEqual({ scoreX100: 450, unhappy: false, reasons: [] });
  });

  it('rounds the mean ×100 to an integer', () => {
    // (5 + 4 + 4) / 3 = 4.333… → 433
    expect(evaluateVisit([a('product', 5), a('service', 4), a('skill', 4)]).scoreX100).toBe(433);
    // (5 + 5 + 4) / 3 = 4.666… → 467
    expect(evaluateVisit([a('product', 5), a('service', 5), a('skill', 4)]).scoreX100).toBe(467);
  });

  it('is unhappy when any score is 2 or below, even with a good mean', () => {
    const v = evaluateVisit([a('product', 5), a('service', 5), a('attitude', 5), a('timeliness', 2)]);
    expect(v.scoreX100).toBe(425);
    expect(v.unhappy).toBe(true);
    expect(v.reasons).toEqual([
      expect.objectContaining({ code: 'low_score', question: 'timeliness', score: 2 }),
    ]);
  });

  it('is unhappy when the mean is below 3 without any score of 2 or below', () => {
    // Not reachable with whole scores ≥ 3; a mean under 3 always has a score ≤ 2. Both reasons show.
    const v = evaluateVisit([a('product', 3), a('service', 2)]);
    expect(v.unhappy).toBe(true);
    expect(v.reasons.map((r) => r.code)).toEqual(['low_score', 'low_mean']);
  });

  it('a mean of exactly 3 with no low score is not unhappy', () => {
    expect(evaluateVisit([a('product', 3), a('service', 3)])).toEqual({
      scoreX100: 300,
      unhappy: false,
      reasons: [],
    });
  });

  it('no scores → no figure, not unhappy', () => {
    expect(evaluateVisit([a('needs', null)])).toEqual({ scoreX100: null, unhappy: false, reasons: [] });
  });
});
