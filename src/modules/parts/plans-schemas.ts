import { Type } from '@sinclair/typebox';
import {
  Nullable,
  NullableTimestamp,
  PageQuery,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';

// 经销商备件储备计划 and 旧件返回 (SPEC §2.5, §2.6, §2.9).

const Day = Type.String({ format: 'date' });
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const LineInput = Type.Object(
  {
    partId: Uuid,
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    note: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false },
);
const Lines = Type.Array(LineInput, { maxItems: 500 });

export const StockingPlan = Type.Object({
  id: Uuid,
  dealerId: Uuid,
  dealerName: Nullable(Type.String()),
  season: Type.String(),
  seasonStart: Day,
  dueOn: Day,
  status: Type.String(),
  lines: Type.Array(
    Type.Object({
      partId: Uuid,
      partCode: Nullable(Type.String()),
      partName: Nullable(Type.String()),
      unit: Nullable(Type.String()),
      quantity: Type.Integer(),
      note: Nullable(Type.String()),
    }),
  ),
  note: Nullable(Type.String()),
  submittedAt: NullableTimestamp,
  approvedAt: NullableTimestamp,
  approvedBy: Nullable(Uuid),
  approvedByName: Nullable(Type.String()),
  /** Filed after dueOn, or still unfiled with dueOn past. */
  late: Type.Boolean(),
  /** Days until dueOn while unfiled (negative when overdue); null once filed. */
  daysLeft: Nullable(Type.Integer()),
  timing: Type.Object({ code: Type.String(), clause: Type.String(), message: Type.String() }),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreatePlanBody = Type.Object(
  {
    /** Dealer users file for their own dealer and may leave it out; company staff must name one. */
    dealerId: Type.Optional(Uuid),
    season: Text(40, 1),
    seasonStart: Day,
    lines: Type.Optional(Lines),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);

export const UpdatePlanBody = Type.Object(
  {
    version: Version,
    season: Type.Optional(Text(40, 1)),
    seasonStart: Type.Optional(Day),
    lines: Type.Optional(Lines),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);

export const PlanActionBody = Type.Object(
  { version: Version, note: Type.Optional(Nullable(Text(1000))) },
  { additionalProperties: false },
);

export const ListPlansQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    status: Type.Optional(lit(PLAN_STATUSES)),
    dealerId: Type.Optional(Uuid),
    late: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

// ── 旧件返回与鉴定 ───────────────────────────────────────────────────────────────────────────────
export const RETURN_STATUSES = ['pending', 'received', 'appraised'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const APPRAISALS = ['reusable', 'scrap', 'supplier_claim'] as const;
export type Appraisal = (typeof APPRAISALS)[number];

export const OldPartReturn = Type.Object({
  id: Uuid,
  workOrderId: Uuid,
  workOrderNumber: Nullable(Type.String()),
  workOrderPartId: Uuid,
  partId: Uuid,
  partCode: Type.String(),
  partName: Type.String(),
  quantity: Type.Integer(),
  serialNo: Nullable(Type.String()),
  dealerId: Nullable(Uuid),
  dealerName: Nullable(Type.String()),
  customerId: Nullable(Uuid),
  customerName: Nullable(Type.String()),
  status: Type.String(),
  dueAt: Timestamp,
  /** Still pending after dueAt: the old part is late, and the warranty write-off waits for it. */
  overdue: Type.Boolean(),
  receivedAt: NullableTimestamp,
  receivedBy: Nullable(Uuid),
  appraisal: Nullable(Type.String()),
  appraisalNote: Nullable(Type.String()),
  appraisedBy: Nullable(Uuid),
  appraisedAt: NullableTimestamp,
  storeLocationId: Nullable(Uuid),
  storeLocationName: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ListReturnsQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    status: Type.Optional(lit(RETURN_STATUSES)),
    overdue: Type.Optional(Type.Boolean()),
    workOrderId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const ReceiveReturnBody = Type.Object({ version: Version }, { additionalProperties: false });

export const AppraiseBody = Type.Object(
  {
    version: Version,
    appraisal: lit(APPRAISALS),
    note: Type.Optional(Nullable(Text(1000))),
    /** The store the part goes to; a reusable part is added to its stock. */
    storeLocationId: Uuid,
  },
  { additionalProperties: false },
);
