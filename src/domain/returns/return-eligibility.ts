// 三包 eligibility (SPEC 2.8, SPEC §4 POST /api/returns): which remedies — refund, exchange, repair,
// replacement — the rules allow for one returned item, each with the reason and the clause behind it.
//
// Days are counted from the invoice date (electronics, equipment) or the day the goods were signed
// for (goods, jewellery) to the local day of the request, the starting day not counted: bought on
// 1 March, asked on 8 March → day 7. "Within one year" means the request's day is not after the same
// date a year later (29 Feb → 28 Feb), so a year spanning a 29 February has 366 days.
// Earlier repairs count when they have the same fault code, happened before the request and inside
// the window: the year since purchase (electronics) or the warranty (equipment).
import { sameDateYearsLater } from '../time/day-deadlines.ts';
import { formatDay, localDay, startOfLocalDay, type Zone } from '../warranty/zoned-calendar.ts';
import { RETURN_CLAUSES, type ReturnClauseKey } from './return-clauses.ts';
import {
  type CountedFromBasis,
  MAJOR_COMPONENTS,
  PRODUCT_CATEGORIES,
  REMEDIES,
  type Reason,
  type Remedy,
  type RepairRecord,
  type ReturnEligibility,
  type ReturnEligibilityInput,
  type ReturnEligibilityInputs,
  type ReturnInputIssue,
} from './return-types.ts';
import { checkReturnInput, validateReturnInput } from './return-validate.ts';

export type * from './return-types.ts';
export { validateReturnInput };

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Repairs of the same fault needed before a replacement. */
export const ELECTRONICS_REPAIRS_FOR_REPLACEMENT = 2;
export const EQUIPMENT_REPAIRS_FOR_REPLACEMENT = 3;

const REFUND_LAST_DAY = 7;
const EXCHANGE_LAST_DAY = 15;

const REMEDY_ZH: Record<Remedy, string> = {
  refund: '退货',
  exchange: '换货',
  repair: '修理',
  replacement: '更换',
};

type Log = { reasons: Reason[]; allowed: Set<Remedy> };

const say = (log: Log, code: string, clause: ReturnClauseKey, message: string, messageEn: string) => {
  log.reasons.push({ code, clause: RETURN_CLAUSES[clause], message, messageEn });
};

const countRepairs = (
  repairs: readonly RepairRecord[],
  faultCode: string,
  fromMs: number,
  toMs: number,
): number => {
  let n = 0;
  for (const r of repairs) {
    if (r.faultCode !== faultCode) continue;
    const t = r.at.getTime();
    // NaN fails both comparisons, so an unreadable date never counts.
    if (t >= fromMs && t < toMs) n++;
  }
  return n;
};

export const returnEligibility = (input: ReturnEligibilityInput): ReturnEligibility => {
  const checked = checkReturnInput(input);
  const issues = checked.issues;
  if (issues.length > 0)
    throw new RangeError(
      `invalid return input: ${issues.map((i) => `${i.field} ${i.messageEn}`).join('; ')}`,
    );

  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const { zone, purchaseDay, submittedDay } = checked;
  const category = input.productCategory;
  const submittedMs = input.submittedAt.getTime();
  const retail = category === 'goods' || category === 'jewellery';
  let basis: CountedFromBasis = 'purchasedAt';
  let fromDay = purchaseDay;
  if (retail) {
    if (checked.receivedDay !== null) {
      basis = 'receivedAt';
      fromDay = checked.receivedDay;
    } else basis = 'purchasedAt_default';
  }
  const days = submittedDay - fromDay;
  const faultCode = input.faultCode ? input.faultCode : null;
  const majorComponent = input.majorComponent ?? null;
  const repairs = input.repairs ?? [];

  const log: Log = { reasons: [], allowed: new Set() };
  const inputs: ReturnEligibilityInputs = {
    productCategory: category,
    requested: input.requested,
    qualityFault: input.qualityFault,
    goodsComplete: input.goodsComplete,
    faultCode,
    majorComponent,
    timeZone,
    countedFrom: formatDay(fromDay),
    countedFromBasis: basis,
    submittedDay: formatDay(submittedDay),
    days,
    oneYearLastDay: null,
    repairWindow: null,
    repairsCounted: 0,
    repairsNeeded: null,
    warranty: null,
  };

  const basisZh =
    basis === 'receivedAt' ? '签收日' : basis === 'purchasedAt' ? '购买（发票）日' : '购买日（未填签收日）';
  const basisEn =
    basis === 'receivedAt'
      ? 'receipt'
      : basis === 'purchasedAt'
        ? 'purchase (invoice)'
        : 'purchase (no receipt date given)';
  say(
    log,
    'days_counted',
    'days_counted',
    `自${basisZh} ${inputs.countedFrom} 起算（当日不计入）至申请日 ${inputs.submittedDay}：第 ${days} 日`,
    `Counted from the ${basisEn} date ${inputs.countedFrom} (not itself counted) to the request on ${inputs.submittedDay}: day ${days}`,
  );

  if (category === 'electronics')
    electronics(input, inputs, log, { zone, purchaseDay, submittedDay, submittedMs, faultCode, repairs });
  else if (retail) retailGoods(input, inputs, log);
  else equipment(input, inputs, log, { zone, purchaseDay, submittedDay, submittedMs, faultCode, repairs });

  const options = REMEDIES.filter((r) => log.allowed.has(r));
  const requestedAllowed = log.allowed.has(input.requested);
  const asked = REMEDY_ZH[input.requested];
  if (requestedAllowed)
    say(
      log,
      'requested_allowed',
      'remedies_by_category',
      `申请的处理方式（${asked}）符合规定`,
      `The requested remedy (${input.requested}) is allowed`,
    );
  else
    say(
      log,
      'requested_not_allowed',
      'remedies_by_category',
      `申请的处理方式（${asked}）不符合规定${options.length > 0 ? `；可选：${options.map((o) => REMEDY_ZH[o]).join('、')}` : '；无可选的三包处理方式'}`,
      `The requested remedy (${input.requested}) is not allowed${options.length > 0 ? `; allowed: ${options.join(', ')}` : '; no 三包 remedy applies'}`,
    );
  return { options, requestedAllowed, reasons: log.reasons, inputs };
};

type Ctx = {
  zone: Zone;
  purchaseDay: number;
  submittedDay: number;
  submittedMs: number;
  faultCode: string | null;
  repairs: readonly RepairRecord[];
};

const noFaultCode = (log: Log, needed: number) =>
  say(
    log,
    'fault_code_missing',
    needed === ELECTRONICS_REPAIRS_FOR_REPLACEMENT ? 'electronics_replacement' : 'equipment_replacement',
    `未填写故障代码，无法统计同一故障的修理次数：不能按多次修理更换`,
    `No fault code given, so repairs of the same fault cannot be counted: no replacement for repeated repairs`,
  );

// 电子类商品 (national 三包 rules, seed 001 篇四 2.1)–3)): only performance faults qualify.
const electronics = (input: ReturnEligibilityInput, inputs: ReturnEligibilityInputs, log: Log, ctx: Ctx) => {
  const d = inputs.days;
  const yearLast = sameDateYearsLater(ctx.purchaseDay, 1);
  inputs.oneYearLastDay = formatDay(yearLast);
  if (!input.qualityFault) {
    say(
      log,
      'electronics_no_quality_fault',
      'electronics_fault_only',
      '无性能故障：三包退货、换货、修理、更换均不适用',
      'No performance fault: the 三包 refund, exchange, repair and replacement do not apply',
    );
    return;
  }
  if (ctx.submittedDay > yearLast) {
    say(
      log,
      'electronics_beyond_one_year',
      'electronics_repair',
      `第 ${d} 日，已超过一年三包期（最后一日 ${inputs.oneYearLastDay}）：三包处理方式均不适用，可按收费维修`,
      `Day ${d}, past the one-year 三包 period (last day ${inputs.oneYearLastDay}): no 三包 remedy, paid repair only`,
    );
    return;
  }
  if (d <= REFUND_LAST_DAY) {
    log.allowed.add('refund');
    say(
      log,
      'electronics_refund_within_7_days',
      'electronics_refund',
      `第 ${d} 日（7 日内，含第 7 日）出现性能故障：可退货（按发票价格退款）`,
      `Day ${d} (within 7 days, day 7 included) with a performance fault: refund at the invoice price`,
    );
  } else
    say(
      log,
      'electronics_refund_period_over',
      'electronics_refund',
      `第 ${d} 日，已超过 7 日：不能退货`,
      `Day ${d}, past the 7 days: no refund`,
    );
  if (d <= EXCHANGE_LAST_DAY) {
    log.allowed.add('exchange');
    say(
      log,
      'electronics_exchange_within_15_days',
      d <= REFUND_LAST_DAY ? 'electronics_refund' : 'electronics_exchange',
      `第 ${d} 日（15 日内，含第 15 日）：可换同型号同规格或不低于原性能的产品`,
      `Day ${d} (within 15 days, day 15 included): exchange for the same model or one at least as good`,
    );
  } else
    say(
      log,
      'electronics_exchange_period_over',
      'electronics_exchange',
      `第 ${d} 日，已超过 15 日：不能换货`,
      `Day ${d}, past the 15 days: no exchange`,
    );
  log.allowed.add('repair');
  say(
    log,
    'electronics_repair_within_one_year',
    'electronics_repair',
    `一年三包期内（至 ${inputs.oneYearLastDay}，含）：可免费修理`,
    `Within the one-year 三包 period (to ${inputs.oneYearLastDay} inclusive): free repair`,
  );

  // Replacement: two earlier repairs of the same fault in the year since purchase.
  const needed = ELECTRONICS_REPAIRS_FOR_REPLACEMENT;
  inputs.repairsNeeded = needed;
  const fromMs = startOfLocalDay(ctx.zone, ctx.purchaseDay);
  inputs.repairWindow = { from: new Date(fromMs), to: new Date(ctx.submittedMs) };
  if (ctx.faultCode === null) {
    noFaultCode(log, needed);
    return;
  }
  const n = countRepairs(ctx.repairs, ctx.faultCode, fromMs, ctx.submittedMs);
  inputs.repairsCounted = n;
  if (n >= needed) {
    log.allowed.add('replacement');
    say(
      log,
      'electronics_replacement_repeat_fault',
      'electronics_replacement',
      `一年内同一故障（${ctx.faultCode}）已修理 ${n} 次仍不能正常使用：可更换同型号同规格或不低于原性能的产品`,
      `The same fault (${ctx.faultCode}) repaired ${n} times within the year and still failing: replacement with the same model or one at least as good`,
    );
  } else
    say(
      log,
      'electronics_repeat_fault_below_threshold',
      'electronics_replacement',
      `一年内同一故障（${ctx.faultCode}）已修理 ${n} 次，未达 ${needed} 次：不能更换`,
      `The same fault (${ctx.faultCode}) repaired ${n} times within the year, fewer than ${needed}: no replacement`,
    );
};

// 零售商品与珠宝首饰 (seed 000 第三篇): 7 days refund, 15 days exchange from receipt, goods complete.
const retailGoods = (input: ReturnEligibilityInput, inputs: ReturnEligibilityInputs, log: Log) => {
  const d = inputs.days;
  const jewellery = input.productCategory === 'jewellery';
  if (!input.qualityFault) {
    if (jewellery) {
      say(
        log,
        'jewellery_no_quality_fault',
        'jewellery_no_fault',
        '珠宝首饰无质量问题：不予退货或换货',
        'Jewellery without a quality defect: neither refund nor exchange',
      );
      return;
    }
    // SPEC §4 is silent here: the 7-day no-reason return of national retail rules, goods complete.
    if (d > REFUND_LAST_DAY)
      say(
        log,
        'goods_no_fault_period_over',
        'retail_no_fault_refund',
        `无质量问题，第 ${d} 日已超过 7 日：不能退货`,
        `No quality fault and day ${d} is past the 7 days: no refund`,
      );
    else if (!input.goodsComplete) incomplete(log);
    else {
      log.allowed.add('refund');
      say(
        log,
        'goods_no_fault_refund_within_7_days',
        'retail_no_fault_refund',
        `无质量问题，第 ${d} 日（7 日内）且商品完整：可退货`,
        `No quality fault, day ${d} (within 7 days) and the goods complete: refund`,
      );
    }
    say(
      log,
      'goods_no_fault_no_exchange',
      'retail_no_fault_exchange',
      '无质量问题：不予换货',
      'No quality fault: no exchange',
    );
    notOffered(input, log, ['repair', 'replacement']);
    return;
  }
  if (jewellery)
    say(
      log,
      'jewellery_test_report',
      'jewellery_test_report',
      '珠宝首饰的质量问题须以珠宝玉石质量检验机构的检测报告为准',
      "A jewellery quality defect must be confirmed by a gem testing centre's report",
    );
  if (d > EXCHANGE_LAST_DAY)
    say(
      log,
      'retail_period_over',
      'retail_after',
      `第 ${d} 日，已超过 15 日退换货期：不能退货或换货，按国家三包规定提供其他售后服务`,
      `Day ${d}, past the 15-day return period: neither refund nor exchange; the national 三包 service still applies`,
    );
  else if (!input.goodsComplete) incomplete(log);
  else {
    if (d <= REFUND_LAST_DAY) {
      log.allowed.add('refund');
      say(
        log,
        'retail_refund_within_7_days',
        'retail_refund',
        `第 ${d} 日（7 日内，含第 7 日），商品完整：可退货`,
        `Day ${d} (within 7 days, day 7 included), the goods complete: refund`,
      );
    } else
      say(
        log,
        'retail_refund_period_over',
        'retail_refund',
        `第 ${d} 日，已超过 7 日：不能退货`,
        `Day ${d}, past the 7 days: no refund`,
      );
    log.allowed.add('exchange');
    say(
      log,
      'retail_exchange_within_15_days',
      'retail_exchange',
      `第 ${d} 日（15 日内，含第 15 日），商品完整：可换货`,
      `Day ${d} (within 15 days, day 15 included), the goods complete: exchange`,
    );
  }
  notOffered(input, log, ['repair', 'replacement']);
};

const incomplete = (log: Log) =>
  say(
    log,
    'goods_incomplete',
    'retail_complete',
    '商品不完整（包装、配件、说明书、保修卡、发票须齐全）：不能退货或换货，按国家三包规定提供其他售后服务',
    'The goods are not complete (packaging, accessories, manual, warranty card, invoice): neither refund nor exchange; the national 三包 service still applies',
  );

// A remedy this category never offers, named only when it was the one asked for.
const notOffered = (input: ReturnEligibilityInput, log: Log, remedies: Remedy[]) => {
  if (!remedies.includes(input.requested)) return;
  say(
    log,
    'remedy_not_offered_for_category',
    'remedies_by_category',
    `此类商品的退换货规定不包括${REMEDY_ZH[input.requested]}`,
    `The return rules of this category do not offer ${input.requested}`,
  );
};

// 工程机械 (excavators, seed 000 第四篇 一.3–一.4): the warranty decides; major components get a new
// component after three failed repairs of the same fault.
const equipment = (input: ReturnEligibilityInput, inputs: ReturnEligibilityInputs, log: Log, ctx: Ctx) => {
  const w = input.warranty ?? null;
  if (input.requested === 'refund')
    say(
      log,
      'equipment_refund_case_by_case',
      'equipment_refund',
      '整机退货仅限情况特别严重的，由人工审核决定，规则不自动给出',
      'A machine is taken back only when the case is very serious; people decide that, the rule does not',
    );
  notOffered(input, log, ['exchange']);
  if (w === null) {
    say(
      log,
      'equipment_warranty_unknown',
      'equipment_warranty',
      '未提供质量保证期判定：不能给出三包处理方式',
      'No warranty decision given: no 三包 remedy can be offered',
    );
    return;
  }
  inputs.warranty = { inWarranty: w.inWarranty, warrantyStart: w.warrantyStart, warrantyEnd: w.warrantyEnd };
  const range = `${w.warrantyStart ? formatDay(localDay(ctx.zone, w.warrantyStart.getTime())) : '?'} 至 ${
    w.warrantyEnd ? formatDay(localDay(ctx.zone, w.warrantyEnd.getTime()) - 1) : '?'
  }`;
  const rangeEn = range.replace(' 至 ', ' to ');
  if (!w.inWarranty) {
    say(
      log,
      'equipment_out_of_warranty',
      'equipment_warranty',
      `不在质量保证期内（${range}）：三包处理方式不适用，维修须按报价收费`,
      `Out of warranty (${rangeEn}): no 三包 remedy; repair only against an accepted quote`,
    );
    return;
  }
  log.allowed.add('repair');
  say(
    log,
    'equipment_repair_in_warranty',
    'equipment_repair',
    `在质量保证期内（${range}）：可修理`,
    `Within the warranty (${rangeEn}): repair`,
  );
  const component = inputs.majorComponent;
  if (component === null) {
    if (input.requested === 'replacement')
      say(
        log,
        'equipment_not_major_component',
        'equipment_replacement',
        '未指明重要零部件（发动机、液压主泵、主阀、行走、回转、主要结构件）：不能按多次修理更换',
        'No major component named (engine, main pump, main valve, travel, swing, main structure): no replacement for repeated repairs',
      );
    return;
  }
  const needed = EQUIPMENT_REPAIRS_FOR_REPLACEMENT;
  inputs.repairsNeeded = needed;
  const fromMs = w.warrantyStart ? w.warrantyStart.getTime() : startOfLocalDay(ctx.zone, ctx.purchaseDay);
  const toMs = w.warrantyEnd ? Math.min(ctx.submittedMs, w.warrantyEnd.getTime()) : ctx.submittedMs;
  inputs.repairWindow = { from: new Date(fromMs), to: new Date(toMs) };
  if (ctx.faultCode === null) {
    noFaultCode(log, needed);
    return;
  }
  const n = countRepairs(ctx.repairs, ctx.faultCode, fromMs, toMs);
  inputs.repairsCounted = n;
  if (n >= needed) {
    log.allowed.add('replacement');
    say(
      log,
      'equipment_component_replacement',
      'equipment_replacement',
      `重要零部件（${component}）同一故障（${ctx.faultCode}）在质量保证期内已维修 ${n} 次仍不能恢复：可更换新部件`,
      `Major component (${component}): the same fault (${ctx.faultCode}) repaired ${n} times within the warranty without recovery: a new component`,
    );
  } else
    say(
      log,
      'equipment_repeat_fault_below_threshold',
      'equipment_replacement',
      `重要零部件（${component}）同一故障（${ctx.faultCode}）在质量保证期内已维修 ${n} 次，未达 ${needed} 次：不能更换部件`,
      `Major component (${component}): the same fault (${ctx.faultCode}) repaired ${n} times within the warranty, fewer than ${needed}: no new component`,
    );
};

export type { ReturnInputIssue };
// Re-exported for callers that check enumerations before building the input.
export { MAJOR_COMPONENTS, PRODUCT_CATEGORIES, REMEDIES };
