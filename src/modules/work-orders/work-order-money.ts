import type { Executor } from '../../db/client.ts';
import { type Charges, computeCharges, type PriceTerms } from '../../domain/field/charges.ts';
import type { Coverage, Reason } from '../../domain/warranty/entitlement-types.ts';
import { entitlementFor, findAsset, loadEntitlementBasis } from '../assets/index.ts';
import { activePriceLists, type PriceListRow } from '../parts/index.ts';
import * as dal from './work-orders-dal.ts';

// Who pays for a work order, line by line: the entitlement of the work (cause, hours, dates) and of
// each part (wear part, consumable, part warranty), then the charges at the active price lists.
// Re-run whenever the cause, the hours, the work items or the parts change.

const ALL = { kind: 'all' } as const;

const terms = (r: PriceListRow): PriceTerms => ({
  id: r.id,
  code: r.code,
  name: r.name,
  labourRateFen: r.labourRateFen,
  travelPerKmFen: r.travelPerKmFen,
  travelFlatFen: r.travelFlatFen,
  partsBasis: r.partsBasis as 'cost' | 'list',
  partsMarkupBp: r.partsMarkupBp,
  taxRateBp: r.taxRateBp,
});

const NO_ASSET: Reason = {
  code: 'no_asset',
  clause: null,
  message: '未关联设备档案，无法确认保修，按收费服务处理',
  messageEn: 'No asset on record, so no warranty can be confirmed: charged service',
};

export type Money = {
  entitlement: unknown;
  charges: Charges;
  customerTotalFen: number;
  companyCostFen: number;
  quoteRequired: boolean;
  /** Coverage of each part line by line id (old-part returns follow `free` lines). */
  partCoverage: Map<string, Coverage>;
};

export const computeMoney = async (
  tx: Executor,
  order: dal.WorkOrderRow,
  ticket: { reportedAt: Date; occurredAt: Date | null },
  now: Date,
): Promise<Money> => {
  // One query after another: these run inside the caller's transaction, one connection.
  const assetRow = order.assetId ? await findAsset(tx, order.assetId, ALL) : null;
  const lines = await dal.partLinesOf(tx, order.id);
  const items = await dal.itemsOf(tx, order.id);
  const attachments = await dal.ticketAttachmentCount(tx, order.ticketId);
  const photos = await dal.photosOf(tx, order.id);
  const active = await activePriceLists(tx);
  const lists = { cost: active.cost && terms(active.cost), charged: active.charged && terms(active.charged) };
  const base = {
    at: (ticket.occurredAt ?? ticket.reportedAt).toISOString(),
    reportedAt: ticket.reportedAt.toISOString(),
    cause: order.cause as 'unknown',
    ...(order.meterHours !== null ? { hours: order.meterHours } : {}),
    // Photos, video or data kept as evidence (SPEC §2.3 reporting rule).
    evidence: attachments + photos.length > 0,
  };
  const asset = assetRow?.asset ?? null;
  const basis = asset ? await loadEntitlementBasis(tx, asset) : undefined;
  const job = asset ? await entitlementFor(tx, asset, base, now, basis) : null;
  const partDecisions = [];
  for (const l of lines)
    partDecisions.push({
      line: l,
      d: asset ? await entitlementFor(tx, asset, { ...base, partCode: l.partCode }, now, basis) : null,
    });
  const charges = computeCharges({
    job: job
      ? { coverage: job.coverage, reasons: job.reasons }
      : { coverage: 'charged', reasons: [NO_ASSET] },
    labourMinutes: items.reduce((s, i) => s + i.labourMinutes, 0),
    travelKm: order.travelKm,
    parts: partDecisions.map(({ line, d }) => ({
      lineId: line.line.id,
      partCode: line.partCode,
      partName: line.partName,
      quantity: line.line.quantity,
      costFen: line.costFen,
      listFen: line.listFen,
      coverage: d?.coverage ?? 'charged',
      reasons: d?.reasons ?? [NO_ASSET],
    })),
    priceLists: lists,
  });
  return {
    entitlement: job && { decidedAt: now.toISOString(), ...job },
    charges,
    customerTotalFen: charges.customerTotalFen,
    companyCostFen: charges.companyCostFen,
    quoteRequired: charges.lines.some((l) => l.coverage === 'charged') || (job?.quoteRequired ?? !asset),
    partCoverage: new Map(partDecisions.map(({ line, d }) => [line.line.id, d?.coverage ?? 'charged'])),
  };
};
