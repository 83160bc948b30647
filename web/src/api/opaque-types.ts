// Shapes of the response fields that the OpenAPI document gives as any JSON (`Type.Any()` on the
// server: stored snapshots and computed blobs), so the generated types say `unknown` for them. They are
// the only shapes written by hand in web/src/api; each names the server code it follows. Describing
// these fields in the route schemas (and regenerating) would let them go; until then a change there
// must be mirrored here.
import type { Item, ResponseOf } from './schema';

type EntitlementJson = ResponseOf<'/api/assets/{id}/entitlement'>;
type Coverage = EntitlementJson['coverage'];
type EntitlementReason = Item<EntitlementJson['reasons']>;

/** `partWarranty` of an entitlement (src/domain/warranty: the replaced part's own warranty). */
export type PartWarranty = { partCode: string; replacedAt: string; until: string; inWarranty: boolean };

/** `serviceTiers` of an entitlement (src/domain/warranty: software service tiers). */
export type ServiceTierStatus = {
  lifetimeFree: string[];
  firstYearFree: string[];
  /** Exclusive: the first instant after the free first year. */
  firstYearEndsAt: string;
  inFirstYear: boolean;
  /** Null when the model has no list price to take the rate of. */
  annualFeeFen: number | null;
  clause: string;
  message: string;
  messageEn: string;
};

/** A ticket's and a complaint's `slaMatch` (src/domain/sla: which policy governs and why). */
export type SlaMatch = {
  policyId: string | null;
  policyName: string | null;
  reasons: { code: string; message: string; messageEn?: string; clause?: string | null }[];
};

/** A ticket's stored `entitlement` adds the instant it was decided (src/modules/tickets/ticket-create). */
export type EntitlementDecided = { decidedAt?: string };

/** One of a half-yearly review's `changes` (src/modules/reviews/reviews-service.ts). */
export type ReviewChange = {
  customerId: string;
  customerName: string;
  ownerUserId: string | null;
  change: 'promote' | 'archive';
  from: string;
  to: string;
  clause: string;
  message: string;
  messageEn: string;
};

/** A customer's `lastReview`: its change with the review it came from (src/modules/reviews). */
export type LastReview = Omit<ReviewChange, 'customerName' | 'ownerUserId'> & {
  reviewId: string;
  period: string;
};

/** A work order's `charges` and sent `quote` (src/domain/field/charges.ts). */
export type ChargeLine = {
  kind: 'labour' | 'travel' | 'part';
  /** lineId for parts, null otherwise. */
  ref: string | null;
  description: string;
  descriptionEn: string;
  /** Minutes for labour, km for travel, pieces for parts. */
  quantity: number;
  unit: 'min' | 'km' | '件';
  unitFen: number;
  amountFen: number;
  customerFen: number;
  coverage: Coverage;
  payer: 'company' | 'customer';
  priceListCode: string | null;
  reasons: EntitlementReason[];
};
export type Charges = {
  lines: ChargeLine[];
  customerNetFen: number;
  taxes?: { priceListCode: string; taxRateBp: number; netFen: number; taxFen: number }[];
  taxFen: number;
  customerTotalFen: number;
  companyCostFen: number;
  problems: { code: string; coverage: Coverage; message: string; messageEn: string }[];
};

/** A sent quote: the charges as they were when sent (the live charges may move on). */
export type Quote = (Charges & { sentAt?: string }) | null;
