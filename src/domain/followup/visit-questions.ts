// 回访 [SPEC §2.12, seed 004 "售后客户的回访、跟踪"]: after every closed service (and again after a
// resolved complaint) someone calls the customer and asks a fixed set of questions:
//   1) 询问客户产品质量及服务是否有问题;
//   2) 询问客户对业务员（工程师）的评价，服务是否及时、服务质量是否满意;
//   3) 询问客户是否有其他需求及对产品及服务的改进建议.
// Each scored question takes 1–5 (5 = very satisfied) or null (not asked / the customer would not
// say). The visit's score is the mean of the given scores ×100 (an integer, so reports average
// exactly); the customer counts as unhappy when any score is ≤ 2 or the mean is below 3, and an
// unhappy visit owes a follow-up action (seed 004: "把存在的问题即时向上级汇报，跟踪处理结果").

export const CLAUSE = 'SPEC §2.12 / seed 004 售后客户的回访、跟踪';

export type VisitQuestion = {
  code: string;
  text: string;
  textEn: string;
  /** false: answered in words only (other needs and suggestions). */
  scored: boolean;
};

export const VISIT_QUESTIONS: readonly VisitQuestion[] = [
  {
    code: 'product',
    text: '设备（产品）现在使用情况如何，质量是否还有问题？',
    textEn: 'Is the equipment working well now, or is anything still wrong with it?',
    scored: true,
  },
  {
    code: 'service',
    text: '本次服务是否解决了问题，对服务质量是否满意？',
    textEn: 'Did this service solve the problem, and are you satisfied with its quality?',
    scored: true,
  },
  {
    code: 'attitude',
    text: '工程师的服务态度如何？',
    textEn: "How was the engineer's attitude?",
    scored: true,
  },
  {
    code: 'skill',
    text: '工程师的技术水平如何？',
    textEn: "How was the engineer's skill?",
    scored: true,
  },
  {
    code: 'timeliness',
    text: '服务是否及时（响应、到场、修复）？',
    textEn: 'Was the service timely (response, arrival, repair)?',
    scored: true,
  },
  {
    code: 'needs',
    text: '是否还有其他需求，对产品和服务有什么改进建议？',
    textEn: 'Any other needs, and suggestions to improve our products and service?',
    scored: false,
  },
];

/** Days from closing the ticket (or resolving the complaint) until the visit is due. */
export const VISIT_DUE_DAYS = 3;

export type VisitAnswer = { code: string; score: number | null; comment?: string | null };

export type FieldError = { field: string; message: string };

const BY_CODE = new Map(VISIT_QUESTIONS.map((q) => [q.code, q]));

/** When a new visit is due: three calendar days after the service ended. */
export const visitDueAt = (endedAt: Date): Date => new Date(endedAt.getTime() + VISIT_DUE_DAYS * 86_400_000);

/** Shape errors of the answers, each on its own field (`answers.2.score`). */
export const checkVisitAnswers = (answers: readonly VisitAnswer[]): FieldError[] => {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let scores = 0;
  answers.forEach((a, i) => {
    const q = BY_CODE.get(a.code);
    if (!q) {
      errors.push({ field: `answers.${i}.code`, message: 'is not a visit question' });
      return;
    }
    if (seen.has(a.code)) errors.push({ field: `answers.${i}.code`, message: 'is used twice' });
    seen.add(a.code);
    if (a.score === null) return;
    if (!q.scored) errors.push({ field: `answers.${i}.score`, message: 'must be null for this question' });
    else if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5)
      errors.push({ field: `answers.${i}.score`, message: 'must be a whole number from 1 to 5' });
    else scores++;
  });
  if (errors.length === 0 && scores === 0)
    errors.push({ field: 'answers', message: 'needs at least one score' });
  return errors;
};

export type VisitReason =
  | { code: 'low_score'; question: string; score: number; clause: string }
  | { code: 'low_mean'; scoreX100: number; clause: string };

export type VisitVerdict = {
  /** Mean of the given scores ×100, rounded half up; null when no question was scored. */
  scoreX100: number | null;
  unhappy: boolean;
  reasons: VisitReason[];
};

/** Scores a visit (answers already checked): mean ×100, and whether the customer is unhappy and why. */
export const evaluateVisit = (answers: readonly VisitAnswer[]): VisitVerdict => {
  const given = answers.filter(
    (a): a is VisitAnswer & { score: number } => a.score !== null && BY_CODE.get(a.code)?.scored === true,
  );
  if (given.length === 0) return { scoreX100: null, unhappy: false, reasons: [] };
  const sum = given.reduce((s, a) => s + a.score, 0);
  const scoreX100 = Math.round((sum * 100) / given.length);
  const reasons: VisitReason[] = given
    .filter((a) => a.score <= 2)
    .map((a) => ({ code: 'low_score', question: a.code, score: a.score, clause: CLAUSE }));
  // Compared on the exact sum, so a mean of 2.995 (shown as 300 after rounding) still counts as < 3.
  if (sum < 3 * given.length) reasons.push({ code: 'low_mean', scoreX100, clause: CLAUSE });
  return { scoreX100, unhappy: reasons.length > 0, reasons };
};
