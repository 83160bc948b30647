import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { WORK_ORDER_STATUSES } from '../../domain/field/work-order-status.ts';
import { Nullable, Timestamp, Uuid } from '../../platform/schemas.ts';

// What the work-order API answers (requests: work-orders-schemas.ts).

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;

const Json = Type.Any();

export const WorkOrderEngineer = Type.Object({
  id: Uuid,
  name: Type.String(),
  trade: Type.String(),
  phone: Nullable(Type.String()),
  lead: Type.Boolean(),
});

export const WorkOrderSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  ticketId: Uuid,
  ticketNumber: Type.String(),
  customerId: Uuid,
  customerName: Type.String(),
  assetId: Nullable(Uuid),
  assetSerialNo: Nullable(Type.String()),
  status: lit(WORK_ORDER_STATUSES),
  task: Type.String(),
  trade: Nullable(Type.String()),
  category: Nullable(Type.String()),
  region: Nullable(Type.String()),
  address: Nullable(Type.String()),
  deadlineAt: Nullable(Timestamp),
  plannedDate: Nullable(Type.String()),
  engineers: Type.Array(WorkOrderEngineer),
  quoteRequired: Type.Boolean(),
  quoteStatus: Type.String(),
  customerTotalFen: Type.Integer(),
  urgentApprovedAt: Nullable(Timestamp),
  paperworkRegularisedAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
});

export const WorkOrder = Type.Composite([
  WorkOrderSummary,
  Type.Object({
    dealerId: Nullable(Uuid),
    modelName: Nullable(Type.String()),
    dispatchedAt: Nullable(Timestamp),
    travelStartedAt: Nullable(Timestamp),
    checkInAt: Nullable(Timestamp),
    checkOutAt: Nullable(Timestamp),
    doneAt: Nullable(Timestamp),
    closedAt: Nullable(Timestamp),
    cause: Type.String(),
    diagnosis: Nullable(Type.String()),
    meterHours: Nullable(Type.Integer()),
    travelKm: Type.Integer(),
    majorFault: Type.Boolean(),
    /** The entitlement of the work itself (no part), with its inputs and reasons. */
    entitlement: Json,
    /** Charge lines with coverage, payer and reasons; totals in fen (see src/domain/field/charges.ts). */
    charges: Json,
    companyCostFen: Type.Integer(),
    quote: Json,
    quoteSentAt: Nullable(Timestamp),
    quoteDecidedAt: Nullable(Timestamp),
    quoteDecidedBy: Nullable(Type.String()),
    quoteDecidedVia: Nullable(Type.String()),
    urgentApprovedByName: Nullable(Type.String()),
    urgentReason: Nullable(Type.String()),
    hasSignature: Type.Boolean(),
    signedBy: Nullable(Type.String()),
    signedAt: Nullable(Timestamp),
    customerComment: Nullable(Type.String()),
    writtenOffAt: Nullable(Timestamp),
    reimbursedAt: Nullable(Timestamp),
    /** Where the order may go next, and whether each step is blocked now (and why). */
    nextSteps: Type.Array(
      Type.Object({
        to: Type.String(),
        blocked: Nullable(
          Type.Object({ code: Type.String(), message: Type.String(), messageEn: Type.String() }),
        ),
      }),
    ),
    items: Type.Array(
      Type.Object({
        id: Uuid,
        description: Type.String(),
        method: Nullable(Type.String()),
        quantity: Type.Integer(),
        labourMinutes: Type.Integer(),
      }),
    ),
    parts: Type.Array(
      Type.Object({
        id: Uuid,
        partId: Uuid,
        partCode: Type.String(),
        partName: Type.String(),
        locationId: Uuid,
        locationName: Type.String(),
        quantity: Type.Integer(),
        status: Type.String(),
        removedSerial: Nullable(Type.String()),
        fittedSerial: Nullable(Type.String()),
      }),
    ),
    photos: Type.Array(
      Type.Object({
        id: Uuid,
        phase: Type.String(),
        fileName: Type.String(),
        contentType: Type.String(),
        size: Type.Integer(),
        createdAt: Timestamp,
      }),
    ),
    oldPartReturns: Type.Array(
      Type.Object({
        id: Uuid,
        partCode: Type.String(),
        partName: Type.String(),
        quantity: Type.Integer(),
        serialNo: Nullable(Type.String()),
        status: Type.String(),
        dueAt: Timestamp,
        overdue: Type.Boolean(),
        appraisal: Nullable(Type.String()),
      }),
    ),
    feedback: Nullable(
      Type.Object({
        id: Uuid,
        returnedOn: Type.String(),
        dueOn: Type.String(),
        nature: Nullable(Type.String()),
        cause: Nullable(Type.String()),
        handling: Nullable(Type.String()),
        status: Type.String(),
        overdue: Type.Boolean(),
        headSignedName: Nullable(Type.String()),
        headSignedAt: Nullable(Timestamp),
        version: Type.Integer(),
      }),
    ),
    events: Type.Array(
      Type.Object({ kind: Type.String(), data: Json, actorName: Nullable(Type.String()), at: Timestamp }),
    ),
    updatedAt: Timestamp,
  }),
]);

export const Suggestion = Type.Object({
  engineerId: Uuid,
  name: Type.String(),
  score: Type.Number(),
  openOrders: Type.Integer(),
  capacity: Type.Integer(),
  reasons: Type.Array(
    Type.Object({
      code: Type.String(),
      points: Type.Number(),
      message: Type.String(),
      messageEn: Type.String(),
    }),
  ),
});

export const Board = Type.Object({
  from: Type.String(),
  days: Type.Array(Type.Object({ date: Type.String(), working: Type.Boolean() })),
  engineers: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      trade: Type.String(),
      regions: Type.Array(Type.String()),
      openOrders: Type.Integer(),
      capacity: Type.Integer(),
    }),
  ),
  /** Orders planned in the window, each with the engineers it is on. */
  orders: Type.Array(WorkOrderSummary),
  /** Open orders not yet dispatched or without a day. */
  unplanned: Type.Array(WorkOrderSummary),
});
