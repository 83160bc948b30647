// Entitlement (保修判定): is this fault covered, and who pays? One pure decision with its reasons.
//
// Term: starts on the local day of the policy's basis date and runs `months` calendar months in the
// query's time zone; the last covered day is the day before the same date `months` later, so
// `warrantyEnd` is the exclusive end, 00:00 local of the first day out. Hours end it earlier:
// running hours at or above the limit are "reached". A GPS tamper at or before `at` voids all of
// it, part warranties included. A part replaced before `at` has its own term of `partMonths` from
// the replacement day [seed 001 篇六], which can outlast the machine's.
import { decideCoverage } from './coverage.ts';
import type {
  AssetEvent,
  AssetTerms,
  Entitlement,
  EntitlementQuery,
  ModelTerms,
  PartWarranty,
  TermEnd,
  WarrantyPolicy,
} from './entitlement-types.ts';
import { type ReasonLog, say } from './reasons.ts';
import { resolveLength, resolveStart } from './warranty-term.ts';
import { addMonthsExclusive, formatDay, localDay, startOfLocalDay, zoneFor } from './zoned-calendar.ts';

export type * from './entitlement-types.ts';
export { DEFAULT_CLAUSES } from './reasons.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const timeOf = (d: Date | null): number | null => {
  if (d === null) return null;
  const t = d.getTime();
  return Number.isNaN(t) ? null : t;
};

export const decideEntitlement = (opts: {
  policy: WarrantyPolicy;
  asset: AssetTerms;
  model: ModelTerms;
  events: AssetEvent[];
  query: EntitlementQuery;
}): Entitlement => {
  const { policy, asset, model, events, query } = opts;
  const timeZone = query.timeZone ?? DEFAULT_TIME_ZONE;
  const zone = zoneFor(timeZone);
  const atMs = query.at.getTime();
  if (Number.isNaN(atMs)) throw new RangeError('query.at is not a valid date');
  const atDay = localDay(zone, atMs);
  const log: ReasonLog = { reasons: [], overrides: policy.clauses };
  const hours = query.hours !== null && Number.isFinite(query.hours) && query.hours >= 0 ? query.hours : null;

  const start = resolveStart({ policy, asset, zone, log });
  const length = resolveLength({ policy, asset, model, log });

  // One pass over the events: the earliest tamper at/before `at`, the earliest after it (only
  // noted), and the latest replacement of the queried part strictly before `at` (a replacement at
  // the judged instant is this repair's own, not an earlier one).
  let tamperMs: number | null = null;
  let laterTamperMs: number | null = null;
  let replacedMs: number | null = null;
  let replacedAt: Date | null = null;
  for (const e of events) {
    const t = timeOf(e.at);
    if (t === null) continue;
    if (e.kind === 'gps_tamper') {
      if (t <= atMs) {
        if (tamperMs === null || t < tamperMs) tamperMs = t;
      } else if (laterTamperMs === null || t < laterTamperMs) laterTamperMs = t;
    } else if (query.partCode !== null && e.partCode === query.partCode && t < atMs) {
      if (replacedMs === null || t > replacedMs) {
        replacedMs = t;
        replacedAt = e.at;
      }
    }
  }

  // The machine's own term by date.
  let endedBy: TermEnd | null = null;
  let startMs: number | null = null;
  let endMs: number | null = null;
  if (start.day === null) {
    endedBy = 'no_start';
  } else {
    startMs = startOfLocalDay(zone, start.day);
    const endDay = addMonthsExclusive(start.day, length.months);
    endMs = startOfLocalDay(zone, endDay);
    if (atMs < startMs) {
      endedBy = 'before_start';
      say(
        log,
        'before_start',
        `故障日 ${formatDay(atDay)} 早于保修起算日 ${formatDay(start.day)}，保修尚未开始`,
        `The fault on ${formatDay(atDay)} is before the warranty start ${formatDay(start.day)}`,
      );
    } else {
      const inTerm = atMs < endMs;
      if (!inTerm) endedBy = 'date';
      say(
        log,
        'term_by_date',
        `整机保修 ${length.months} 个月：${formatDay(start.day)} 至 ${formatDay(endDay - 1)}（含），${formatDay(endDay)} 起过保；故障日 ${formatDay(atDay)}${inTerm ? '在保修期内' : '已过保'}`,
        `Machine warranty of ${length.months} months: ${formatDay(start.day)} to ${formatDay(endDay - 1)} inclusive, out from ${formatDay(endDay)}; the fault on ${formatDay(atDay)} is ${inTerm ? 'within' : 'outside'} the term`,
      );
    }
  }

  // Running hours: whichever of date and hours comes first ends the term.
  const limit = length.hoursLimit;
  if (limit === null) {
    say(log, 'hours_unlimited', '本保修条款不限运转小时', 'This term has no running-hour limit');
  } else if (hours === null) {
    say(
      log,
      'hours_unknown',
      `运转小时未知，仅按日期判定；保修小时上限 ${limit} h，达到即过保`,
      `Running hours unknown, decided on the date alone; the hour limit is ${limit} h`,
    );
  } else if (hours >= limit) {
    if (endedBy === null) endedBy = 'hours';
    say(
      log,
      'hours_limit_reached',
      `运转 ${hours} h，已达到保修小时上限 ${limit} h（时间与小时以先到者为准），整机过保`,
      `${hours} h run: the hour limit of ${limit} h is reached (whichever comes first), so the machine is out of warranty`,
    );
  } else {
    say(
      log,
      'hours_within_limit',
      `运转 ${hours} h，未达到保修小时上限 ${limit} h`,
      `${hours} h run, below the hour limit of ${limit} h`,
    );
  }

  if (tamperMs !== null) {
    endedBy = 'void';
    if (endMs === null || tamperMs < endMs) endMs = tamperMs;
    say(
      log,
      'gps_tamper_void',
      `${formatDay(localDay(zone, tamperMs))} 私自拆卸或改动机械监控设备（GPS），自该时起终止整机保修（含更换配件的保修）`,
      `The machine monitoring device (GPS) was tampered with on ${formatDay(localDay(zone, tamperMs))}: the whole warranty, replaced parts included, ended then`,
    );
  } else if (laterTamperMs !== null) {
    say(
      log,
      'gps_tamper_after',
      `监控设备（GPS）改动发生在 ${formatDay(localDay(zone, laterTamperMs))}，晚于故障时间，不影响本次判定`,
      `A GPS tamper on ${formatDay(localDay(zone, laterTamperMs))} came after the fault and does not affect this decision`,
    );
  }
  const machineInWarranty = endedBy === null;

  let partWarranty: PartWarranty | null = null;
  if (replacedMs !== null && replacedAt !== null && query.partCode !== null) {
    const day = localDay(zone, replacedMs);
    const untilDay = addMonthsExclusive(day, policy.partMonths);
    const untilMs = startOfLocalDay(zone, untilDay);
    const inPart = tamperMs === null && atMs < untilMs;
    partWarranty = { partCode: query.partCode, replacedAt, until: new Date(untilMs), inWarranty: inPart };
    const effectZh = inPart
      ? machineInWarranty
        ? '；整机亦在保修期内'
        : '；整机已过保，该配件仍在保'
      : '；该配件已过保';
    const effectEn = inPart
      ? machineInWarranty
        ? '; the machine term covers it too'
        : '; the machine term is over but the part is still covered'
      : '; the part warranty is over';
    say(
      log,
      'part_warranty',
      `配件 ${query.partCode} 于 ${formatDay(day)} 更换，自更换之日起保修 ${policy.partMonths} 个月，至 ${formatDay(untilDay - 1)}（含）${effectZh}`,
      `Part ${query.partCode} was replaced on ${formatDay(day)} and has its own ${policy.partMonths}-month warranty to ${formatDay(untilDay - 1)} inclusive${effectEn}`,
    );
  }
  const inWarranty = machineInWarranty || partWarranty?.inWarranty === true;

  const partCode = query.partCode;
  const wearPart = partCode !== null && model.wearParts.includes(partCode);
  const consumable = partCode !== null && !wearPart && model.consumables.includes(partCode);
  const reportedMs = timeOf(query.reportedAt);
  const { coverage, quoteRequired } = decideCoverage({
    inWarranty,
    cause: query.cause,
    partCode,
    wearPart,
    consumable,
    atDay,
    reportDay: reportedMs === null ? null : localDay(zone, reportedMs),
    evidence: query.evidence,
    log,
  });

  return {
    inWarranty,
    coverage,
    warrantyStart: startMs === null ? null : new Date(startMs),
    warrantyEnd: endMs === null ? null : new Date(endMs),
    hoursLimit: limit,
    machineInWarranty,
    termEndedBy: endedBy,
    partWarranty,
    quoteRequired,
    reasons: log.reasons,
    inputs: {
      policyId: policy.id,
      policyVersion: policy.version,
      timeZone,
      at: query.at,
      startBasis: policy.startBasis,
      startSource: start.source,
      startDate: start.date,
      termSource: length.source,
      plan: length.plan,
      months: length.months,
      hoursLimit: limit,
      operatingWeightT: model.operatingWeightT,
      weightHourLimit: length.weightHourLimit,
      attachments: asset.attachments,
      hoursReduction: length.hoursReduction,
      hours,
      partCode,
      cause: query.cause,
      wearPart,
      consumable,
      reportedAt: query.reportedAt,
      evidence: query.evidence,
      gpsTamperAt: tamperMs === null ? null : new Date(tamperMs),
    },
  };
};
