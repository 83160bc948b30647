// Who pays, once it is known whether the warranty covers the fault: free / cost / charged
// [seed 000 第二篇 §4], with the reporting rule [§5.1–5.2] and quotes out of warranty [§5.4].
import type { Cause, Coverage } from './entitlement-types.ts';
import { type ReasonLog, say } from './reasons.ts';
import { formatDay } from './zoned-calendar.ts';

const CAUSE_ZH: Record<Cause, string> = {
  defect: '设计、装配、制造缺陷',
  supplier: '核心零件及附件质量问题',
  workmanship: '厂方或授权人员调试、施工',
  customer: '使用方人为原因或外力',
  force_majeure: '不可抗力',
  wear: '正常磨损',
  unknown: '原因不明',
};

export type CoverageDecision = { coverage: Coverage; quoteRequired: boolean };

const FREE: CoverageDecision = { coverage: 'free', quoteRequired: false };
const COST: CoverageDecision = { coverage: 'cost', quoteRequired: false };
const CHARGED: CoverageDecision = { coverage: 'charged', quoteRequired: true };

export const decideCoverage = (opts: {
  inWarranty: boolean;
  cause: Cause;
  partCode: string | null;
  wearPart: boolean;
  consumable: boolean;
  /** Local day numbers of the fault and of the written report (null = report time unknown). */
  atDay: number;
  reportDay: number | null;
  evidence: boolean | null;
  log: ReasonLog;
}): CoverageDecision => {
  const { inWarranty, cause, partCode, wearPart, consumable, atDay, reportDay, evidence, log } = opts;
  // §5.2: a broken non-wear part reported late or without evidence is taken as user damage — but
  // only where nothing else explains it; a known cause is the supplier's analysis and stands (§5.1).
  const late = reportDay !== null && reportDay - atDay > 1;
  const noEvidence = evidence === false;
  const presumed =
    inWarranty &&
    cause === 'unknown' &&
    partCode !== null &&
    !wearPart &&
    !consumable &&
    (late || noEvidence);
  const consequenceZh = presumed
    ? `非易损件（${partCode}）损坏，视为人为损坏，按成本费用保修`
    : `视为客户认可供方原因分析意见（${CAUSE_ZH[cause]}），判定据此不变`;
  const consequenceEn = presumed
    ? `the broken non-wear part (${partCode}) is treated as user damage: cost warranty`
    : `the supplier's cause analysis (${cause}) is taken as accepted; the decision follows it unchanged`;

  if (reportDay === null) {
    say(
      log,
      'report_unknown',
      '未登记书面报告时间，暂未适用“当日或次日书面报告”规则',
      'No written report time recorded; the same-or-next-day reporting rule was not applied',
    );
  } else if (!late) {
    say(
      log,
      'report_in_time',
      `故障日 ${formatDay(atDay)}，客户于 ${formatDay(reportDay)} 书面报告，在当日或次日内`,
      `Fault on ${formatDay(atDay)}, reported in writing on ${formatDay(reportDay)}: within the same or next day`,
    );
  } else {
    say(
      log,
      'late_report',
      `故障日 ${formatDay(atDay)}，客户于 ${formatDay(reportDay)} 才书面报告，超过当日或次日；${consequenceZh}`,
      `Fault on ${formatDay(atDay)} but reported in writing only on ${formatDay(reportDay)}, after the next day; ${consequenceEn}`,
      presumed ? 'late_report_part' : 'late_report',
    );
  }
  if (noEvidence) {
    say(
      log,
      'no_evidence',
      `未能提供实物、现场照片、视频或可追溯数据；${consequenceZh}`,
      `No part, photos, video or traceable data kept; ${consequenceEn}`,
      presumed ? 'no_evidence_part' : 'no_evidence',
    );
  }

  if (!inWarranty) {
    say(
      log,
      'out_of_warranty_quote',
      '不在保修期内：收取合理成本及利润，出具报价并经客户认可后维修（特急维修经双方经理同意可先维修后补流程）',
      'Out of warranty: charged at reasonable cost and margin; repair after the customer accepts a quote (urgent repairs agreed by managers on both sides may go first and be regularised later)',
    );
    return CHARGED;
  }
  if (cause === 'force_majeure') {
    say(
      log,
      'cause_force_majeure',
      '不可抗力或外力（自然灾害、火灾、厂房倒塌、撞击等）造成的损坏：收取合理成本及利润，客户认可报价后维修',
      'Damage by force majeure or external force (disaster, fire, collapse, collision): charged, repaired after the customer accepts a quote',
    );
    return CHARGED;
  }
  if (wearPart || consumable) {
    const kind = wearPart ? '易损件' : '耗材';
    say(
      log,
      wearPart ? 'wear_part' : 'consumable',
      `${partCode} 属于${kind}清单，保修期内损坏按成本费用保修`,
      `${partCode} is on the ${wearPart ? 'wear-part' : 'consumables'} list: cost warranty even within the term`,
    );
    return COST;
  }
  if (presumed) return COST; // already explained by late_report / no_evidence
  switch (cause) {
    case 'wear':
      say(
        log,
        'cause_wear',
        '正常磨损的易损件损坏，保修期内按成本费用保修',
        'Normal wear of a wear part: cost warranty even within the term',
      );
      return COST;
    case 'customer':
      say(
        log,
        'cause_customer',
        '保修期内因使用方人为原因或外力（误操作、保养不当、非纯正配件或未认可附属件、未授权维修改装、燃油不当、事故、疏忽等）造成的损坏，按成本费用保修',
        'Damage by the user or an external force within the term (misuse, improper maintenance, non-genuine parts or unapproved attachments, unauthorised repair or modification, improper fuel, accident, neglect): cost warranty',
      );
      return COST;
    case 'defect':
      say(
        log,
        'cause_defect',
        '保修期内因设计、装配、制造等缺陷造成的零件或整机损坏，免费保修',
        'Damage from a design, assembly or manufacturing defect within the term: free',
      );
      return FREE;
    case 'supplier':
      say(
        log,
        'cause_supplier',
        '保修期内核心零件及附件出现质量问题，免费保修',
        'Quality problem of a core part or accessory within the term: free',
      );
      return FREE;
    case 'workmanship':
      say(
        log,
        'cause_workmanship',
        '由厂方或经厂方书面许可的第三方技术人员调试、操作或施工造成的损坏，免费保修',
        "Damage by the maker's own or its authorised technicians (commissioning, operation or works): free",
      );
      return FREE;
    case 'unknown':
      say(
        log,
        'cause_unknown',
        '保修期内无可归责于使用方的原因，免费保修',
        'Within the term and no cause attributable to the user: free',
      );
      return FREE;
    default: {
      const unreachable: never = cause;
      throw new RangeError(`Unknown cause: ${String(unreachable)}`);
    }
  }
};
