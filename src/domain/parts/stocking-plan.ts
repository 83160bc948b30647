import { formatDay, localDay, ymdToDay, zoneFor } from '../warranty/zoned-calendar.ts';

// 经销商备件储备计划 [SPEC §2.9, seed 001 篇一]: a dealer files its parts stocking plan 30 days before
// the selling season. A late plan is still accepted (the parts are still needed) but marked late, so
// the dealer scorecard and the technical department can see it.

export const LEAD_DAYS = 30;
export const CLAUSE = '篇一 经销商应在销售旺季前 30 天提交备件储备计划';

const parseDay = (date: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return ymdToDay(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** The last day to file the plan: seasonStart − 30 days (calendar days, 'YYYY-MM-DD'). */
export const planDueOn = (seasonStart: string): string => formatDay(parseDay(seasonStart) - LEAD_DAYS);

export type PlanTiming = {
  dueOn: string;
  /** Filed after the due day, or still unfiled and the due day has passed. */
  late: boolean;
  /** Days left until the due day (negative once it has passed); null once filed. */
  daysLeft: number | null;
  reason: { code: 'on_time' | 'late' | 'due_in' | 'overdue'; clause: string; message: string };
};

/**
 * Whether a plan is (or was) on time. The day counts in the business time zone: a plan submitted at
 * 23:30 Beijing time on the due day is on time even though it is the next day in UTC.
 */
export const planTiming = (opts: {
  seasonStart: string;
  submittedAt: Date | null;
  now: Date;
  timeZone?: string;
}): PlanTiming => {
  const zone = zoneFor(opts.timeZone ?? 'Asia/Shanghai');
  const due = parseDay(opts.seasonStart) - LEAD_DAYS;
  const dueOn = formatDay(due);
  if (opts.submittedAt) {
    const day = localDay(zone, opts.submittedAt.getTime());
    const late = day > due;
    return {
      dueOn,
      late,
      daysLeft: null,
      reason: late
        ? { code: 'late', clause: CLAUSE, message: `提交于 ${formatDay(day)}，晚于截止日 ${dueOn}` }
        : { code: 'on_time', clause: CLAUSE, message: `已于截止日 ${dueOn} 前提交` },
    };
  }
  const daysLeft = due - localDay(zone, opts.now.getTime());
  return {
    dueOn,
    late: daysLeft < 0,
    daysLeft,
    reason:
      daysLeft < 0
        ? { code: 'overdue', clause: CLAUSE, message: `已过截止日 ${dueOn} ${-daysLeft} 天，尚未提交` }
        : { code: 'due_in', clause: CLAUSE, message: `距截止日 ${dueOn} 还有 ${daysLeft} 天` },
  };
};

export type PlanLine = { partId: string; quantity: number; note?: string | null };
export type LineError = { field: string; message: string };

/**
 * Lines a plan may hold: each part once, whole positive quantities. `forSubmit` also needs at least
 * one line (a draft may be saved empty while the dealer works on it).
 */
export const checkPlanLines = (
  lines: readonly PlanLine[],
  opts: { forSubmit?: boolean } = {},
): LineError[] => {
  const errors: LineError[] = [];
  if (opts.forSubmit && lines.length === 0)
    errors.push({ field: 'lines', message: 'needs at least one part' });
  const seen = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!Number.isInteger(l.quantity) || l.quantity < 1)
      errors.push({ field: `lines[${i}].quantity`, message: 'must be a whole number of at least 1' });
    const first = seen.get(l.partId);
    if (first !== undefined)
      errors.push({ field: `lines[${i}].partId`, message: `appears twice (also in line ${first + 1})` });
    else seen.set(l.partId, i);
  });
  return errors;
};
