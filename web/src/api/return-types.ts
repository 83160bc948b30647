// Returns and exchanges (三包退换货): named from the generated API types.
import { allOf, type BodyOf, type Item, type QueryOf, type ResponseOf } from './schema';

export type ReturnRequest = ResponseOf<'/api/returns/{id}'>;
export type ReturnPage = ResponseOf<'/api/returns'>;
export type ReturnSummary = Item<ReturnPage['items']>;
export type ReturnStatus = ReturnSummary['status'];
export type ReturnCreate = BodyOf<'/api/returns'>;
export type ReturnListParams = QueryOf<'/api/returns'>;
export type Remedy = ReturnCreate['requested'];
export type ProductCategory = ReturnCreate['productCategory'];
export type MajorComponent = NonNullable<ReturnCreate['majorComponent']>;
export type ReturnEvent = Item<ReturnRequest['events']>;
export type ReturnDeadline = ReturnRequest['deadlines'][string];
export type EligibilityReason = Item<ReturnRequest['eligibility']['reasons']>;
export type Checklist = NonNullable<BodyOf<'/api/returns/{id}/inspection'>['checklist']>;
export type Via = BodyOf<'/api/returns/{id}/receipt'>['via'];

export const RETURN_STATUSES = allOf<ReturnStatus>()([
  'submitted',
  'approved',
  'rejected',
  'received',
  'passed',
  'failed',
  'refunded',
  'exchanged',
  'repaired',
  'sent_back',
]);
/** A status the server adds counts as open until it is named here. */
export const OPEN_RETURN_STATUSES = allOf<
  Exclude<ReturnStatus, 'rejected' | 'refunded' | 'exchanged' | 'repaired' | 'sent_back'>
>()(['submitted', 'approved', 'received', 'passed', 'failed']);
export const REMEDIES = allOf<Remedy>()(['refund', 'exchange', 'repair', 'replacement']);
export const PRODUCT_CATEGORIES = allOf<ProductCategory>()([
  'electronics',
  'goods',
  'jewellery',
  'equipment',
]);
export const MAJOR_COMPONENTS = allOf<MajorComponent>()([
  'engine',
  'main_pump',
  'main_valve',
  'travel',
  'swing',
  'structure',
]);
export const CHECKLIST_ITEMS = [
  'packaging',
  'accessories',
  'manual',
  'warrantyCard',
  'invoice',
] as const satisfies readonly (keyof Checklist)[];
