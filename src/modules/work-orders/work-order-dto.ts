import type { Charges } from '../../domain/field/charges.ts';
import { feedbackStatus } from '../../domain/field/field-feedback.ts';
import {
  checkTransition,
  nextStatuses,
  type QuoteStatus,
  type WorkOrderStatus,
} from '../../domain/field/work-order-status.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/warranty/entitlement.ts';
import { iso } from '../../platform/schemas.ts';
import type * as dal from './work-orders-dal.ts';

export type EngineerRef = { id: string; name: string; trade: string; phone: string | null; lead: boolean };

export const localToday = (now: Date) => formatLocal(DEFAULT_TIME_ZONE, now.getTime()).slice(0, 10);

export const summaryDto = (r: dal.SummaryRow, engineers: EngineerRef[]) => ({
  id: r.order.id,
  number: r.order.number,
  ticketId: r.order.ticketId,
  ticketNumber: r.ticketNumber,
  customerId: r.order.customerId,
  customerName: r.customerName,
  assetId: r.order.assetId,
  assetSerialNo: r.assetSerialNo,
  status: r.order.status as WorkOrderStatus,
  task: r.order.task,
  trade: r.order.trade,
  category: r.order.category,
  region: r.order.region,
  address: r.order.address,
  deadlineAt: iso(r.order.deadlineAt),
  plannedDate: r.order.plannedDate,
  engineers,
  quoteRequired: r.order.quoteRequired,
  quoteStatus: r.order.quoteStatus,
  customerTotalFen: r.order.customerTotalFen,
  urgentApprovedAt: iso(r.order.urgentApprovedAt),
  paperworkRegularisedAt: iso(r.order.paperworkRegularisedAt),
  version: r.order.version,
  createdAt: r.order.createdAt.toISOString(),
});

/** Where the order may go next and, for each step, why it is blocked right now (if it is). */
export const nextSteps = (o: dal.WorkOrderRow, engineerCount: number) =>
  nextStatuses(o.status as WorkOrderStatus).map((to) => {
    const c = checkTransition({
      from: o.status as WorkOrderStatus,
      to,
      engineerCount: to === 'dispatched' ? Math.max(engineerCount, 1) : engineerCount,
      hasSignature: o.signatureKey !== null,
      quoteRequired: o.quoteRequired,
      quoteStatus: o.quoteStatus as QuoteStatus,
      urgentApproved: o.urgentApprovedAt !== null,
      hasDiagnosis: !!o.diagnosis?.trim(),
    });
    return { to, blocked: c.ok ? null : { code: c.code, message: c.message, messageEn: c.messageEn } };
  });

/**
 * What a customer may see of the charges: its own lines in full; for lines the company pays only that
 * they are free (the company's cost prices stay internal).
 */
const forCustomer = (charges: unknown) => {
  const c = charges as Charges | null;
  if (!c) return null;
  return {
    ...c,
    companyCostFen: 0,
    lines: c.lines.map((l) => (l.payer === 'company' ? { ...l, unitFen: 0, amountFen: 0 } : l)),
  };
};

type Detail = NonNullable<Awaited<ReturnType<typeof dal.findOrder>>>;

export const detailDto = (opts: {
  row: Detail;
  engineers: EngineerRef[];
  items: Awaited<ReturnType<typeof dal.itemsOf>>;
  parts: dal.PartLine[];
  photos: Awaited<ReturnType<typeof dal.photosOf>>;
  returns: Awaited<ReturnType<typeof dal.returnsOf>>;
  feedback: Awaited<ReturnType<typeof dal.feedbackOf>>;
  events: Awaited<ReturnType<typeof dal.eventsOf>>;
  now: Date;
  customerView: boolean;
}) => {
  const o = opts.row.order;
  const today = localToday(opts.now);
  const fb = opts.feedback;
  return {
    ...summaryDto(opts.row, opts.engineers),
    dealerId: o.dealerId,
    modelName: opts.row.modelName,
    dispatchedAt: iso(o.dispatchedAt),
    travelStartedAt: iso(o.travelStartedAt),
    checkInAt: iso(o.checkInAt),
    checkOutAt: iso(o.checkOutAt),
    doneAt: iso(o.doneAt),
    closedAt: iso(o.closedAt),
    cause: o.cause,
    diagnosis: o.diagnosis,
    meterHours: o.meterHours,
    travelKm: o.travelKm,
    majorFault: o.majorFault,
    entitlement: o.entitlement ?? null,
    charges: opts.customerView ? forCustomer(o.charges) : (o.charges ?? null),
    companyCostFen: opts.customerView ? 0 : o.companyCostFen,
    quote: opts.customerView ? forCustomer(o.quote) : (o.quote ?? null),
    quoteSentAt: iso(o.quoteSentAt),
    quoteDecidedAt: iso(o.quoteDecidedAt),
    quoteDecidedBy: o.quoteDecidedBy,
    quoteDecidedVia: o.quoteDecidedVia,
    urgentApprovedByName: opts.row.urgentApprovedByName,
    urgentReason: o.urgentReason,
    hasSignature: o.signatureKey !== null,
    signedBy: o.signedBy,
    signedAt: iso(o.signedAt),
    customerComment: o.customerComment,
    writtenOffAt: iso(o.writtenOffAt),
    reimbursedAt: iso(o.reimbursedAt),
    nextSteps: opts.customerView ? [] : nextSteps(o, opts.engineers.length),
    items: opts.items.map((i) => ({
      id: i.id,
      description: i.description,
      method: i.method,
      quantity: i.quantity,
      labourMinutes: i.labourMinutes,
    })),
    parts: opts.parts.map((p) => ({
      id: p.line.id,
      partId: p.line.partId,
      partCode: p.partCode,
      partName: p.partName,
      locationId: p.line.locationId,
      locationName: p.locationName,
      quantity: p.line.quantity,
      status: p.line.status,
      removedSerial: p.line.removedSerial,
      fittedSerial: p.line.fittedSerial,
    })),
    photos: opts.photos.map((p) => ({
      id: p.id,
      phase: p.phase,
      fileName: p.fileName,
      contentType: p.contentType,
      size: p.size,
      createdAt: p.createdAt.toISOString(),
    })),
    oldPartReturns: opts.returns.map((r) => ({
      id: r.ret.id,
      partCode: r.partCode,
      partName: r.partName,
      quantity: r.ret.quantity,
      serialNo: r.ret.serialNo,
      status: r.ret.status,
      dueAt: r.ret.dueAt.toISOString(),
      overdue: r.ret.status === 'pending' && r.ret.dueAt < opts.now,
      appraisal: r.ret.appraisal,
    })),
    feedback: fb && {
      id: fb.id,
      returnedOn: fb.returnedOn,
      dueOn: fb.dueOn,
      nature: fb.nature,
      cause: fb.cause,
      handling: fb.handling,
      status: fb.status,
      overdue: feedbackStatus({ state: fb.status as 'draft', dueOn: fb.dueOn, today }).overdue,
      headSignedName: fb.headSignedName,
      headSignedAt: iso(fb.headSignedAt),
      version: fb.version,
    },
    events: opts.customerView
      ? []
      : opts.events.map((e) => ({
          kind: e.kind,
          data: e.data,
          actorName: e.actorName,
          at: e.at.toISOString(),
        })),
    updatedAt: o.updatedAt.toISOString(),
  };
};
