// Which date starts the warranty and how long it runs (months and running hours) for one asset.
import type { AssetTerms, ModelTerms, StartBasis, TermSource, WarrantyPolicy } from './entitlement-types.ts';
import { hoursEn, hoursZh, type ReasonLog, say } from './reasons.ts';
import { formatDay, localDay, type Zone } from './zoned-calendar.ts';

const BASIS_ZH: Record<StartBasis, string> = {
  delivery: '交付（交机）',
  invoice: '开票',
  acceptance: '验收',
  completion: '竣工',
};

// The closest date of the same kind of event when the policy's own one is missing: invoice and
// delivery both mark the sale; acceptance follows completion of installation works.
const FALLBACK: Record<StartBasis, StartBasis> = {
  delivery: 'invoice',
  invoice: 'delivery',
  acceptance: 'completion',
  completion: 'acceptance',
};

const usable = (d: Date | null): d is Date => d !== null && !Number.isNaN(d.getTime());

const dateOf = (asset: AssetTerms, basis: StartBasis): Date | null => {
  const d =
    basis === 'delivery'
      ? asset.deliveredAt
      : basis === 'invoice'
        ? asset.invoiceAt
        : basis === 'acceptance'
          ? asset.acceptedAt
          : asset.completedAt;
  return usable(d) ? d : null;
};

export type WarrantyStart = { source: StartBasis | null; date: Date | null; day: number | null };

/**
 * The policy's basis date; if it is missing: the completion date when the customer never returned
 * the warranty card [seed 001 篇三 二.7], else the sibling date (FALLBACK). No date → no start.
 */
export const resolveStart = (opts: {
  policy: WarrantyPolicy;
  asset: AssetTerms;
  zone: Zone;
  log: ReasonLog;
}): WarrantyStart => {
  const { policy, asset, zone, log } = opts;
  const basis = policy.startBasis;
  const own = dateOf(asset, basis);
  if (own) {
    const day = localDay(zone, own.getTime());
    say(
      log,
      'start_basis',
      `保修起算日按${BASIS_ZH[basis]}日期：${formatDay(day)}`,
      `The warranty starts on the ${basis} date: ${formatDay(day)}`,
    );
    return { source: basis, date: own, day };
  }
  const completed = dateOf(asset, 'completion');
  if (asset.warrantyCardReturnedAt === null && completed) {
    const day = localDay(zone, completed.getTime());
    say(
      log,
      'start_completion_no_card',
      `缺少${BASIS_ZH[basis]}日期且客户未交回保修卡，以竣工日期 ${formatDay(day)} 为保修开始时间`,
      `No ${basis} date and no warranty card returned: the completion date ${formatDay(day)} starts the warranty`,
    );
    return { source: 'completion', date: completed, day };
  }
  const alt = FALLBACK[basis];
  const other = dateOf(asset, alt);
  if (other) {
    const day = localDay(zone, other.getTime());
    say(
      log,
      'start_fallback',
      `缺少${BASIS_ZH[basis]}日期，改按${BASIS_ZH[alt]}日期 ${formatDay(day)} 起算保修`,
      `No ${basis} date: the warranty starts on the ${alt} date ${formatDay(day)} instead`,
    );
    return { source: alt, date: other, day };
  }
  say(
    log,
    'start_missing',
    `缺少${BASIS_ZH[basis]}日期且无可替代的日期，无法确定保修起算日，整机按不在保修期内处理`,
    `No ${basis} date and no substitute date: the warranty start is unknown, so the machine is treated as out of warranty`,
  );
  return { source: null, date: null, day: null };
};

export type WarrantyLength = {
  source: TermSource;
  plan: string | null;
  months: number;
  hoursLimit: number | null;
  weightHourLimit: number | null;
  hoursReduction: number;
};

/**
 * Months and hour limit, in this order: special terms replace everything; else a chosen plan
 * replaces months and hours (else the policy's, with the model's hour override); then the
 * operating-weight limit lowers the hours and each fitted attachment subtracts its reduction.
 */
export const resolveLength = (opts: {
  policy: WarrantyPolicy;
  asset: AssetTerms;
  model: ModelTerms;
  log: ReasonLog;
}): WarrantyLength => {
  const { policy, asset, model, log } = opts;
  const special = asset.specialTerms;
  if (special) {
    say(
      log,
      'special_terms',
      `特价 / 二手 / 合同另行约定的保修条款：${special.months} 个月、${hoursZh(special.hoursLimit)}，不适用标准期限、方案及小时调整`,
      `Special terms (special price / second-hand / contract): ${special.months} months, ${hoursEn(special.hoursLimit)}; the standard term, plans and hour adjustments do not apply`,
    );
    return {
      source: 'special',
      plan: null,
      months: special.months,
      hoursLimit: special.hoursLimit,
      weightHourLimit: null,
      hoursReduction: 0,
    };
  }

  let source: TermSource = 'standard';
  let months = policy.months;
  let hours = policy.hoursLimit;
  let planCode: string | null = null;
  let plan: WarrantyPolicy['plans'][number] | undefined;
  for (const p of policy.plans) {
    if (p.code === asset.plan) {
      plan = p;
      break;
    }
  }
  if (plan) {
    source = 'plan';
    planCode = plan.code;
    months = plan.months;
    hours = plan.hoursLimit;
    say(
      log,
      'plan_applied',
      `客户选择的保修方案 ${plan.code}：${plan.months} 个月、${hoursZh(plan.hoursLimit)}（先到为准），替代标准期限`,
      `Plan ${plan.code} chosen: ${plan.months} months, ${hoursEn(plan.hoursLimit)} (whichever first), replacing the standard term`,
    );
  } else {
    if (asset.plan !== null) {
      say(
        log,
        'plan_unknown',
        `设备登记的保修方案 ${asset.plan} 不在本政策中，按标准期限判定`,
        `The asset's plan ${asset.plan} is not in this policy; the standard term applies`,
      );
    }
    if (model.hoursLimitOverride !== null) {
      say(
        log,
        'model_hours_override',
        `该型号的保修小时上限为 ${model.hoursLimitOverride} h（替代政策标准 ${hoursZh(hours)}）`,
        `This model's hour limit is ${model.hoursLimitOverride} h (instead of the policy's ${hoursEn(hours)})`,
      );
      hours = model.hoursLimitOverride;
    }
  }

  const weightHourLimit = applyWeightLimit({
    policy,
    model,
    hours,
    unlimitedByPlan: plan !== undefined,
    log,
  });
  if (weightHourLimit !== null && (hours === null || weightHourLimit < hours)) hours = weightHourLimit;

  let reduction = 0;
  for (const name of asset.attachments) {
    const cut = policy.attachmentHourReductions[name];
    // typeof also rejects inherited keys such as 'constructor'.
    if (typeof cut !== 'number' || !(cut > 0)) continue;
    if (hours === null) {
      say(
        log,
        'attachment_reduction_skipped',
        `加装非标准附属装置 ${name}（减少 ${cut} h），但本条款不限运转小时，未扣减`,
        `Attachment ${name} (−${cut} h) is fitted, but the term has no hour limit to reduce`,
      );
      continue;
    }
    const after = Math.max(0, hours - cut);
    reduction += hours - after;
    hours = after;
    say(
      log,
      'attachment_reduction',
      `加装非标准附属装置 ${name}，保修小时上限减少 ${cut} h，为 ${after} h`,
      `Non-standard attachment ${name} fitted: the hour limit is reduced by ${cut} h to ${after} h`,
    );
  }

  return { source, plan: planCode, months, hoursLimit: hours, weightHourLimit, hoursReduction: reduction };
};

// The smallest maxWeightT at or above the model's weight. An explicitly unlimited plan keeps its
// promise: the weight limit is an industry minimum for the standard term [第四篇 一.2], not a cap
// on a plan sold as "不限工作时间" [第四篇 二.2]. Returns the limit that applies, or null.
const applyWeightLimit = (opts: {
  policy: WarrantyPolicy;
  model: ModelTerms;
  hours: number | null;
  unlimitedByPlan: boolean;
  log: ReasonLog;
}): number | null => {
  const { policy, model, hours, unlimitedByPlan, log } = opts;
  if (policy.weightHourLimits.length === 0) return null;
  const w = model.operatingWeightT;
  if (w === null) {
    say(
      log,
      'weight_unknown',
      '型号未登记工作质量，未适用按工作质量的保修小时上限',
      'The model has no operating weight, so no weight-based hour limit was applied',
    );
    return null;
  }
  let rule: { maxWeightT: number; hoursLimit: number } | undefined;
  for (const r of policy.weightHourLimits) {
    if (w <= r.maxWeightT && (rule === undefined || r.maxWeightT < rule.maxWeightT)) rule = r;
  }
  if (!rule) return null;
  if (hours === null && unlimitedByPlan) {
    say(
      log,
      'weight_hour_limit_skipped',
      `所选方案不限运转小时，不适用工作质量 ≤ ${rule.maxWeightT} t 的小时上限（${rule.hoursLimit} h）`,
      `The chosen plan has no hour limit, so the ≤ ${rule.maxWeightT} t limit (${rule.hoursLimit} h) does not apply`,
    );
    return null;
  }
  const lowers = hours === null || rule.hoursLimit < hours;
  say(
    log,
    'weight_hour_limit',
    lowers
      ? `工作质量 ${w} t ≤ ${rule.maxWeightT} t，保修小时上限为 ${rule.hoursLimit} h`
      : `工作质量 ${w} t ≤ ${rule.maxWeightT} t 的上限 ${rule.hoursLimit} h 不低于现有上限 ${hoursZh(hours)}，保持不变`,
    lowers
      ? `Operating weight ${w} t ≤ ${rule.maxWeightT} t: the hour limit is ${rule.hoursLimit} h`
      : `The ≤ ${rule.maxWeightT} t limit of ${rule.hoursLimit} h is not below the current ${hoursEn(hours)}; unchanged`,
  );
  return rule.hoursLimit;
};
