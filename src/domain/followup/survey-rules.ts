import { formatDay, localDay, zoneFor } from '../warranty/zoned-calendar.ts';
import type { FieldError } from './visit-questions.ts';

// 满意度调查 [SPEC §2.12, seed 002 "每季度不少于一次向顾客发放问卷，征求意见"]: a questionnaire goes
// to every active customer at least once a quarter. Questions are data: score (1–5), nps (0–10,
// "how likely are you to recommend us"), choice (one of the options) or text. These rules check a
// questionnaire and an answer sheet, and compute the two figures the reports cut: the mean of the
// score questions ×100 and the NPS answer.

export const QUESTION_TYPES = ['score', 'nps', 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type SurveyQuestion = {
  code: string;
  type: QuestionType;
  text: string;
  textEn?: string | null;
  options?: string[] | null;
  required: boolean;
};

export type SurveyAnswer = { code: string; value: number | string | null };

export const TEXT_ANSWER_MAX = 2000;

/** A questionnaire's own mistakes, each on its field (`questions.2.options`). */
export const checkSurveyQuestions = (questions: readonly SurveyQuestion[]): FieldError[] => {
  const errors: FieldError[] = [];
  if (questions.length === 0) errors.push({ field: 'questions', message: 'needs at least one question' });
  const seen = new Set<string>();
  let nps = 0;
  questions.forEach((q, i) => {
    if (seen.has(q.code)) errors.push({ field: `questions.${i}.code`, message: 'is used twice' });
    seen.add(q.code);
    const options = q.options ?? [];
    if (q.type === 'choice') {
      if (options.length < 2)
        errors.push({ field: `questions.${i}.options`, message: 'needs at least 2 options' });
      else if (new Set(options.map((o) => o.trim())).size !== options.length)
        errors.push({ field: `questions.${i}.options`, message: 'has the same option twice' });
      else if (options.some((o) => o.trim() === ''))
        errors.push({ field: `questions.${i}.options`, message: 'has an empty option' });
    } else if (options.length > 0)
      errors.push({ field: `questions.${i}.options`, message: 'is only for choice questions' });
    // One recommendation figure per answer sheet: the reports carry a single NPS value.
    if (q.type === 'nps' && ++nps > 1)
      errors.push({ field: `questions.${i}.type`, message: 'only one nps question per survey' });
  });
  return errors;
};

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** An answer sheet against its questionnaire: known codes once each, values per type, required ones given. */
export const checkSurveyAnswers = (
  questions: readonly SurveyQuestion[],
  answers: readonly SurveyAnswer[],
): FieldError[] => {
  const errors: FieldError[] = [];
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const q = byCode.get(a.code);
    if (!q) {
      errors.push({ field: `answers.${i}.code`, message: 'is not a question of this survey' });
      return;
    }
    if (seen.has(a.code)) errors.push({ field: `answers.${i}.code`, message: 'is used twice' });
    seen.add(a.code);
    if (empty(a.value)) return;
    const field = `answers.${i}.value`;
    switch (q.type) {
      case 'score':
        if (!isInt(a.value, 1, 5)) errors.push({ field, message: 'must be a whole number from 1 to 5' });
        break;
      case 'nps':
        if (!isInt(a.value, 0, 10)) errors.push({ field, message: 'must be a whole number from 0 to 10' });
        break;
      case 'choice':
        if (typeof a.value !== 'string' || !(q.options ?? []).includes(a.value))
          errors.push({ field, message: 'is not one of the options' });
        break;
      case 'text':
        if (typeof a.value !== 'string') errors.push({ field, message: 'must be text' });
        else if (a.value.length > TEXT_ANSWER_MAX)
          errors.push({ field, message: `must NOT have more than ${TEXT_ANSWER_MAX} characters` });
        break;
    }
  });
  questions.forEach((q) => {
    if (!q.required) return;
    const given = answers.find((a) => a.code === q.code);
    if (!given || empty(given.value)) errors.push({ field: `answers.${q.code}`, message: 'is required' });
  });
  return errors;
};

/** The figures of one checked answer sheet: mean of the score answers ×100 (rounded) and the NPS answer. */
export const scoreSurvey = (
  questions: readonly SurveyQuestion[],
  answers: readonly SurveyAnswer[],
): { scoreX100: number | null; nps: number | null } => {
  const type = new Map(questions.map((q) => [q.code, q.type]));
  const scores = answers.filter((a) => type.get(a.code) === 'score' && typeof a.value === 'number');
  const npsAnswer = answers.find((a) => type.get(a.code) === 'nps' && typeof a.value === 'number');
  const sum = scores.reduce((s, a) => s + (a.value as number), 0);
  return {
    scoreX100: scores.length > 0 ? Math.round((sum * 100) / scores.length) : null,
    nps: npsAnswer ? (npsAnswer.value as number) : null,
  };
};

export type NpsBucket = 'promoter' | 'passive' | 'detractor';

/** Net Promoter buckets: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export const npsBucket = (value: number): NpsBucket =>
  value >= 9 ? 'promoter' : value >= 7 ? 'passive' : 'detractor';

/** NPS = % promoters − % detractors, rounded to an integer from −100 to 100; null without answers. */
export const npsOf = (c: { promoters: number; detractors: number; answered: number }): number | null =>
  c.answered === 0 ? null : Math.round((100 * (c.promoters - c.detractors)) / c.answered);

export const PERIOD_PATTERN = '^[0-9]{4}-Q[1-4]$';

/** The quarter an instant falls in, in the business time zone: 2026-10-01 00:30 Beijing → 2026-Q4. */
export const quarterOf = (at: Date, timeZone = 'Asia/Shanghai'): string => {
  const day = formatDay(localDay(zoneFor(timeZone), at.getTime()));
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
};

/**
 * Once invitations went out, answers already given must keep their meaning: the codes, types and
 * options stay; texts may still be corrected. Returns the first field that changed, or null.
 */
export const shapeChange = (
  before: readonly SurveyQuestion[],
  after: readonly SurveyQuestion[],
): FieldError | null => {
  if (before.length !== after.length)
    return { field: 'questions', message: 'cannot add or remove questions once invitations are sent' };
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a.code !== b.code || a.type !== b.type)
      return { field: `questions.${i}`, message: 'cannot change code or type once invitations are sent' };
    if (JSON.stringify(a.options ?? []) !== JSON.stringify(b.options ?? []))
      return { field: `questions.${i}.options`, message: 'cannot change once invitations are sent' };
  }
  return null;
};
