// Customers, products, warranty policies and the installed base: named from the generated API types.
import type { LastReview, PartWarranty, ServiceTierStatus } from './opaque-types';
import { allOf, type BodyOf, type Item, type QueryOf, type ResponseOf, type WithItems } from './schema';

type CustomerBody = BodyOf<'/api/customers'>;
export type CustomerKind = CustomerBody['kind'];
export type Grade = NonNullable<CustomerBody['grade']>;
export type BusinessStatus = NonNullable<BodyOf<'/api/customers/{id}', 'patch'>['businessStatus']>;
export type CustomerListParams = QueryOf<'/api/customers'>;
export type CustomerStatus = NonNullable<CustomerListParams['status']>;

export const CUSTOMER_KINDS = allOf<CustomerKind>()([
  'existing',
  'new',
  'potential',
  'competitor',
  'partner',
  'institute',
]);
export const GRADES = allOf<Grade>()(['A', 'B', 'C', 'D']);
export const BUSINESS_STATUSES = allOf<BusinessStatus>()(['operating', 'bankrupt', 'closed']);

/** What the half-yearly review (GK-03 四) last did to a customer. */
export type { LastReview };

type CustomerJson = ResponseOf<'/api/customers/{id}'>;
export type Customer = Omit<CustomerJson, 'lastReview'> & { lastReview: LastReview | null };
export type CustomerPage = WithItems<ResponseOf<'/api/customers'>, Customer>;
export type Contact = Item<Customer['contacts']>;

export type PolicyBody = BodyOf<'/api/warranty-policies'>;
export type StartBasis = PolicyBody['startBasis'];
export const START_BASES = allOf<StartBasis>()(['delivery', 'invoice', 'acceptance', 'completion']);
export type ServiceTiers = NonNullable<BodyOf<'/api/warranty-policies'>['serviceTiers']>;

/** Policies are versioned by `policyKey`; `version` here is the policy version, not a lock token. */
export type Policy = Omit<ResponseOf<'/api/warranty-policies/{id}'>, 'serviceTiers'> & {
  /** Documented as any JSON; it holds what the policy was written with. */
  serviceTiers: ServiceTiers | null;
};
export type PolicyList = WithItems<ResponseOf<'/api/warranty-policies'>, Policy>;

export type ProductModel = ResponseOf<'/api/product-models/{id}'>;
export type ModelPage = ResponseOf<'/api/product-models'>;
export type ModelListParams = QueryOf<'/api/product-models'>;

export type SpecialTerms = NonNullable<BodyOf<'/api/assets'>['specialTerms']>;
export type Asset = Omit<ResponseOf<'/api/assets/{id}'>, 'specialTerms'> & {
  /** Documented as any JSON; it holds what the asset was written with. */
  specialTerms: SpecialTerms | null;
};
export type AssetPage = WithItems<ResponseOf<'/api/assets'>, Asset>;
export type AssetListParams = QueryOf<'/api/assets'>;

export type MeterReading = Item<ResponseOf<'/api/assets/{id}/meter-readings'>['items']>;
export type AssetEventBody = BodyOf<'/api/assets/{id}/events'>;
export type AssetEventKind = AssetEventBody['kind'];
export const EVENT_KINDS = allOf<AssetEventKind>()(['part_replaced', 'gps_tamper', 'repair', 'maintenance']);
export type AssetEvent = Item<ResponseOf<'/api/assets/{id}/events'>['items']>;

export type EntitlementQuery = QueryOf<'/api/assets/{id}/entitlement'>;
export type Cause = NonNullable<EntitlementQuery['cause']>;
export const CAUSES = allOf<Cause>()([
  'defect',
  'supplier',
  'workmanship',
  'customer',
  'force_majeure',
  'wear',
  'unknown',
]);

type EntitlementJson = ResponseOf<'/api/assets/{id}/entitlement'>;
export type Coverage = EntitlementJson['coverage'];
export type EntitlementReason = Item<EntitlementJson['reasons']>;

export type { PartWarranty, ServiceTierStatus };

/** The three fields the document gives as any JSON take their shapes from opaque-types. */
export type Entitlement = Omit<EntitlementJson, 'partWarranty' | 'inputs' | 'serviceTiers'> & {
  partWarranty: PartWarranty | null;
  /** The effective inputs of the decision (after defaults and look-ups). */
  inputs: Record<string, unknown>;
  /** Software policies only: what is free now and the annual fee after the first year. */
  serviceTiers?: ServiceTierStatus | null;
};
