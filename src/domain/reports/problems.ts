// The daily list of customers with problems (问题客户清单) [seed 004]: per customer, every reason it
// is on the list, worst first, and the weekly report's per-engineer / per-dealer score lines.
import { mean, nps } from './figures.ts';

export type ProblemCode =
  | 'sla_overdue'
  | 'sla_at_risk'
  | 'unhappy_visit'
  | 'open_complaint'
  | 'complaint_feedback_late';

export const PROBLEM_LABELS: Record<ProblemCode, string> = {
  sla_overdue: '服务请求已超时',
  sla_at_risk: '服务请求即将超时',
  unhappy_visit: '回访不满意',
  open_complaint: '投诉未关闭',
  complaint_feedback_late: '投诉超 72 小时未反馈',
};

// How much each reason weighs when ordering the list: late promises and complaints first.
const WEIGHT: Record<ProblemCode, number> = {
  complaint_feedback_late: 5,
  sla_overdue: 3,
  open_complaint: 3,
  unhappy_visit: 2,
  sla_at_risk: 1,
};

export type ProblemReason = { code: ProblemCode; label: string; count: number; refs: string[] };
export type CustomerProblems = {
  customerId: string;
  customerName: string;
  dealerName: string | null;
  severity: number;
  reasons: ProblemReason[];
};

/** Per source: per customer, how many (n), how many of them overdue, and a few references. */
export type ProblemCounts = {
  customerId: string;
  customerName: string;
  dealerName: string | null;
  n: number;
  overdue: number;
  refs: string[];
};

export const mergeProblems = (src: {
  tickets: ProblemCounts[];
  visits: ProblemCounts[];
  complaints: ProblemCounts[];
}): CustomerProblems[] => {
  const byCustomer = new Map<string, CustomerProblems>();
  const add = (r: ProblemCounts, code: ProblemCode, count: number) => {
    if (count <= 0) return;
    const c = byCustomer.get(r.customerId) ?? {
      customerId: r.customerId,
      customerName: r.customerName,
      dealerName: r.dealerName,
      severity: 0,
      reasons: [],
    };
    c.reasons.push({ code, label: PROBLEM_LABELS[code], count, refs: r.refs ?? [] });
    c.severity += WEIGHT[code] * count;
    byCustomer.set(r.customerId, c);
  };
  for (const r of src.tickets) {
    add(r, 'sla_overdue', r.overdue);
    add(r, 'sla_at_risk', r.n - r.overdue);
  }
  for (const r of src.visits) add(r, 'unhappy_visit', r.n);
  for (const r of src.complaints) {
    add(r, 'complaint_feedback_late', r.overdue);
    add(r, 'open_complaint', r.n - r.overdue);
  }
  return [...byCustomer.values()]
    .map((c) => ({ ...c, reasons: c.reasons.sort((a, b) => WEIGHT[b.code] - WEIGHT[a.code]) }))
    .sort((a, b) => b.severity - a.severity || a.customerName.localeCompare(b.customerName));
};

/** One line of the weekly report: answers, mean score (1–5), unhappy answers and NPS. */
export type ScoreLine = {
  id: string | null;
  name: string | null;
  answered: number;
  meanScore: number | null;
  unhappy: number;
  nps: number | null;
};

export const scoreLine = (g: {
  id: string | null;
  name: string | null;
  answered: number;
  scored: number;
  scoreX100Sum: number;
  unhappy: number;
  npsAnswered: number;
  promoters: number;
  detractors: number;
}): ScoreLine => {
  const m = mean(g.scoreX100Sum, g.scored);
  return {
    id: g.id,
    name: g.name,
    answered: g.answered,
    meanScore: m === null ? null : m / 100,
    unhappy: g.unhappy,
    nps: nps(g.promoters, g.detractors, g.npsAnswered),
  };
};
