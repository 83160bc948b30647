import type { Static } from '@sinclair/typebox';
import {
  type CompensationStatus,
  type ComplaintStatus,
  type ComplaintStep,
  checkStep,
} from '../../domain/complaints/complaint-status.ts';
import { fieldError } from '../../platform/errors.ts';
import type { FollowupsApi } from '../followups/index.ts';
import { customerNotice, local, refuse, text, ticketEvent } from './complaint-step-kit.ts';
import { openComplaintVisit } from './complaint-visit.ts';
import * as dal from './complaints-dal.ts';
import type {
  ActionBody,
  CancelBody,
  CloseBody,
  FeedbackBody,
  RecheckBody,
  RouteBody,
} from './complaints-schemas.ts';
import type { ComplaintsService, Ctx } from './complaints-service.ts';

// The workflow steps (调查 → 纠正措施 → 顾客信息反馈处理单 → 复查 → 关闭); compensation is in
// complaint-compensation.ts. Each is one `mutate` of the complaint; the complaint's ticket moves with
// it in the same transaction, so its 72-hour clock stops exactly when the feedback goes out.

const guard = (c: dal.ComplaintRow, step: ComplaintStep, fields: object, effective?: boolean) => {
  const r = checkStep({
    status: c.status as ComplaintStatus,
    step,
    fields: fields as Record<string, unknown>,
    compensationStatus: c.compensationStatus as CompensationStatus,
    receivedAt: c.receivedAt,
    effective,
  });
  if (!r.ok) throw refuse(r, c.status);
  return r.to;
};

export const complaintSteps = ({
  complaints,
  followups,
}: {
  complaints: ComplaintsService;
  followups: Pick<FollowupsApi, 'createComplaintVisit'>;
}) => {
  const handle = 'complaint.handle' as const;

  return {
    /** Route to the responsible department (责成责任部门); its head hears about it. Again = re-route. */
    route: (ctx: Ctx, id: string, input: Static<typeof RouteBody>) =>
      complaints.mutate(ctx, id, {
        permission: handle,
        version: input.version,
        apply: async (tx, c) => {
          const to = guard(c, 'route', input);
          const dept = await dal.findDepartment(tx, input.departmentId!);
          if (!dept) throw fieldError('departmentId', 'refers to a record that does not exist');
          return {
            patch: { status: to, departmentId: dept.id },
            audit: c.status === 'received' ? 'complaint:route' : 'complaint:reroute',
            // The department's queue shows the ticket; a waiting ticket keeps its pause.
            ticket: ticketEvent({
              step: 'route',
              from: c.status,
              to,
              body: text(input.note),
              customer: false,
              data: { departmentId: dept.id, departmentName: dept.name },
              move: { to: 'department', departmentId: dept.id },
            }),
            notices: dept.headUserId
              ? [
                  {
                    userIds: [dept.headUserId],
                    kind: 'complaint',
                    title: `客户投诉 ${c.number} 转交${dept.name}调查`,
                    body: `${c.subject}\n反馈期限：${local(c.feedbackDueAt)}${input.note ? `\n${input.note}` : ''}`,
                    ticketId: c.ticketId,
                    link: `/complaints/${c.id}`,
                    dedupeKey: `complaint-route:${c.id}:${c.version}`,
                  },
                ]
              : [],
          };
        },
      }),

    /** Root cause and corrective action with an owner and a deadline (限期整改); may be revised. */
    action: (ctx: Ctx, id: string, input: Static<typeof ActionBody>) =>
      complaints.mutate(ctx, id, {
        permission: handle,
        version: input.version,
        apply: async (tx, c) => {
          const to = guard(c, 'action', input);
          const owner = await dal.findStaff(tx, input.actionOwnerUserId!);
          if (!owner) throw fieldError('actionOwnerUserId', 'refers to a record that does not exist');
          const dueAt = new Date(input.actionDueAt!);
          return {
            patch: {
              status: to,
              rootCause: text(input.rootCause),
              causeClass: input.causeClass!,
              correctiveAction: text(input.correctiveAction),
              actionOwnerUserId: owner.id,
              actionDueAt: dueAt,
            },
            audit: c.status === 'action' ? 'complaint:action_revised' : 'complaint:action',
            ticket: ticketEvent({
              step: 'action',
              from: c.status,
              to,
              body: text(input.correctiveAction),
              customer: false,
              data: {
                causeClass: input.causeClass,
                ownerName: owner.displayName,
                dueAt: dueAt.toISOString(),
              },
            }),
            notices: [
              {
                userIds: [owner.id],
                kind: 'complaint',
                title: `纠正措施 ${c.number} 由您负责，期限 ${local(dueAt)}`,
                body: `${c.subject}\n原因：${text(input.rootCause)}\n措施：${text(input.correctiveAction)}`,
                ticketId: c.ticketId,
                link: `/complaints/${c.id}`,
                dedupeKey: `complaint-action:${c.id}:${c.version}`,
              },
            ],
          };
        },
      }),

    /**
     * 顾客信息反馈处理单: the corrective action reported to the customer. Stops the ticket's
     * firstResponse and resolve (72-hour) clocks at that time and resolves the ticket; the second
     * return visit is opened. After a failed re-check the new feedback keeps the first one's time.
     */
    feedback: (ctx: Ctx, id: string, input: Static<typeof FeedbackBody>) =>
      complaints.mutate(ctx, id, {
        permission: handle,
        version: input.version,
        apply: async (tx, c, now) => {
          const to = guard(c, 'feedback', input);
          const at = input.at ? new Date(input.at) : now;
          if (at.getTime() > now.getTime() + 5 * 60_000) throw fieldError('at', 'is in the future');
          if (at < c.receivedAt) throw fieldError('at', 'is before the complaint was received');
          const feedbackText = text(input.feedbackText)!;
          const clock = await complaints.feedbackClock(tx, ctx, c.ticketId);
          const firstAt = c.feedbackAt ?? at;
          const onTime = clock?.dueAt ? firstAt.getTime() <= new Date(clock.dueAt).getTime() : null;
          return {
            patch: { status: to, feedbackText, feedbackAt: firstAt },
            audit: 'complaint:feedback',
            ticket: ticketEvent({
              step: 'feedback',
              from: c.status,
              to,
              body: feedbackText,
              customer: true,
              data: { onTime, dueAt: clock?.dueAt ?? null, at: at.toISOString() },
              move: { to: 'resolved', at: firstAt, resolution: feedbackText },
            }),
            notices: [
              await customerNotice(tx, c, `您的投诉 ${c.number} 已有处理反馈`, feedbackText.slice(0, 500)),
            ],
            after: (t, row) => openComplaintVisit(followups, t, ctx, row, firstAt),
          };
        },
      }),

    /** 复查: did the action work? If not, the complaint goes back to corrective action. */
    recheck: (ctx: Ctx, id: string, input: Static<typeof RecheckBody>) =>
      complaints.mutate(ctx, id, {
        permission: handle,
        version: input.version,
        apply: async (_tx, c, now) => {
          const effective = input.effective ?? true;
          const to = guard(c, 'recheck', input, effective);
          return {
            patch: { status: to, recheckAt: now, recheckResult: text(input.recheckResult) },
            audit: effective ? 'complaint:recheck' : 'complaint:recheck_failed',
            ticket: ticketEvent({
              step: 'recheck',
              from: c.status,
              to,
              body: text(input.recheckResult),
              customer: true,
              data: { effective },
            }),
            notices:
              !effective && c.actionOwnerUserId
                ? [
                    {
                      userIds: [c.actionOwnerUserId],
                      kind: 'complaint',
                      title: `投诉 ${c.number} 复查未通过，请重新制定纠正措施`,
                      body: text(input.recheckResult) ?? '',
                      ticketId: c.ticketId,
                      link: `/complaints/${c.id}`,
                      dedupeKey: `complaint-recheck:${c.id}:${c.version}`,
                    },
                  ]
                : [],
          };
        },
      }),

    close: (ctx: Ctx, id: string, input: Static<typeof CloseBody>) =>
      complaints.mutate(ctx, id, {
        permission: handle,
        version: input.version,
        apply: async (_tx, c, now) => {
          const to = guard(c, 'close', input);
          return {
            patch: { status: to, closedAt: now },
            audit: 'complaint:close',
            ticket: ticketEvent({
              step: 'close',
              from: c.status,
              to,
              body: text(input.note),
              customer: true,
              move: { to: 'closed', at: now },
            }),
          };
        },
      }),

    /** Withdrawn or not a complaint after all: only before a corrective action exists. */
    cancel: (ctx: Ctx, id: string, input: Static<typeof CancelBody>) =>
      complaints.mutate(ctx, id, {
        permission: handle,
        version: input.version,
        apply: async (_tx, c, now) => {
          const to = guard(c, 'cancel', input);
          return {
            patch: { status: to, closedAt: now },
            audit: 'complaint:cancel',
            ticket: ticketEvent({
              step: 'cancel',
              from: c.status,
              to,
              body: text(input.reason),
              customer: true,
              move: { to: 'cancelled', at: now },
            }),
          };
        },
      }),
  };
};

export type ComplaintSteps = ReturnType<typeof complaintSteps>;
