// Lifecycle of a work order (售后服务通知单 / 派工单) [SPEC §2.5]: which status may follow which, and
// what must be true before the move (engineers named, quote accepted, diagnosis, customer signature).
import { assertUnreachable } from '../../platform/errors.ts';

export const WORK_ORDER_STATUSES = [
  'planned',
  'dispatched',
  'travelling',
  'on_site',
  'done',
  'signed',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Statuses in which the order still needs someone: everything except closed and cancelled. */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = WORK_ORDER_STATUSES.filter(
  (s) => s !== 'closed' && s !== 'cancelled',
);

export type QuoteStatus = 'none' | 'sent' | 'accepted' | 'rejected';

export const STATUS_ZH: Record<WorkOrderStatus, string> = {
  planned: '计划中',
  dispatched: '已派工',
  travelling: '在途',
  on_site: '在现场',
  done: '已完工',
  signed: '客户已签字',
  closed: '已关闭',
  cancelled: '已取消',
};

export const STATUS_EN: Record<WorkOrderStatus, string> = {
  planned: 'Planned',
  dispatched: 'Dispatched',
  travelling: 'Travelling',
  on_site: 'On site',
  done: 'Done',
  signed: 'Signed by customer',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** The statuses reachable in one step; a new array each call, so callers may change it. */
export const nextStatuses = (s: WorkOrderStatus): WorkOrderStatus[] => {
  switch (s) {
    case 'planned':
      return ['dispatched', 'cancelled'];
    case 'dispatched':
      // Back to planned = undispatch (the dispatcher takes the engineers off again).
      return ['travelling', 'on_site', 'planned', 'cancelled'];
    case 'travelling':
      return ['on_site', 'cancelled'];
    case 'on_site':
      // Work has started: it can no longer be cancelled, only finished.
      return ['done'];
    case 'done':
      // Back to on_site = reopen the work (the customer will not sign, something was missed).
      return ['signed', 'on_site'];
    case 'signed':
      return ['closed'];
    case 'closed':
    case 'cancelled':
      return [];
    default:
      return assertUnreachable(s);
  }
};

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: string; field?: string; message: string; messageEn: string };

export type TransitionInput = {
  from: WorkOrderStatus;
  to: WorkOrderStatus;
  engineerCount: number;
  hasSignature: boolean;
  quoteRequired: boolean;
  quoteStatus: QuoteStatus;
  /** 先维保后补流程: a manager let the work start before the customer accepted the quote. */
  urgentApproved: boolean;
  hasDiagnosis: boolean;
};

const OK: TransitionCheck = { ok: true };

const fail = (
  code: string,
  field: string | undefined,
  message: string,
  messageEn: string,
): TransitionCheck =>
  field === undefined
    ? { ok: false, code, message, messageEn }
    : { ok: false, code, field, message, messageEn };

const needEngineer = (o: TransitionInput): TransitionCheck =>
  o.engineerCount > 0
    ? OK
    : fail(
        'no_engineer',
        'engineers',
        `转为“${STATUS_ZH[o.to]}”前须指派至少一名维修工程师`,
        `Assign at least one engineer before moving to "${STATUS_EN[o.to]}"`,
      );

const QUOTE_ZH: Record<QuoteStatus, string> = {
  none: '未报价',
  sent: '已发送待确认',
  accepted: '已确认',
  rejected: '客户已拒绝',
};

// Out-of-warranty work starts only once the customer accepts the quote, or a manager approves
// the urgent "repair first, paperwork later" route [seed 000 §5.4, SPEC §2.3]. Travelling is
// allowed: the engineer may set off while the customer is still deciding.
const needQuote = (o: TransitionInput): TransitionCheck =>
  !o.quoteRequired || o.quoteStatus === 'accepted' || o.urgentApproved
    ? OK
    : fail(
        'quote_not_accepted',
        'quoteStatus',
        `保外维修须客户确认报价，或经主管批准“先维保后补”后方可开始（当前报价状态：${QUOTE_ZH[o.quoteStatus]}）`,
        `Out-of-warranty repair needs the customer's acceptance of the quote, or a manager's approval to repair first and regularise later (quote: ${o.quoteStatus})`,
      );

/** Whether `from → to` is allowed with the order as it is; the first failing rule is returned. */
export const checkTransition = (o: TransitionInput): TransitionCheck => {
  if (!nextStatuses(o.from).includes(o.to)) {
    return fail(
      'invalid_transition',
      'status',
      `工单不能从“${STATUS_ZH[o.from]}”转为“${STATUS_ZH[o.to]}”`,
      `A work order cannot move from "${STATUS_EN[o.from]}" to "${STATUS_EN[o.to]}"`,
    );
  }
  switch (o.to) {
    case 'dispatched':
    case 'travelling':
      return needEngineer(o);
    case 'on_site': {
      const engineer = needEngineer(o);
      return engineer.ok ? needQuote(o) : engineer;
    }
    case 'done': {
      const quote = needQuote(o);
      if (!quote.ok) return quote;
      return o.hasDiagnosis
        ? OK
        : fail(
            'no_diagnosis',
            'diagnosis',
            '完工前须填写故障诊断（原因分析）',
            'Enter the diagnosis (cause analysis) before marking the work done',
          );
    }
    case 'signed':
      return o.hasSignature
        ? OK
        : fail(
            'no_signature',
            'signature',
            '须有客户在维修记录（三包维修记录/维修服务单）上的签字',
            "The customer's signature on the repair record is required",
          );
    case 'planned':
    case 'closed':
    case 'cancelled':
      return OK;
    default:
      return assertUnreachable(o.to);
  }
};
