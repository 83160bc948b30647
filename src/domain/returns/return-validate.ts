import { localDay, ymdToDay, type Zone, zoneFor } from '../warranty/zoned-calendar.ts';
import {
  MAJOR_COMPONENTS,
  PRODUCT_CATEGORIES,
  REMEDIES,
  type ReturnEligibilityInput,
  type ReturnInputIssue,
} from './return-types.ts';

// The input problems a caller must answer with a 4xx naming the field, before asking the rule.
// The rule itself throws on them (a caller that skipped this check has a bug, not bad input).

const issue = (field: string, message: string, messageEn: string): ReturnInputIssue => ({
  field,
  message,
  messageEn,
});

const isValidDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

const CATEGORY_SET: ReadonlySet<string> = new Set(PRODUCT_CATEGORIES);
const REMEDY_SET: ReadonlySet<string> = new Set(REMEDIES);
const COMPONENT_SET: ReadonlySet<string> = new Set(MAJOR_COMPONENTS);

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Local day number of a real 'YYYY-MM-DD' date, or null. Same answer as sla/calendar-spec's
 * parseDate, without the regular expression and the Date round trip: this runs on every decision.
 */
export const parseYmd = (text: unknown): number | null => {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return null;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  if (!(m >= 1 && m <= 12 && d >= 1)) return null; // NaN fails too
  if (d > (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!)) return null;
  return ymdToDay(y, m, d);
};

/** What the rule needs from a valid input, parsed once. */
export type CheckedReturnInput = {
  issues: ReturnInputIssue[];
  zone: Zone;
  purchaseDay: number;
  /** Null when not given (or not a retail category, where it is not used). */
  receivedDay: number | null;
  submittedDay: number;
};

export const validateReturnInput = (input: ReturnEligibilityInput): ReturnInputIssue[] =>
  checkReturnInput(input).issues;

export const checkReturnInput = (input: ReturnEligibilityInput): CheckedReturnInput => {
  const out: ReturnInputIssue[] = [];
  if (!CATEGORY_SET.has(input.productCategory))
    out.push(issue('productCategory', '未知的商品类别', 'unknown product category'));
  if (!REMEDY_SET.has(input.requested)) out.push(issue('requested', '未知的处理方式', 'unknown remedy'));
  const mc = input.majorComponent ?? null;
  if (mc !== null && !COMPONENT_SET.has(mc))
    out.push(issue('majorComponent', '未知的重要零部件', 'unknown major component'));
  let zone: Zone;
  try {
    zone = zoneFor(input.timeZone ?? 'Asia/Shanghai');
  } catch {
    out.push(issue('timeZone', '未知的时区', 'unknown time zone'));
    zone = zoneFor('Asia/Shanghai');
  }
  const purchased = parseYmd(input.purchasedAt);
  if (purchased === null)
    out.push(issue('purchasedAt', '须为有效日期 YYYY-MM-DD', 'must be a real date YYYY-MM-DD'));
  let from = purchased;
  let receivedDay: number | null = null;
  const retail = input.productCategory === 'goods' || input.productCategory === 'jewellery';
  if (input.receivedAt !== undefined && input.receivedAt !== null) {
    const received = parseYmd(input.receivedAt);
    if (received === null)
      out.push(issue('receivedAt', '须为有效日期 YYYY-MM-DD', 'must be a real date YYYY-MM-DD'));
    else if (purchased !== null && received < purchased)
      out.push(issue('receivedAt', '签收日不能早于购买日', 'must not be before purchasedAt'));
    else if (retail) {
      from = received;
      receivedDay = received;
    }
  }
  const submittedDay = isValidDate(input.submittedAt) ? localDay(zone, input.submittedAt.getTime()) : null;
  if (submittedDay === null) out.push(issue('submittedAt', '须为有效时间', 'must be a valid instant'));
  else if (from !== null && submittedDay < from)
    out.push(
      issue(
        'submittedAt',
        retail ? '申请日不能早于签收日（或购买日）' : '申请日不能早于购买日',
        retail
          ? 'must not be before the day the goods were received (or bought)'
          : 'must not be before purchasedAt',
      ),
    );
  const repairs = input.repairs ?? [];
  for (let i = 0; i < repairs.length; i++)
    if (!isValidDate(repairs[i]!.at))
      out.push(issue(`repairs[${i}].at`, '须为有效时间', 'must be a valid instant'));
  const w = input.warranty;
  if (w?.warrantyStart && w.warrantyEnd && w.warrantyEnd.getTime() < w.warrantyStart.getTime())
    out.push(issue('warranty.warrantyEnd', '保修结束不能早于开始', 'must not be before warrantyStart'));
  return { issues: out, zone, purchaseDay: purchased ?? 0, receivedDay, submittedDay: submittedDay ?? 0 };
};
