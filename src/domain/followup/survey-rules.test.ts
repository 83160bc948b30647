import { describe, expect, it } from 'vitest';
import {
  checkSurveyAnswers,
  checkSurveyQuestions,
  npsBucket,
  npsOf,
  quarterOf,
  type SurveyQuestion,
  scoreSurvey,
  shapeChange,
} from './survey-rules.ts';

const Q: SurveyQuestion[] = [
  { code: 'overall', type: 'score', text: '总体满意度', required: true },
  { code: 'service', type: 'score', text: '服务', required: false },
  { code: 'recommend', type: 'nps', text: '推荐', required: true },
  { code: 'channel', type: 'choice', text: '渠道', options: ['电话', '网站'], required: false },
  { code: 'remarks', type: 'text', text: '建议', required: false },
];

describe('checkSurveyQuestions', () => {
  it('accepts a sound questionnaire', () => {
    expect(checkSurveyQuestions(Q)).toEqual([]);
  });

  it('needs at least one question', () => {
    expect(checkSurveyQuestions([])).toEqual([
      { field: 'questions', message: 'needs at least one question' },
    ]);
  });

  it('codes are unique', () => {
    expect(checkSurveyQuestions([Q[0]!, { ...Q[1]!, code: 'overall' }])).toEqual([
      { field: 'questions.1.code', message: 'is used twice' },
    ]);
  });

  it('a choice needs at least two distinct, non-empty options', () => {
    const choice = (options: string[] | undefined) =>
      checkSurveyQuestions([{ code: 'c', type: 'choice', text: 'c', options, required: false }]);
    expect(choice(undefined)).toEqual([
      { field: 'questions.0.options', message: 'needs at least 2 options' },
    ]);
    expect(choice(['a'])).toEqual([{ field: 'questions.0.options', message: 'needs at least 2 options' }]);
    expect(choice(['a', 'a'])[0]!.message).toBe('has the same option twice');
    expect(choice(['a', ' '])[0]!.message).toBe('has an empty option');
    expect(choice(['a', 'b'])).toEqual([]);
  });

  it('options belong to choice questions only; one NPS question at most', () => {
    expect(
      checkSurveyQuestions([{ code: 's', type: 'score', text: 's', options: ['x', 'y'], required: false }]),
    ).toEqual([{ field: 'questions.0.options', message: 'is only for choice questions' }]);
    expect(checkSurveyQuestions([Q[2]!, { ...Q[2]!, code: 'again' }])).toEqual([
      { field: 'questions.1.type', message: 'only one nps question per survey' },
    ]);
  });
});

describe('checkSurveyAnswers', () => {
  const ok = [
    { code: 'overall', value: 4 },
    { code: 'recommend', value: 9 },
    { code: 'channel', value: '电话' },
    { code: 'remarks', value: '很好' },
  ];

  it('accepts valid answers; optional ones may be left out or empty', () => {
    expect(checkSurveyAnswers(Q, ok)).toEqual([]);
    expect(
      checkSurveyAnswers(Q, [
        ...ok.slice(0, 2),
        { code: 'service', value: null },
        { code: 'remarks', value: '' },
      ]),
    ).toEqual([]);
  });

  it('checks each value by its question type', () => {
    expect(
      checkSurveyAnswers(Q, [
        { code: 'overall', value: 6 },
        { code: 'recommend', value: 11 },
        { code: 'channel', value: '邮件' },
        { code: 'remarks', value: 5 },
        { code: 'service', value: 2.5 },
      ]),
    ).toEqual([
      { field: 'answers.0.value', message: 'must be a whole number from 1 to 5' },
      { field: 'answers.1.value', message: 'must be a whole number from 0 to 10' },
      { field: 'answers.2.value', message: 'is not one of the options' },
      { field: 'answers.3.value', message: 'must be text' },
      { field: 'answers.4.value', message: 'must be a whole number from 1 to 5' },
    ]);
    expect(checkSurveyAnswers(Q, [...ok, { code: 'remarks', value: 'x' }])[0]).toEqual({
      field: 'answers.4.code',
      message: 'is used twice',
    });
    expect(
      checkSurveyAnswers(Q, [...ok.slice(0, 3), { code: 'remarks', value: 'x'.repeat(2001) }])[0]!.field,
    ).toBe('answers.3.value');
  });

  it('NPS takes 0 and 10; score takes 1 and 5', () => {
    expect(
      checkSurveyAnswers(Q, [
        { code: 'overall', value: 1 },
        { code: 'service', value: 5 },
        { code: 'recommend', value: 0 },
      ]),
    ).toEqual([]);
    expect(
      checkSurveyAnswers(Q, [
        { code: 'overall', value: 0 },
        { code: 'recommend', value: 10 },
      ]),
    ).toEqual([{ field: 'answers.0.value', message: 'must be a whole number from 1 to 5' }]);
  });

  it('names unknown codes and missing required questions', () => {
    expect(checkSurveyAnswers(Q, [{ code: 'nope', value: 1 }])).toEqual([
      { field: 'answers.0.code', message: 'is not a question of this survey' },
      { field: 'answers.overall', message: 'is required' },
      { field: 'answers.recommend', message: 'is required' },
    ]);
    expect(
      checkSurveyAnswers(Q, [
        { code: 'overall', value: null },
        { code: 'recommend', value: 8 },
      ]),
    ).toEqual([{ field: 'answers.overall', message: 'is required' }]);
  });
});

describe('figures', () => {
  it('score mean ×100 of the score questions, and the NPS answer', () => {
    expect(
      scoreSurvey(Q, [
        { code: 'overall', value: 5 },
        { code: 'service', value: 4 },
        { code: 'recommend', value: 7 },
        { code: 'channel', value: '电话' },
      ]),
    ).toEqual({ scoreX100: 450, nps: 7 });
    expect(
      scoreSurvey(Q, [
        { code: 'overall', value: 2 },
        { code: 'service', value: 2 },
        { code: 'recommend', value: 3 },
      ]),
    ).toEqual({ scoreX100: 200, nps: 3 });
    expect(scoreSurvey(Q, [{ code: 'remarks', value: 'x' }])).toEqual({ scoreX100: null, nps: null });
    expect(
      scoreSurvey(Q, [
        { code: 'overall', value: 4 },
        { code: 'service', value: 5 },
        { code: 'overall', value: 5 },
      ]).scoreX100,
    ).toBe(467);
  });

  it('NPS buckets: 0–6 detractors, 7–8 passives, 9–10 promoters', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBucket)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('NPS = % promoters − % detractors', () => {
    expect(npsOf({ promoters: 5, detractors: 2, answered: 10 })).toBe(30);
    expect(npsOf({ promoters: 0, detractors: 3, answered: 3 })).toBe(-100);
    expect(npsOf({ promoters: 1, detractors: 0, answered: 3 })).toBe(33);
    expect(npsOf({ promoters: 0, detractors: 0, answered: 0 })).toBeNull();
  });
});

describe('periods', () => {
  it('the quarter in Beijing time', () => {
    expect(quarterOf(new Date('2026-09-30T15:59:00Z'))).toBe('2026-Q3');
    // 2026-10-01 00:30 in Beijing is still September in UTC.
    expect(quarterOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2026-01-01T00:00:00+08:00'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-06-30T12:00:00Z'))).toBe('2026-Q2');
  });
});

describe('shapeChange', () => {
  it('texts may change after sending; codes, types, options and the count may not', () => {
    expect(
      shapeChange(
        Q,
        Q.map((q) => ({ ...q, text: `${q.text}？`, textEn: 'x' })),
      ),
    ).toBeNull();
    expect(shapeChange(Q, Q.slice(1))?.field).toBe('questions');
    expect(
      shapeChange(
        Q,
        Q.map((q, i) => (i === 1 ? { ...q, type: 'nps' as const } : q)),
      )?.field,
    ).toBe('questions.1');
    expect(
      shapeChange(
        Q,
        Q.map((q) => (q.code === 'channel' ? { ...q, options: ['电话', '微信'] } : q)),
      )?.field,
    ).toBe('questions.3.options');
  });
});
