// Mirrors the parts module's JSON (src/modules/parts/*-schemas.ts). Money in integer fen.
import type { ListParams, Versioned } from './types';

export interface Part extends Versioned {
  code: string;
  name: string;
  unit: string;
  wear: boolean;
  consumable: boolean;
  serialised: boolean;
  costFen: number;
  listFen: number;
  supplier: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PartListParams extends ListParams {
  wear?: boolean;
  consumable?: boolean;
  active?: boolean;
}

export type LocationKind = 'company' | 'centre' | 'dealer';

export interface StockLocation extends Versioned {
  code: string;
  name: string;
  kind: LocationKind;
  serviceCentreId: string | null;
  serviceCentreName: string | null;
  dealerId: string | null;
  dealerName: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LocationListParams extends ListParams {
  kind?: LocationKind;
  active?: boolean;
  dealerId?: string;
}

export interface StockLevel {
  id: string;
  partId: string;
  partCode: string;
  partName: string;
  unit: string;
  wear: boolean;
  consumable: boolean;
  locationId: string;
  locationCode: string;
  locationName: string;
  locationKind: LocationKind;
  onHand: number;
  reserved: number;
  available: number;
  minQty: number;
  low: boolean;
  updatedAt: string | null;
}

export interface StockListParams extends ListParams {
  partId?: string;
  locationId?: string;
  low?: boolean;
}

export type MoveKind = 'receive' | 'transfer' | 'reserve' | 'release' | 'consume' | 'adjust' | 'old_part_in';

export interface StockMove {
  id: string;
  kind: MoveKind;
  partId: string;
  partCode: string;
  partName: string;
  fromLocationId: string | null;
  fromLocationName: string | null;
  toLocationId: string | null;
  toLocationName: string | null;
  quantity: number;
  workOrderId: string | null;
  note: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface MoveListParams {
  partId?: string;
  locationId?: string;
  kind?: MoveKind;
  limit?: number;
  offset?: number;
}

export type PlanStatus = 'draft' | 'submitted' | 'approved';

export interface PlanLine {
  partId: string;
  partCode: string | null;
  partName: string | null;
  unit: string | null;
  quantity: number;
  note: string | null;
}

export interface StockingPlan extends Versioned {
  dealerId: string;
  dealerName: string | null;
  season: string;
  seasonStart: string;
  dueOn: string;
  status: PlanStatus;
  lines: PlanLine[];
  note: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  late: boolean;
  daysLeft: number | null;
  timing: { code: 'on_time' | 'late' | 'due_in' | 'overdue'; clause: string; message: string };
  createdAt: string;
  updatedAt: string;
}

export interface PlanListParams {
  status?: PlanStatus;
  dealerId?: string;
  late?: boolean;
  limit?: number;
  offset?: number;
}

export type PriceListKind = 'warranty_period' | 'market';

export interface PriceList extends Versioned {
  code: string;
  name: string;
  kind: PriceListKind;
  labourRateFen: number;
  travelPerKmFen: number;
  travelFlatFen: number;
  partsBasis: 'cost' | 'list';
  partsMarkupBp: number;
  taxRateBp: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ReturnStatus = 'pending' | 'received' | 'appraised';
export type Appraisal = 'reusable' | 'scrap' | 'supplier_claim';

export interface OldPartReturn extends Versioned {
  workOrderId: string;
  workOrderNumber: string | null;
  workOrderPartId: string;
  partId: string;
  partCode: string;
  partName: string;
  quantity: number;
  serialNo: string | null;
  dealerId: string | null;
  dealerName: string | null;
  customerId: string | null;
  customerName: string | null;
  status: ReturnStatus;
  dueAt: string;
  overdue: boolean;
  receivedAt: string | null;
  receivedBy: string | null;
  appraisal: Appraisal | null;
  appraisalNote: string | null;
  appraisedBy: string | null;
  appraisedAt: string | null;
  storeLocationId: string | null;
  storeLocationName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReturnListParams {
  status?: ReturnStatus;
  overdue?: boolean;
  workOrderId?: string;
  limit?: number;
  offset?: number;
}
