// Field service (现场服务): engineers, work orders (派工单), the dispatch board — named from the
// generated API types.
import { type Coverage, CAUSES as ENTITLEMENT_CAUSES } from './catalog-types';
import type { ChargeLine, Charges, Quote } from './opaque-types';
import type { Part, StockLevel } from './parts-types';
import { allOf, type BodyOf, type Item, type paths, type QueryOf, type ResponseOf } from './schema';

export type { ChargeLine, Charges };
export type ChargeReason = Item<ChargeLine['reasons']>;
export type { Coverage };

export type EngineerPage = ResponseOf<'/api/engineers'>;
export type Engineer = ResponseOf<'/api/engineers/{id}'>;
export type EngineerListParams = QueryOf<'/api/engineers'>;

type WorkOrderJson = ResponseOf<'/api/work-orders/{id}'>;
export type WorkOrderPage = ResponseOf<'/api/work-orders'>;
export type WorkOrderSummary = Item<WorkOrderPage['items']>;
export type WorkOrderStatus = WorkOrderSummary['status'];
export type WorkOrderEngineer = Item<WorkOrderSummary['engineers']>;
export type WorkOrderListParams = QueryOf<'/api/work-orders'>;
export type WorkOrderCreate = BodyOf<'/api/tickets/{id}/work-orders'>;

export const WORK_ORDER_STATUSES = allOf<WorkOrderStatus>()([
  'planned',
  'dispatched',
  'travelling',
  'on_site',
  'done',
  'signed',
  'closed',
  'cancelled',
]);
export const OPEN_WORK_ORDER_STATUSES = WORK_ORDER_STATUSES.filter(
  (s): s is Exclude<WorkOrderStatus, 'closed' | 'cancelled'> => s !== 'closed' && s !== 'cancelled',
);

export type TransitionBody = BodyOf<'/api/work-orders/{id}/transition'>;
/** The target statuses a transition request may name (dispatching and signing have their own calls). */
export type TransitionTarget = TransitionBody['to'];
export type DiagnosisBody = BodyOf<'/api/work-orders/{id}/diagnosis', 'put'>;
export type Cause = DiagnosisBody['cause'];
/** The diagnosis takes the causes the entitlement rule knows; this fails to compile if they part. */
export const CAUSES = allOf<Cause>()(ENTITLEMENT_CAUSES);

export type { Quote };

/** `charges` and `quote` are documented as any JSON: their shapes come from opaque-types. */
export type WorkOrder = Omit<WorkOrderJson, 'charges' | 'quote'> & { charges: Charges | null; quote: Quote };
export type NextStep = Item<WorkOrder['nextSteps']>;
export type WorkOrderItem = Item<WorkOrder['items']>;
export type WorkOrderPart = Item<WorkOrder['parts']>;
export type WorkOrderPhoto = Item<WorkOrder['photos']>;
export type OldPartReturn = Item<WorkOrder['oldPartReturns']>;
export type FieldFeedback = NonNullable<WorkOrder['feedback']>;
export type WorkOrderEvent = Item<WorkOrder['events']>;

export type SuggestionList = ResponseOf<'/api/work-orders/{id}/suggestions'>;
export type Suggestion = Item<SuggestionList['items']>;

export type Board = ResponseOf<'/api/dispatch-board'>;
export type BoardEngineer = Item<Board['engineers']>;
export type BoardParams = QueryOf<'/api/dispatch-board'>;

export type FeedbackList = ResponseOf<'/api/field-feedback'>;
export type FeedbackListItem = Item<FeedbackList['items']>;
export type FeedbackBody = BodyOf<'/api/work-orders/{id}/feedback', 'put'>;

/** A part in the catalogue, as much as the pickers need (the parts module owns the full shape). */
export type PartOption = Pick<
  Part,
  'id' | 'code' | 'name' | 'unit' | 'wear' | 'consumable' | 'serialised' | 'costFen' | 'listFen'
>;
export type StockOption = Pick<
  StockLevel,
  'partId' | 'locationId' | 'locationName' | 'onHand' | 'reserved' | 'available'
>;
export type PartLineBody = BodyOf<'/api/work-orders/{id}/parts'>;

/** The printable forms: every `/print/<form>` route of a work order. */
export type PrintForm = keyof paths extends infer P
  ? P extends `/api/work-orders/{id}/print/${infer F}`
    ? F
    : never
  : never;
export const PRINT_FORMS = allOf<PrintForm>()([
  'service-notice',
  'repair-record',
  'service-sheet',
  'major-fault',
]);
