import type { Reason } from './entitlement-types.ts';

// Clause references, keyed by clause key. A clause key is the reason code, except where one code
// can rest on two clauses (the reporting rule: §5.1 in general, §5.2 when a non-wear part is
// presumed user damage), which use `<code>_part`. References follow seed 000 (第二篇 §4–§5 bare,
// 第四篇 by section and item) and seed 001 (篇三, 篇六). A policy overrides them via `clauses`.
export const DEFAULT_CLAUSES: Record<string, string> = {
  // Start of the term
  start_basis: '第四篇 一.2',
  start_fallback: '第四篇 一.2',
  start_completion_no_card: '篇三 二.7',
  start_missing: '第四篇 一.2',
  before_start: '第四篇 一.2',
  // Length of the term
  term_by_date: '第四篇 一.2',
  hours_limit_reached: '第四篇 一.2',
  hours_within_limit: '第四篇 一.2',
  hours_unknown: '第四篇 一.2',
  hours_unlimited: '第四篇 二.2',
  plan_applied: '第四篇 二.2',
  plan_unknown: '第四篇 二.2',
  model_hours_override: '第四篇 二.2',
  weight_hour_limit: '第四篇 一.2',
  weight_hour_limit_skipped: '第四篇 二.2',
  weight_unknown: '第四篇 一.2',
  attachment_reduction: '第四篇 二.2',
  attachment_reduction_skipped: '第四篇 二.2',
  special_terms: '第四篇 一.2',
  // Events on the asset
  gps_tamper_void: '第四篇 二.3',
  gps_tamper_after: '第四篇 二.3',
  part_warranty: '篇六 (一).2',
  // Coverage class
  wear_part: '4.2.2',
  consumable: '4.2.2',
  cause_wear: '4.2.2',
  cause_defect: '4.1.4',
  cause_supplier: '4.1.2',
  cause_workmanship: '4.1.3',
  cause_customer: '4.2.1/4.2.3',
  cause_force_majeure: '4.3.5',
  cause_unknown: '4.1.1',
  // Reporting rule
  report_in_time: '5.1',
  report_unknown: '5.1',
  late_report: '5.1',
  late_report_part: '5.2',
  no_evidence: '5.1',
  no_evidence_part: '5.2',
  out_of_warranty_quote: '5.4',
};

/** Collects reasons for one decision, citing the policy's clause for each. */
export type ReasonLog = {
  reasons: Reason[];
  overrides: Partial<Record<string, string>> | undefined;
};

export const clauseFor = (
  key: string,
  overrides: Partial<Record<string, string>> | undefined,
): string | null => overrides?.[key] ?? DEFAULT_CLAUSES[key] ?? null;

export const say = (log: ReasonLog, code: string, message: string, messageEn: string, clauseKey = code) => {
  log.reasons.push({ code, clause: clauseFor(clauseKey, log.overrides), message, messageEn });
};

/** Hour limits read as "2000 h" / "不限小时". */
export const hoursZh = (h: number | null) => (h === null ? '不限小时' : `${h} h`);
export const hoursEn = (h: number | null) => (h === null ? 'unlimited hours' : `${h} h`);
