// Customers, products, warranty policies and the installed base, as the server sends them.
import type { ListParams, Versioned } from './types';

export const CUSTOMER_KINDS = ['existing', 'new', 'potential', 'competitor', 'partner', 'institute'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
export type CustomerStatus = 'active' | 'archived';
export const BUSINESS_STATUSES = ['operating', 'bankrupt', 'closed'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

/** What the half-yearly review (GK-03 四) last did to a customer; kept on the customer for its card. */
export interface LastReview {
  reviewId: string;
  period: string;
  customerId: string;
  change: 'promote' | 'archive';
  from: string;
  to: string;
  clause: string;
  message: string;
  messageEn: string;
}

export interface Contact {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  primary: boolean;
}

export interface Customer extends Versioned {
  code: string;
  name: string;
  kind: CustomerKind;
  grade: Grade;
  dealerId: string | null;
  region: string | null;
  address: string | null;
  phone: string | null;
  industry: string | null;
  ownerUserId: string | null;
  status: CustomerStatus;
  /** Bankrupt or closed customers are archived by the next half-yearly review. */
  businessStatus: BusinessStatus;
  archivedAt: string | null;
  archivedReason: string | null;
  completedCooperations: number;
  lastReview: LastReview | null;
  notes: string | null;
  contacts: Contact[];
  createdAt: string;
  updatedAt: string;
}

export interface CustomerListParams extends ListParams {
  kind?: CustomerKind;
  grade?: Grade;
  dealerId?: string;
  status?: CustomerStatus;
}

export const START_BASES = ['delivery', 'invoice', 'acceptance', 'completion'] as const;
export type StartBasis = (typeof START_BASES)[number];

export interface WarrantyPlan {
  code: string;
  months: number;
  hoursLimit: number | null;
}

export interface ServiceTiers {
  lifetimeFree: string[];
  firstYearFree: string[];
  annualFeeRate: number;
}

export interface PolicyTerms {
  name: string;
  startBasis: StartBasis;
  months: number;
  hoursLimit: number | null;
  plans: WarrantyPlan[];
  weightHourLimits: { maxWeightT: number; hoursLimit: number }[];
  attachmentHourReductions: Record<string, number>;
  partMonths: number;
  clauses: Record<string, string>;
  serviceTiers: ServiceTiers | null;
  exclusions: string[];
}

/** Policies are versioned by `policyKey`; `version` here is the policy version, not a lock token. */
export interface Policy extends PolicyTerms {
  id: string;
  policyKey: string;
  version: number;
  current: boolean;
  supersededAt: string | null;
  createdAt: string;
}

export interface ProductModel extends Versioned {
  code: string;
  name: string;
  category: string;
  operatingWeightT: number | null;
  listPriceFen: number | null;
  warrantyPolicyId: string;
  hoursLimitOverride: number | null;
  wearParts: string[];
  consumables: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ModelListParams extends ListParams {
  category?: string;
}

export interface SpecialTerms {
  months: number;
  hoursLimit: number | null;
}

export interface Asset extends Versioned {
  serialNo: string;
  modelId: string;
  modelCode: string;
  modelName: string;
  customerId: string;
  customerName: string;
  dealerId: string | null;
  /** The policy version in force when the unit was sold; later revisions do not apply to it. */
  warrantyPolicyId: string;
  soldAt: string | null;
  deliveredAt: string | null;
  invoiceAt: string | null;
  acceptedAt: string | null;
  completedAt: string | null;
  plan: string | null;
  attachments: string[];
  specialTerms: SpecialTerms | null;
  specialPrice: boolean;
  secondHand: boolean;
  warrantyCardReturnedAt: string | null;
  location: string | null;
  notes: string | null;
  latestHours: number | null;
  latestReadAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AssetListParams {
  serialPrefix?: string;
  customerId?: string;
  modelId?: string;
  dealerId?: string;
  limit?: number;
  offset?: number;
}

export interface MeterReading {
  id: string;
  assetId: string;
  hours: number;
  readAt: string;
  source: string;
  createdAt: string;
}

export const EVENT_KINDS = ['part_replaced', 'gps_tamper'] as const;
export type AssetEventKind = (typeof EVENT_KINDS)[number];

export interface AssetEvent {
  id: string;
  assetId: string;
  kind: AssetEventKind;
  at: string;
  partCode: string | null;
  note: string | null;
  createdAt: string;
}

export const CAUSES = [
  'defect',
  'supplier',
  'workmanship',
  'customer',
  'force_majeure',
  'wear',
  'unknown',
] as const;
export type Cause = (typeof CAUSES)[number];
export type Coverage = 'free' | 'cost' | 'charged';

export interface EntitlementQuery {
  at?: string;
  hours?: number;
  partCode?: string;
  cause?: Cause;
  reportedAt?: string;
  evidence?: boolean;
}

export interface EntitlementReason {
  code: string;
  clause: string | null;
  message: string;
  messageEn: string;
}

export interface Entitlement {
  inWarranty: boolean;
  coverage: Coverage;
  warrantyStart: string | null;
  /** Exclusive: the first instant no longer covered. */
  warrantyEnd: string | null;
  hoursLimit: number | null;
  quoteRequired: boolean;
  partWarranty: { partCode: string; replacedAt: string; until: string; inWarranty: boolean } | null;
  reasons: EntitlementReason[];
  /** The effective inputs of the decision (after defaults and look-ups). */
  inputs: Record<string, unknown>;
  policy: { id: string; name: string; version: number };
  /** Software policies only: what is free now and the annual fee after the first year. */
  serviceTiers?: ServiceTierStatus | null;
}

export interface ServiceTierStatus {
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
}
