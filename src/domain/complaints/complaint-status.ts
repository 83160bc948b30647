// Lifecycle of a customer complaint (客户投诉申请单 → 顾客信息反馈处理单) [SPEC §2.12; seed 002 第四篇
// 4.6.4; seed 003 七、1 客户投诉]: which step may be taken from which status, where it leads and what it
// needs. Pure rules: the complaints service calls them inside the transaction that holds the row.
import { assertUnreachable } from '../../platform/errors.ts';

export const COMPLAINT_STATUSES = [
  'received',
  'investigating',
  'action',
  'feedback_sent',
  'rechecked',
  'closed',
  'cancelled',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Cause classes for the Pareto of causes (排列图). */
export const CAUSE_CLASSES = [
  'product',
  'service',
  'parts',
  'delivery',
  'attitude',
  'price',
  'other',
] as const;
export type CauseClass = (typeof CAUSE_CLASSES)[number];

export const COMPENSATION_STATUSES = ['none', 'claimed', 'approved', 'rejected'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

export const COMPLAINT_STEPS = ['route', 'action', 'feedback', 'recheck', 'close', 'cancel'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Still someone's work: everything except closed and cancelled. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter(
  (s) => s !== 'closed' && s !== 'cancelled',
);

/** The customer has not had the feedback form yet: the 72-hour clock still runs. */
export const FEEDBACK_PENDING: readonly ComplaintStatus[] = ['received', 'investigating', 'action'];

export const STATUS_ZH: Record<ComplaintStatus, string> = {
  received: '已受理',
  investigating: '调查中',
  action: '纠正措施',
  feedback_sent: '已反馈顾客',
  rechecked: '已复查',
  closed: '已关闭',
  cancelled: '已撤销',
};

export const STATUS_EN: Record<ComplaintStatus, string> = {
  received: 'Received',
  investigating: 'Investigating',
  action: 'Corrective action',
  feedback_sent: 'Feedback sent',
  rechecked: 'Re-checked',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** The statuses each step may start from. Routing again re-routes; a corrective action may be revised. */
const FROM: Record<ComplaintStep, readonly ComplaintStatus[]> = {
  route: ['received', 'investigating'],
  action: ['investigating', 'action'],
  feedback: ['action'],
  recheck: ['feedback_sent'],
  close: ['rechecked'],
  cancel: ['received', 'investigating'],
};

/** The fields each step needs (non-blank). */
export const REQUIRED: Record<ComplaintStep, readonly string[]> = {
  route: ['departmentId'],
  action: ['rootCause', 'causeClass', 'correctiveAction', 'actionOwnerUserId', 'actionDueAt'],
  feedback: ['feedbackText'],
  recheck: ['recheckResult'],
  close: [],
  cancel: ['reason'],
};

/**
 * Where a step leads. A re-check that finds the action did not work sends the complaint back to
 * corrective action (the CAPA loop) instead of on to closure.
 */
export const targetOf = (step: ComplaintStep, opts: { effective?: boolean } = {}): ComplaintStatus => {
  switch (step) {
    case 'route':
      return 'investigating';
    case 'action':
      return 'action';
    case 'feedback':
      return 'feedback_sent';
    case 'recheck':
      return opts.effective === false ? 'action' : 'rechecked';
    case 'close':
      return 'closed';
    case 'cancel':
      return 'cancelled';
    default:
      return assertUnreachable(step);
  }
};

export type NextStep = { step: ComplaintStep; to: ComplaintStatus; requires: string[] };

/** The steps open from a status, in workflow order, with the fields each needs. */
export const nextSteps = (status: ComplaintStatus): NextStep[] =>
  COMPLAINT_STEPS.filter((s) => FROM[s].includes(status)).map((step) => ({
    step,
    to: targetOf(step),
    requires: [...REQUIRED[step]],
  }));

export type StepCheck =
  | { ok: true; to: ComplaintStatus }
  | { ok: false; code: string; field?: string; message: string; messageEn: string };

export type StepInput = {
  status: ComplaintStatus;
  step: ComplaintStep;
  /** The step's fields as given (blank strings count as missing). */
  fields: Record<string, unknown>;
  compensationStatus: CompensationStatus;
  /** When the complaint was received: no deadline or feedback time may precede it. */
  receivedAt: Date;
  /** Recheck only: false sends the complaint back to corrective action. */
  effective?: boolean;
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const FIELD_ZH: Record<string, string> = {
  departmentId: '责任部门',
  rootCause: '原因分析',
  causeClass: '原因类别',
  correctiveAction: '纠正措施',
  actionOwnerUserId: '措施负责人',
  actionDueAt: '整改期限',
  feedbackText: '反馈内容（顾客信息反馈处理单）',
  recheckResult: '复查结论',
  reason: '撤销原因',
};

const fail = (code: string, field: string | undefined, message: string, messageEn: string): StepCheck =>
  field === undefined
    ? { ok: false, code, message, messageEn }
    : { ok: false, code, field, message, messageEn };

/** Whether the step may be taken now with these fields; the first failing rule is returned. */
export const checkStep = (o: StepInput): StepCheck => {
  if (!FROM[o.step].includes(o.status)) {
    const to = targetOf(o.step, { effective: o.effective });
    return fail(
      'invalid_transition',
      'status',
      `投诉不能从“${STATUS_ZH[o.status]}”转为“${STATUS_ZH[to]}”`,
      `A complaint cannot move from "${STATUS_EN[o.status]}" to "${STATUS_EN[to]}"`,
    );
  }
  for (const field of REQUIRED[o.step])
    if (blank(o.fields[field]))
      return fail('missing_field', field, `请填写${FIELD_ZH[field] ?? field}`, `${field} is required`);
  if (o.step === 'action') {
    const due = new Date(String(o.fields.actionDueAt));
    if (Number.isNaN(due.getTime()) || due < o.receivedAt)
      return fail(
        'invalid_value',
        'actionDueAt',
        '整改期限不能早于投诉受理时间',
        'actionDueAt is before the complaint was received',
      );
  }
  // 赔偿: a claim on the table must be approved or rejected before the complaint is closed.
  if (o.step === 'close' && o.compensationStatus === 'claimed')
    return fail(
      'compensation_pending',
      'compensationStatus',
      '顾客提出的赔偿要求尚未审批，不能关闭投诉',
      "The customer's compensation claim has not been decided: decide it before closing",
    );
  return { ok: true, to: targetOf(o.step, { effective: o.effective }) };
};

/** Compensation: a claim may be made or amended until decided, and only on an open complaint. */
export const checkCompensation = (o: {
  status: ComplaintStatus;
  compensationStatus: CompensationStatus;
  action: 'claim' | 'decide';
}): StepCheck => {
  if (!OPEN_STATUSES.includes(o.status))
    return fail(
      'complaint_closed',
      'status',
      `投诉已${STATUS_ZH[o.status]}，不能再处理赔偿`,
      `The complaint is ${STATUS_EN[o.status].toLowerCase()}: compensation can no longer change`,
    );
  if (o.action === 'claim' && !['none', 'claimed'].includes(o.compensationStatus))
    return fail(
      'compensation_decided',
      'compensationStatus',
      '赔偿要求已审批，不能再修改',
      'The compensation claim has already been decided',
    );
  if (o.action === 'decide' && o.compensationStatus !== 'claimed')
    return fail(
      'no_claim',
      'compensationStatus',
      '没有待审批的赔偿要求',
      'There is no compensation claim waiting for a decision',
    );
  return { ok: true, to: o.status };
};

/**
 * Whether the 72-hour feedback was late, as the list shows it: not yet sent and past due. Sent
 * feedback is judged by its clock (met / breached), not by this.
 */
export const isFeedbackOverdue = (o: { status: ComplaintStatus; feedbackDueAt: Date | null }, now: Date) =>
  FEEDBACK_PENDING.includes(o.status) &&
  o.feedbackDueAt !== null &&
  o.feedbackDueAt.getTime() < now.getTime();
