import type { Static } from '@sinclair/typebox';
import type { Executor } from '../../db/client.ts';
import { DEFAULT_TIME_ZONE, decideEntitlement } from '../../domain/warranty/entitlement.ts';
import type { Cause, Reason, StartBasis } from '../../domain/warranty/entitlement-types.ts';
import { type ServiceTiers, serviceTierStatus } from '../../domain/warranty/service-tiers.ts';
import { formatDay, localDay, zoneFor } from '../../domain/warranty/zoned-calendar.ts';
import { AppError } from '../../platform/errors.ts';
import { iso, toInstant } from '../../platform/schemas.ts';
import { findModel, findPolicy } from '../products/index.ts';
import * as dal from './assets-dal.ts';
import type { EntitlementQuery } from './assets-schemas.ts';

/**
 * Loads what the pure rule needs (the asset's own policy version, its model, its events, and the
 * meter reading nearest before the date when no hours are given) and returns the decision with reasons.
 */
/** The asset's own policy version, model and events: the same for every decision on the asset. */
export const loadEntitlementBasis = async (db: Executor, asset: dal.AssetRow) => {
  // Sequential: callers pass their transaction, and one connection runs one query at a time.
  const policy = await findPolicy(db, asset.warrantyPolicyId);
  const model = await findModel(db, asset.modelId);
  const events = await dal.eventsOf(db, asset.id);
  if (!policy || !model)
    throw new AppError('internal', { message: `asset ${asset.id} lacks its policy or model` });
  return { policy, model, events };
};

export const entitlementFor = async (
  db: Executor,
  asset: dal.AssetRow,
  q: Static<typeof EntitlementQuery>,
  now: Date,
  /** Several decisions on one asset (a work order's parts) load the basis once. */
  basis?: Awaited<ReturnType<typeof loadEntitlementBasis>>,
) => {
  const { policy, model, events } = basis ?? (await loadEntitlementBasis(db, asset));
  const at = q.at ? toInstant(q.at) : now;
  const extra: Reason[] = [];
  let hours = q.hours ?? null;
  if (hours === null) {
    const { before } = await dal.neighbourReadings(db, asset.id, at);
    if (before) {
      hours = before.hours;
      const day = formatDay(localDay(zoneFor(DEFAULT_TIME_ZONE), before.readAt.getTime()));
      extra.push({
        code: 'hours_from_reading',
        clause: null,
        message: `未提供工时，采用 ${day} 的读数 ${before.hours} h`,
        messageEn: `No hours given; using the reading of ${before.hours} h taken ${day}`,
      });
    }
  }
  const d = decideEntitlement({
    policy: {
      id: policy.id,
      version: policy.version,
      name: policy.name,
      startBasis: policy.startBasis as StartBasis,
      months: policy.months,
      hoursLimit: policy.hoursLimit,
      plans: policy.plans as never,
      weightHourLimits: policy.weightHourLimits as never,
      attachmentHourReductions: policy.attachmentHourReductions as Record<string, number>,
      partMonths: policy.partMonths,
      clauses: policy.clauses as Record<string, string>,
    },
    asset: {
      deliveredAt: asset.deliveredAt,
      invoiceAt: asset.invoiceAt,
      acceptedAt: asset.acceptedAt,
      completedAt: asset.completedAt,
      plan: asset.plan,
      attachments: asset.attachments,
      specialTerms: asset.specialTerms as { months: number; hoursLimit: number | null } | null,
      warrantyCardReturnedAt: asset.warrantyCardReturnedAt,
    },
    model: {
      operatingWeightT: model.operatingWeightT,
      hoursLimitOverride: model.hoursLimitOverride,
      wearParts: model.wearParts,
      consumables: model.consumables,
    },
    // Repairs and maintenances do not change the term; only tampering and replaced parts do.
    events: events
      .filter((e) => e.kind === 'gps_tamper' || e.kind === 'part_replaced')
      .map((e) => ({
        kind: e.kind as 'gps_tamper' | 'part_replaced',
        at: e.at,
        partCode: e.partCode,
      })),
    query: {
      at,
      hours,
      partCode: q.partCode ?? null,
      cause: (q.cause ?? 'unknown') as Cause,
      reportedAt: q.reportedAt ? toInstant(q.reportedAt) : null,
      evidence: q.evidence ?? null,
    },
  });
  // Software policies: which service items are free now, and the annual fee after the first year.
  const tiers =
    policy.serviceTiers && d.warrantyStart
      ? serviceTierStatus({
          tiers: policy.serviceTiers as ServiceTiers,
          start: d.warrantyStart,
          at,
          listPriceFen: model.listPriceFen,
        })
      : null;
  return {
    ...d,
    serviceTiers: tiers && { ...tiers, firstYearEndsAt: tiers.firstYearEndsAt.toISOString() },
    warrantyStart: iso(d.warrantyStart),
    warrantyEnd: iso(d.warrantyEnd),
    partWarranty: d.partWarranty && {
      ...d.partWarranty,
      replacedAt: d.partWarranty.replacedAt.toISOString(),
      until: d.partWarranty.until.toISOString(),
    },
    reasons: [...extra, ...d.reasons],
    policy: { id: policy.id, name: policy.name, version: policy.version },
  };
};
