// After a field trip: the external quality information feedback form (外部质量信息反馈单) and the
// return of old parts. The form states the nature, cause and handling of the problem, is signed by
// the department head and handed in within 10 days of returning; without it travel expenses are
// not reimbursed [seed 002 GK-09, SPEC §2.5]. Dates are local calendar days as 'YYYY-MM-DD'.

export const FEEDBACK_DAYS = 10;

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' string; RangeError if it is not a real date. */
const dayNumber = (day: string): number => {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${day}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDay(ms / DAY_MS) !== day) throw new RangeError(`No such date: ${day}`);
  return ms / DAY_MS;
};

const formatDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The last day on which the form is on time: the return day + 10 calendar days. */
export const feedbackDueOn = (returnedOn: string): string => formatDay(dayNumber(returnedOn) + FEEDBACK_DAYS);

/** missing: not started; draft: being written; submitted: waiting for the head's signature; signed: done. */
export type FeedbackState = 'missing' | 'draft' | 'submitted' | 'signed';

/**
 * Only a signed form meets the rule (GK-09 asks for the head's signature within the 10 days), so a
 * submitted but unsigned form still counts down and can be overdue. `daysLeft` is 0 on the due day
 * and negative after it; null when signed or when there is no due date (the trip has not ended).
 */
export const feedbackStatus = (o: {
  state: FeedbackState;
  dueOn: string | null;
  today: string;
}): { state: FeedbackState; overdue: boolean; daysLeft: number | null } => {
  if (o.state === 'signed' || o.dueOn === null) return { state: o.state, overdue: false, daysLeft: null };
  const daysLeft = dayNumber(o.dueOn) - dayNumber(o.today);
  return { state: o.state, overdue: daysLeft < 0, daysLeft };
};

/** Travel expenses (差旅费) are reimbursed only with the signed feedback form. */
export const reimbursementCheck = (o: {
  state: FeedbackState;
}): { ok: true } | { ok: false; code: 'feedback_missing'; message: string; messageEn: string } =>
  o.state === 'signed'
    ? { ok: true }
    : {
        ok: false,
        code: 'feedback_missing',
        message: '未交经部门负责人签字的《外部质量信息反馈单》，差旅费不予报销（GK-09）',
        messageEn:
          'No external quality feedback form signed by the department head: travel expenses are not reimbursed (GK-09)',
      };

/**
 * Days to hand in a replaced old part (旧件) after it was consumed. The seeds only say "by the fixed
 * return dates" [seed 001, SPEC §2.9] without a number, so 30 days is our default; change it here.
 */
export const OLD_PART_RETURN_DAYS = 30;

/**
 * When the old part is due: 30 × 24 h after consumption. In Asia/Shanghai (no daylight saving)
 * that is the same local time 30 calendar days later.
 */
export const oldPartDueAt = (consumedAt: Date): Date =>
  new Date(consumedAt.getTime() + OLD_PART_RETURN_DAYS * DAY_MS);
