// 产品改进建议: what fault and complaint analyses send to R&D, quality, service or parts, tracked until
// done [SPEC §2.12; seed 004 售后服务部 3、产品质量改进]. Which status may follow which, and what it needs.
import { assertUnreachable } from '../../platform/errors.ts';

export const SUGGESTION_STATUSES = ['open', 'in_progress', 'done', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const SUGGESTION_TARGETS = ['rd', 'quality', 'service', 'parts'] as const;
export type SuggestionTarget = (typeof SUGGESTION_TARGETS)[number];

/** complaint: raised from a complaint; the others are standalone (故障分析, 回访, 满意度调查). */
export const SUGGESTION_SOURCES = ['complaint', 'fault_analysis', 'visit', 'survey'] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

/** Still tracked: counts for the overdue list. */
export const OPEN_SUGGESTION_STATUSES: readonly SuggestionStatus[] = ['open', 'in_progress'];

/** Reachable statuses; finished ones may be reopened when the problem comes back. */
export const nextSuggestionStatuses = (s: SuggestionStatus): SuggestionStatus[] => {
  switch (s) {
    case 'open':
      return ['in_progress', 'done', 'rejected'];
    case 'in_progress':
      return ['open', 'done', 'rejected'];
    case 'done':
      return ['in_progress'];
    case 'rejected':
      return ['open'];
    default:
      return assertUnreachable(s);
  }
};

export type SuggestionCheck =
  | { ok: true; doneAt: Date | null | undefined }
  | { ok: false; code: string; field: string; message: string; messageEn: string };

/**
 * A change of status: done and rejected need a resolution (what was changed, or why not) and stamp
 * the time; reopening clears it. `doneAt` undefined means "leave as is" (no status change).
 */
export const checkSuggestionChange = (o: {
  from: SuggestionStatus;
  to?: SuggestionStatus;
  resolution?: string | null;
  now: Date;
}): SuggestionCheck => {
  if (o.to === undefined || o.to === o.from) return { ok: true, doneAt: undefined };
  if (!nextSuggestionStatuses(o.from).includes(o.to))
    return {
      ok: false,
      code: 'invalid_transition',
      field: 'status',
      message: `改进建议不能从“${o.from}”转为“${o.to}”`,
      messageEn: `An improvement suggestion cannot move from ${o.from} to ${o.to}`,
    };
  const finishing = o.to === 'done' || o.to === 'rejected';
  if (finishing && !o.resolution?.trim())
    return {
      ok: false,
      code: 'missing_field',
      field: 'resolution',
      message: o.to === 'done' ? '完成时请填写改进结果' : '不采纳时请填写原因',
      messageEn: 'resolution is required',
    };
  return { ok: true, doneAt: finishing ? o.now : null };
};

/** Overdue: still open or in progress and past its due time. */
export const isSuggestionOverdue = (o: { status: SuggestionStatus; dueAt: Date | null }, now: Date) =>
  OPEN_SUGGESTION_STATUSES.includes(o.status) && o.dueAt !== null && o.dueAt.getTime() < now.getTime();
