// Plain data in and out of the 三包 return/exchange eligibility rule (SPEC 2.8, SPEC §4 POST /api/returns).
import type { Entitlement, Reason } from '../warranty/entitlement-types.ts';

export type { Reason };

export const PRODUCT_CATEGORIES = ['electronics', 'goods', 'jewellery', 'equipment'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** In this order in `options`: refund 退货, exchange 换货, repair 修理, replacement 更换 (整机 or 部件). */
export const REMEDIES = ['refund', 'exchange', 'repair', 'replacement'] as const;
export type Remedy = (typeof REMEDIES)[number];

/** Excavator major components [seed 000 第四篇 一.4]: 发动机、液压主泵、主阀、行走、回转、主要结构件. */
export const MAJOR_COMPONENTS = [
  'engine',
  'main_pump',
  'main_valve',
  'travel',
  'swing',
  'structure',
] as const;
export type MajorComponent = (typeof MAJOR_COMPONENTS)[number];

/** An earlier repair of the asset (a `repair` asset event, from a work order or entered by hand). */
export type RepairRecord = { at: Date; faultCode: string | null };

/**
 * The equipment's warranty on the day of the request: pass the Entitlement decided at submittedAt
 * as it is, or build the three fields from known dates (warrantyEnd exclusive, local 00:00).
 */
export type WarrantyWindow = Pick<Entitlement, 'inWarranty' | 'warrantyStart' | 'warrantyEnd'>;

export type ReturnEligibilityInput = {
  productCategory: ProductCategory;
  /** 'YYYY-MM-DD', the invoice date. */
  purchasedAt: string;
  /** 'YYYY-MM-DD' the goods were signed for; goods and jewellery count from it (default purchasedAt). */
  receivedAt?: string | null;
  /** The instant the request was made; its local day ends the count. */
  submittedAt: Date;
  requested: Remedy;
  qualityFault: boolean;
  faultCode?: string | null;
  majorComponent?: MajorComponent | null;
  /** Packaging, accessories, manual, warranty card and invoice all there. */
  goodsComplete: boolean;
  /** The asset's earlier repairs, in any order; later ones and ones outside the window are ignored. */
  repairs?: readonly RepairRecord[];
  /** Equipment only; null or absent = not known (no warranty remedy is offered then). */
  warranty?: WarrantyWindow | null;
  /** Default 'Asia/Shanghai'. */
  timeZone?: string;
};

export type CountedFromBasis = 'purchasedAt' | 'receivedAt' | 'purchasedAt_default';

/** Echo of what the decision used, stored with it so it can be explained later. */
export type ReturnEligibilityInputs = {
  productCategory: ProductCategory;
  requested: Remedy;
  qualityFault: boolean;
  goodsComplete: boolean;
  faultCode: string | null;
  majorComponent: MajorComponent | null;
  timeZone: string;
  /** The day the count starts from (not counted itself), and which field gave it. */
  countedFrom: string;
  countedFromBasis: CountedFromBasis;
  /** Local day of submittedAt. */
  submittedDay: string;
  /** Days after countedFrom: purchase on 1 Mar, request on 8 Mar → 7. */
  days: number;
  /** Electronics: the last day of the one-year period (same date a year later). */
  oneYearLastDay: string | null;
  /** The window in which earlier repairs count, [from, to); null when none counts. */
  repairWindow: { from: Date; to: Date } | null;
  /** Earlier repairs of the same faultCode inside the window. */
  repairsCounted: number;
  /** Repairs needed for a replacement: 2 (electronics), 3 (equipment major component). */
  repairsNeeded: number | null;
  warranty: { inWarranty: boolean; warrantyStart: Date | null; warrantyEnd: Date | null } | null;
};

export type ReturnEligibility = {
  options: Remedy[];
  requestedAllowed: boolean;
  reasons: Reason[];
  inputs: ReturnEligibilityInputs;
};

/** One problem in the input; field as in the API body ('receivedAt', 'repairs[2].at'). */
export type ReturnInputIssue = { field: string; message: string; messageEn: string };
