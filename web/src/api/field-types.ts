// Field service (现场服务): engineers, work orders (派工单), the dispatch board — as the server sends
// them (src/modules/work-orders/work-orders-schemas.ts, src/modules/engineers/engineers-schemas.ts).
import type { Coverage } from './catalog-types';

export type { Coverage };

export const WORK_ORDER_STATUSES = [
  'planned',
  'dispatched',
  'travelling',
  'on_site',
  'done',
  'signed',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const OPEN_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = WORK_ORDER_STATUSES.filter(
  (s) => s !== 'closed' && s !== 'cancelled',
);

/** The target statuses a transition request may name (dispatching and signing have their own calls). */
export type TransitionTarget = 'planned' | 'travelling' | 'on_site' | 'done' | 'closed' | 'cancelled';

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

export type QuoteStatus = 'none' | 'sent' | 'accepted' | 'rejected';

export interface Engineer {
  id: string;
  userId: string | null;
  username: string | null;
  name: string;
  phone: string | null;
  trade: string;
  skills: string[];
  regions: string[];
  serviceCentreId: string | null;
  serviceCentreName: string | null;
  dealerId: string | null;
  dealerName: string | null;
  calendarId: string | null;
  capacity: number;
  /** Open work orders now assigned to the engineer. */
  openOrders: number;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EngineerListParams {
  q?: string;
  active?: boolean;
  dealerId?: string;
  serviceCentreId?: string;
  limit?: number;
  offset?: number;
}

export interface WorkOrderEngineer {
  id: string;
  name: string;
  trade: string;
  phone: string | null;
  lead: boolean;
}

export interface WorkOrderSummary {
  id: string;
  number: string;
  ticketId: string;
  ticketNumber: string;
  customerId: string;
  customerName: string;
  assetId: string | null;
  assetSerialNo: string | null;
  status: WorkOrderStatus;
  task: string;
  trade: string | null;
  category: string | null;
  region: string | null;
  address: string | null;
  deadlineAt: string | null;
  /** Local date YYYY-MM-DD. */
  plannedDate: string | null;
  engineers: WorkOrderEngineer[];
  quoteRequired: boolean;
  quoteStatus: QuoteStatus | string;
  customerTotalFen: number;
  urgentApprovedAt: string | null;
  paperworkRegularisedAt: string | null;
  version: number;
  createdAt: string;
}

export interface ChargeReason {
  code: string;
  clause: string | null;
  message: string;
  messageEn?: string;
}

export interface ChargeLine {
  kind: 'labour' | 'travel' | 'part';
  ref: string | null;
  description: string;
  descriptionEn: string;
  quantity: number;
  unit: 'min' | 'km' | '件' | string;
  unitFen: number;
  amountFen: number;
  customerFen: number;
  coverage: Coverage;
  payer: 'company' | 'customer';
  priceListCode: string | null;
  reasons: ChargeReason[];
}

export interface ChargeProblem {
  code: string;
  coverage: Coverage;
  message: string;
  messageEn: string;
}

export interface Charges {
  lines: ChargeLine[];
  customerNetFen: number;
  taxes?: { priceListCode: string; taxRateBp: number; netFen: number; taxFen: number }[];
  taxFen: number;
  customerTotalFen: number;
  companyCostFen: number;
  problems: ChargeProblem[];
}

export interface Blocked {
  code: string;
  message: string;
  messageEn: string;
}

export interface NextStep {
  to: WorkOrderStatus | string;
  blocked: Blocked | null;
}

export interface WorkOrderItem {
  id: string;
  description: string;
  method: string | null;
  quantity: number;
  labourMinutes: number;
}

export interface WorkOrderPart {
  id: string;
  partId: string;
  partCode: string;
  partName: string;
  locationId: string;
  locationName: string;
  quantity: number;
  /** reserved | consumed | released */
  status: string;
  removedSerial: string | null;
  fittedSerial: string | null;
}

export interface WorkOrderPhoto {
  id: string;
  phase: 'before' | 'after' | string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface OldPartReturn {
  id: string;
  partCode: string;
  partName: string;
  quantity: number;
  serialNo: string | null;
  /** pending | received | appraised */
  status: string;
  dueAt: string;
  overdue: boolean;
  appraisal: string | null;
}

export interface FieldFeedback {
  id: string;
  returnedOn: string;
  dueOn: string;
  nature: string | null;
  cause: string | null;
  handling: string | null;
  /** draft | submitted | signed */
  status: string;
  overdue: boolean;
  headSignedName: string | null;
  headSignedAt: string | null;
  version: number;
}

export interface WorkOrderEvent {
  kind: string;
  data: unknown;
  actorName: string | null;
  at: string;
}

/** A sent quote: the charges as they were when sent (the live charges may move on). */
export type Quote = (Charges & { sentAt?: string }) | null;

export interface WorkOrder extends WorkOrderSummary {
  dealerId: string | null;
  modelName: string | null;
  dispatchedAt: string | null;
  travelStartedAt: string | null;
  checkInAt: string | null;
  checkOutAt: string | null;
  doneAt: string | null;
  closedAt: string | null;
  cause: Cause | string;
  diagnosis: string | null;
  meterHours: number | null;
  travelKm: number;
  majorFault: boolean;
  entitlement: unknown;
  charges: Charges | null;
  companyCostFen: number;
  quote: Quote;
  quoteSentAt: string | null;
  quoteDecidedAt: string | null;
  quoteDecidedBy: string | null;
  quoteDecidedVia: string | null;
  urgentApprovedByName: string | null;
  urgentReason: string | null;
  hasSignature: boolean;
  signedBy: string | null;
  signedAt: string | null;
  customerComment: string | null;
  writtenOffAt: string | null;
  reimbursedAt: string | null;
  nextSteps: NextStep[];
  items: WorkOrderItem[];
  parts: WorkOrderPart[];
  photos: WorkOrderPhoto[];
  oldPartReturns: OldPartReturn[];
  feedback: FieldFeedback | null;
  events: WorkOrderEvent[];
  updatedAt: string;
}

export interface WorkOrderListParams {
  /** Comma-separated statuses. */
  status?: string;
  ticketId?: string;
  assetId?: string;
  engineerId?: string;
  mine?: boolean;
  plannedFrom?: string;
  plannedTo?: string;
  unplanned?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface WorkOrderCreate {
  task: string;
  trade?: string | null;
  region?: string | null;
  address?: string | null;
  deadlineAt?: string | null;
  plannedDate?: string | null;
  engineerIds?: string[];
}

export interface Suggestion {
  engineerId: string;
  name: string;
  score: number;
  openOrders: number;
  capacity: number;
  reasons: { code: string; points: number; message: string; messageEn: string }[];
}

export interface BoardEngineer {
  id: string;
  name: string;
  trade: string;
  regions: string[];
  openOrders: number;
  capacity: number;
}

export interface Board {
  from: string;
  days: { date: string; working: boolean }[];
  engineers: BoardEngineer[];
  orders: WorkOrderSummary[];
  unplanned: WorkOrderSummary[];
}

export interface BoardParams {
  from: string;
  days?: number;
  q?: string;
  dealerId?: string;
  serviceCentreId?: string;
}

export interface FeedbackListItem {
  workOrderId: string;
  workOrderNumber: string;
  engineerNames?: string[] | string;
  returnedOn: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  customerName?: string;
  [key: string]: unknown;
}

export interface FeedbackBody {
  returnedOn: string;
  nature?: string | null;
  cause?: string | null;
  handling?: string | null;
  submit?: boolean;
  version: number | null;
}

/** A part in the catalogue, as much as the pickers need (the parts module owns the full shape). */
export interface PartOption {
  id: string;
  code: string;
  name: string;
  unit?: string;
  wear: boolean;
  consumable: boolean;
  serialised: boolean;
  costFen: number;
  listFen: number;
}

export interface StockOption {
  partId: string;
  locationId: string;
  locationName: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface PartLineBody {
  partId: string;
  locationId: string;
  quantity: number;
  removedSerial?: string | null;
  fittedSerial?: string | null;
  consume?: boolean;
}

export const PRINT_FORMS = ['service-notice', 'repair-record', 'service-sheet', 'major-fault'] as const;
export type PrintForm = (typeof PRINT_FORMS)[number];
