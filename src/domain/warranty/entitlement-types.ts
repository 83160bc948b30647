// Plain data in and out of the entitlement rule (保修判定). Re-exported by entitlement.ts.

/** Who or what caused the fault, as found by the engineer / technical department (原因分析). */
export type Cause = 'defect' | 'supplier' | 'workmanship' | 'customer' | 'force_majeure' | 'wear' | 'unknown';

/** free 免费保修 (§4.1), cost 成本费用保修 (§4.2), charged 收取合理成本及利润 (§4.3). */
export type Coverage = 'free' | 'cost' | 'charged';

export type StartBasis = 'delivery' | 'invoice' | 'acceptance' | 'completion';

/** One step of the decision; `clause` cites the policy text that produced it. */
export type Reason = { code: string; clause: string | null; message: string; messageEn: string };

export type WarrantyPlan = { code: string; months: number; hoursLimit: number | null };

export type WarrantyPolicy = {
  id: string;
  version: number;
  name: string;
  startBasis: StartBasis;
  /** Standard term in calendar months. */
  months: number;
  /** null = no hour limit. */
  hoursLimit: number | null;
  /** Chosen at sale, e.g. 12 months unlimited hours or 24 months / 3000 h [seed 000 第四篇 二.2]. */
  plans: WarrantyPlan[];
  /** Lowers the hour limit for models at or under the weight; the smallest covering entry wins. */
  weightHourLimits: { maxWeightT: number; hoursLimit: number }[];
  /** Hours subtracted per fitted attachment, e.g. { hydraulic_breaker: 500 }. */
  attachmentHourReductions: Record<string, number>;
  /** Warranty of a replaced part, in months from its replacement date [seed 001 篇六]. */
  partMonths: number;
  /** Clause reference per clause key, overriding DEFAULT_CLAUSES (a policy cites its own text). */
  clauses?: Partial<Record<string, string>>;
};

export type AssetTerms = {
  deliveredAt: Date | null;
  invoiceAt: Date | null;
  acceptedAt: Date | null;
  completedAt: Date | null;
  plan: string | null;
  attachments: string[];
  /** Special-price / second-hand / contract terms: replace months and hours entirely. */
  specialTerms: { months: number; hoursLimit: number | null } | null;
  /** 三包回执卡 / 保修单: when it came back; null = never returned. */
  warrantyCardReturnedAt: Date | null;
};

export type ModelTerms = {
  operatingWeightT: number | null;
  hoursLimitOverride: number | null;
  wearParts: string[];
  consumables: string[];
};

export type AssetEvent = { kind: 'gps_tamper' | 'part_replaced'; at: Date; partCode: string | null };

export type EntitlementQuery = {
  /** When the fault happened / the repair is judged. */
  at: Date;
  /** Running hours at `at`; null = unknown (decided on the date alone, and the reasons say so). */
  hours: number | null;
  partCode: string | null;
  cause: Cause;
  /** When the customer reported it in writing; null = not known, reporting rule not applied. */
  reportedAt: Date | null;
  /** Photos / video / data kept; null = not known. */
  evidence: boolean | null;
  /** Default 'Asia/Shanghai'; local calendar days and months are counted in this zone. */
  timeZone?: string;
};

export type PartWarranty = { partCode: string; replacedAt: Date; until: Date; inWarranty: boolean };

/** Why the machine's own term does not cover `at` (null while it does). */
export type TermEnd = 'date' | 'hours' | 'void' | 'no_start' | 'before_start';

export type TermSource = 'standard' | 'plan' | 'special';

/** Echo of the effective inputs, stored with the decision so it can be explained later. */
export type EntitlementInputs = {
  policyId: string;
  policyVersion: number;
  timeZone: string;
  at: Date;
  startBasis: StartBasis;
  /** The date actually used as the start (may differ from startBasis after a fallback). */
  startSource: StartBasis | null;
  startDate: Date | null;
  termSource: TermSource;
  plan: string | null;
  months: number;
  hoursLimit: number | null;
  operatingWeightT: number | null;
  weightHourLimit: number | null;
  attachments: string[];
  hoursReduction: number;
  hours: number | null;
  partCode: string | null;
  cause: Cause;
  wearPart: boolean;
  consumable: boolean;
  reportedAt: Date | null;
  evidence: boolean | null;
  gpsTamperAt: Date | null;
};

export type Entitlement = {
  inWarranty: boolean;
  coverage: Coverage;
  /** Local 00:00 of the start day (the whole start day is covered). */
  warrantyStart: Date | null;
  /** Exclusive end: local 00:00 of the first day out, or the tamper instant if earlier. */
  warrantyEnd: Date | null;
  hoursLimit: number | null;
  /** Whether the machine's own term covers `at` (inWarranty may also come from a part warranty). */
  machineInWarranty: boolean;
  /** Why the machine's term does not cover `at`; null when it does. */
  termEndedBy: TermEnd | null;
  partWarranty: PartWarranty | null;
  /** Out of warranty or charged: repair only after the customer accepts a quote (§5.4, §4.3.1). */
  quoteRequired: boolean;
  reasons: Reason[];
  inputs: EntitlementInputs;
};
