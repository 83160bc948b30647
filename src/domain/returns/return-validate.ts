import { parseDate } from '../sla/calendar-spec.ts';
import { localDay, zoneFor } from '../warranty/zoned-calendar.ts';
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

export const validateReturnInput = (input: ReturnEligibilityInput): ReturnInputIssue[] => {
  const out: ReturnInputIssue[] = [];
  if (!(PRODUCT_CATEGORIES as readonly string[]).includes(input.productCategory))
    out.push(issue('productCategory', '未知的商品类别', 'unknown product category'));
  if (!(REMEDIES as readonly string[]).includes(input.requested))
    out.push(issue('requested', '未知的处理方式', 'unknown remedy'));
  const mc = input.majorComponent ?? null;
  if (mc !== null && !(MAJOR_COMPONENTS as readonly string[]).includes(mc))
    out.push(issue('majorComponent', '未知的重要零部件', 'unknown major component'));
  let timeZone = input.timeZone ?? 'Asia/Shanghai';
  try {
    zoneFor(timeZone);
  } catch {
    out.push(issue('timeZone', '未知的时区', 'unknown time zone'));
    timeZone = 'Asia/Shanghai';
  }
  const purchased = parseDate(input.purchasedAt);
  if (purchased === null)
    out.push(issue('purchasedAt', '须为有效日期 YYYY-MM-DD', 'must be a real date YYYY-MM-DD'));
  let from = purchased;
  const retail = input.productCategory === 'goods' || input.productCategory === 'jewellery';
  if (input.receivedAt !== undefined && input.receivedAt !== null) {
    const received = parseDate(input.receivedAt);
    if (received === null)
      out.push(issue('receivedAt', '须为有效日期 YYYY-MM-DD', 'must be a real date YYYY-MM-DD'));
    else if (purchased !== null && received < purchased)
      out.push(issue('receivedAt', '签收日不能早于购买日', 'must not be before purchasedAt'));
    else if (retail) from = received;
  }
  if (!isValidDate(input.submittedAt))
    out.push(issue('submittedAt', '须为有效时间', 'must be a valid instant'));
  else if (from !== null && localDay(zoneFor(timeZone), input.submittedAt.getTime()) < from)
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
  return out;
};
