import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { followUpVisits } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { checkVisitAnswers, evaluateVisit, VISIT_QUESTIONS } from '../../domain/followup/visit-questions.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import type { Notice, NotificationsApi } from '../notifications/index.ts';
import * as dal from './visits-dal.ts';
import type {
  AssignVisitBody,
  CompleteVisitBody,
  ListVisitsQuery,
  VisitNoteBody,
  VisitStatus,
} from './visits-schemas.ts';

// 回访 (SPEC §2.12): the queue of the quality department and the desk. A visit is created by the
// event that owes it (visit-create.ts); here it is assigned, completed with the customer's answers,
// marked unreachable (an attempt with a note; it stays in the queue) and, when the customer was
// unhappy, followed up until the action is done.

const WAITING: readonly VisitStatus[] = ['open', 'unreachable'];

const stateError = (status: string, wanted: string) =>
  new AppError('invalid_state', {
    message: `visit is ${status}, cannot ${wanted}`,
    details: { status, action: wanted },
  });

const csv = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const summaryDto = (v: dal.VisitView, now: Date) => {
  const r = v.visit;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    ticketId: r.ticketId,
    ticketNumber: v.ticketNumber,
    complaintId: r.complaintId,
    customerId: r.customerId,
    customerName: v.customerName,
    customerPhone: v.customerPhone,
    dealerId: r.dealerId,
    dealerName: v.dealerName,
    engineerId: r.engineerId,
    engineerName: v.engineerName,
    assetId: r.assetId,
    assigneeUserId: r.assigneeUserId,
    assigneeName: v.assigneeName,
    dueAt: r.dueAt.toISOString(),
    overdue: WAITING.includes(r.status as VisitStatus) && r.dueAt < now,
    scoreX100: r.scoreX100,
    unhappy: r.unhappy,
    followUpStatus: r.followUpStatus,
    completedAt: iso(r.completedAt),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
};

type Change = {
  patch: Partial<dal.VisitRow>;
  action: string;
  note?: string | null;
  notices?: Notice[];
};

export const visitsService = ({ db, notifications }: { db: Db; notifications: NotificationsApi }) => {
  const get = async (ctx: Ctx, id: string, exec: Executor = db) => {
    assertCan(ctx.actor, 'followup.read');
    const view = await dal.findVisit(exec, id, scopeFilter(ctx.actor));
    if (!view) throw notFound('follow_up_visit', id);
    const [workOrders, history] = await Promise.all([
      view.visit.ticketId ? dal.workOrderNumbersOf(exec, view.visit.ticketId) : Promise.resolve([]),
      dal.historyOf(exec, id),
    ]);
    return {
      ...summaryDto(view, ctx.clock.now()),
      answers: (view.visit.answers as { code: string; score: number | null; comment?: string | null }[]).map(
        (a) => ({ code: a.code, score: a.score, comment: a.comment ?? null }),
      ),
      suggestions: view.visit.suggestions,
      followUpAction: view.visit.followUpAction,
      completedBy: view.visit.completedBy,
      completedByName: view.completedByName,
      workOrders,
      questions: VISIT_QUESTIONS.map((q) => ({ ...q })),
      history: history.map((h) => ({
        at: h.at.toISOString(),
        action: h.action,
        actorName: h.actorName,
        note: ((h.after as { note?: unknown } | null)?.note as string | undefined) ?? null,
      })),
    };
  };

  /** Lock in scope, version check, apply, write, audit (with the note), notify: one transaction. */
  const mutate = async (
    ctx: Ctx,
    id: string,
    version: number,
    apply: (tx: Executor, visit: dal.VisitRow, now: Date) => Promise<Change>,
  ) => {
    assertCan(ctx.actor, 'followup.write');
    const deliveries: string[] = [];
    await db.transaction(async (tx) => {
      const before = await dal.lockVisit(tx, id, scopeFilter(ctx.actor));
      if (!before) throw notFound('follow_up_visit', id);
      if (before.version !== version) throw versionConflict('follow_up_visit', id, before.version);
      const now = ctx.clock.now();
      const change = await apply(tx, before, now);
      const after = await updateVersioned(tx, {
        table: followUpVisits,
        entity: 'follow_up_visit',
        id,
        version,
        patch: change.patch,
        at: now,
      });
      await writeAudit(tx, ctx, {
        action: change.action,
        entity: 'follow_up_visit',
        entityId: id,
        before,
        after: change.note === undefined ? after : { ...after, note: change.note },
      });
      for (const n of change.notices ?? []) deliveries.push(...(await notifications.notify(tx, n)));
    });
    await notifications.deliverSoon(deliveries);
    return get(ctx, id);
  };

  return {
    get,

    list: async (ctx: Ctx, q: Static<typeof ListVisitsQuery>) => {
      assertCan(ctx.actor, 'followup.read');
      const now = ctx.clock.now();
      const r = await dal.listVisits(db, {
        scope: scopeFilter(ctx.actor),
        statuses: csv(q.status),
        kind: q.kind,
        assigneeUserId: q.mine ? ctx.actor.userId : undefined,
        overdueAt: q.overdue ? now : undefined,
        dealerId: q.dealerId,
        ticketId: q.ticketId,
        followUpStatus: q.followUpStatus,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: r.items.map((v) => summaryDto(v, now)), total: r.total };
    },

    assign: (ctx: Ctx, id: string, input: Static<typeof AssignVisitBody>) =>
      mutate(ctx, id, input.version, async (tx, v) => {
        if (!WAITING.includes(v.status as VisitStatus)) throw stateError(v.status, 'assign');
        if (input.userId && !(await dal.canVisit(tx, input.userId)))
          throw fieldError('userId', 'cannot carry out return visits');
        const toOther = input.userId && input.userId !== ctx.actor.userId;
        return {
          patch: { assigneeUserId: input.userId },
          action: input.userId ? 'assign' : 'unassign',
          notices: toOther
            ? [
                {
                  userIds: [input.userId!],
                  kind: 'followup',
                  title: '新的回访任务',
                  body: `${ctx.actor.displayName} 将一项回访分派给您，请在到期前完成。`,
                  link: '/follow-up-visits',
                  dedupeKey: `visit-assign:${id}:${v.version}`,
                },
              ]
            : [],
        };
      }),

    complete: (ctx: Ctx, id: string, input: Static<typeof CompleteVisitBody>) =>
      mutate(ctx, id, input.version, async (_tx, v, now) => {
        if (!WAITING.includes(v.status as VisitStatus)) throw stateError(v.status, 'complete');
        const answers = input.answers.map((a) => ({
          code: a.code,
          score: a.score,
          comment: a.comment?.trim() || null,
        }));
        const errors = checkVisitAnswers(answers);
        if (errors.length > 0) throw new AppError('validation_failed', { details: errors });
        const verdict = evaluateVisit(answers);
        const action = input.followUpAction?.trim() || null;
        if (verdict.unhappy && !action)
          throw fieldError('followUpAction', 'is required when the customer is unhappy');
        return {
          patch: {
            status: 'done',
            answers,
            scoreX100: verdict.scoreX100,
            unhappy: verdict.unhappy,
            suggestions: input.suggestions?.trim() || null,
            followUpAction: action,
            // A happy customer with a noted action still gets it tracked; otherwise nothing is owed.
            followUpStatus: action ? 'open' : 'none',
            completedAt: now,
            completedBy: ctx.actor.userId,
            assigneeUserId: v.assigneeUserId ?? ctx.actor.userId,
          },
          action: 'complete',
        };
      }),

    unreachable: (ctx: Ctx, id: string, input: Static<typeof VisitNoteBody>) =>
      mutate(ctx, id, input.version, async (_tx, v) => {
        if (!WAITING.includes(v.status as VisitStatus)) throw stateError(v.status, 'mark unreachable');
        return { patch: { status: 'unreachable' }, action: 'unreachable', note: input.note.trim() };
      }),

    followUpDone: (ctx: Ctx, id: string, input: Static<typeof VisitNoteBody>) =>
      mutate(ctx, id, input.version, async (_tx, v) => {
        if (v.status !== 'done' || v.followUpStatus !== 'open')
          throw stateError(`${v.status}/${v.followUpStatus}`, 'close the follow-up');
        return { patch: { followUpStatus: 'done' }, action: 'follow_up_done', note: input.note.trim() };
      }),
  };
};

export type VisitsService = ReturnType<typeof visitsService>;
