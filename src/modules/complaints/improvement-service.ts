import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import {
  checkSuggestionChange,
  type SuggestionSource,
  type SuggestionStatus,
} from '../../domain/complaints/improvement.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { assertCan, scopeFilter } from '../../platform/permissions.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { suggestionDto } from './complaint-dto.ts';
import { findComplaint, findStaff } from './complaints-dal.ts';
import type {
  CreateStandaloneSuggestionBody,
  CreateSuggestionBody,
  ListSuggestionsQuery,
  UpdateSuggestionBody,
} from './complaints-schemas.ts';
import type { Ctx } from './complaints-service.ts';
import * as dal from './improvement-dal.ts';

// 产品改进建议: raised from a complaint or a fault analysis, sent to R&D, quality, service or parts and
// tracked until done or rejected, with the overdue ones listed [seed 004 售后服务部 3].

const TARGET_ZH: Record<string, string> = {
  rd: '研发部',
  quality: '质管部',
  service: '售后服务部',
  parts: '备件',
};

const csv = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export const improvementService = ({ db, notifications }: { db: Db; notifications: NotificationsApi }) => {
  /** Suggestions are internal work: the permission and the company-wide scope. */
  const gate = (ctx: Ctx) => {
    assertCan(ctx.actor, 'improvement.write');
    if (ctx.actor.scope !== 'all') throw forbidden('improvement.write');
  };

  const checkOwner = async (tx: Executor, id: string | null | undefined) => {
    if (!id) return null;
    const owner = await findStaff(tx, id);
    if (!owner) throw fieldError('ownerUserId', 'refers to a record that does not exist');
    return owner;
  };

  const notifyOwner = async (tx: Executor, s: dal.SuggestionRow, title: string, deliveries: string[]) => {
    if (!s.ownerUserId) return;
    deliveries.push(
      ...(await notifications.notify(tx, {
        userIds: [s.ownerUserId],
        kind: 'improvement',
        title,
        body: s.description?.slice(0, 300) ?? '',
        link: '/improvement-suggestions',
        dedupeKey: `improvement:${s.id}:${s.version}`,
      })),
    );
  };

  const insert = async (
    ctx: Ctx,
    input: Static<typeof CreateSuggestionBody>,
    origin: { source: SuggestionSource; complaintId: string | null },
  ) => {
    const now = ctx.clock.now();
    const deliveries: string[] = [];
    const id = await db.transaction(async (tx) => {
      if (origin.complaintId) {
        const c = await findComplaint(tx, origin.complaintId, scopeFilter(ctx.actor));
        if (!c) throw notFound('complaint', origin.complaintId);
      }
      await checkOwner(tx, input.ownerUserId);
      const row = await dal.insertSuggestion(tx, {
        id: crypto.randomUUID(),
        complaintId: origin.complaintId,
        source: origin.source,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        target: input.target,
        ownerUserId: input.ownerUserId ?? null,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        status: 'open',
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, {
        action: 'create',
        entity: 'improvement_suggestion',
        entityId: row.id,
        after: row,
      });
      await notifyOwner(
        tx,
        row,
        `改进建议（${TARGET_ZH[row.target] ?? row.target}）：${row.title}`,
        deliveries,
      );
      return row.id;
    });
    await notifications.deliverSoon(deliveries);
    return get(ctx, id);
  };

  const get = async (ctx: Ctx, id: string) => {
    const row = await dal.findSuggestion(db, id);
    if (!row) throw notFound('improvement_suggestion', id);
    return suggestionDto(row, ctx.clock.now());
  };

  return {
    createForComplaint: (ctx: Ctx, complaintId: string, input: Static<typeof CreateSuggestionBody>) => {
      gate(ctx);
      return insert(ctx, input, { source: 'complaint', complaintId });
    },

    create: (ctx: Ctx, input: Static<typeof CreateStandaloneSuggestionBody>) => {
      gate(ctx);
      const { source, ...rest } = input;
      return insert(ctx, rest, { source: source ?? 'fault_analysis', complaintId: null });
    },

    list: async (ctx: Ctx, q: Static<typeof ListSuggestionsQuery>) => {
      gate(ctx);
      const now = ctx.clock.now();
      const r = await dal.listSuggestions(db, {
        statuses: csv(q.status),
        targets: csv(q.target),
        complaintId: q.complaintId,
        ownerUserId: q.ownerUserId,
        overdueAt: q.overdue ? now : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: r.items.map((i) => suggestionDto(i, now)), total: r.total };
    },

    /** Progress, owner, deadline; done and rejected need the resolution. */
    update: async (ctx: Ctx, id: string, input: Static<typeof UpdateSuggestionBody>) => {
      gate(ctx);
      const deliveries: string[] = [];
      await db.transaction(async (tx) => {
        const before = await dal.lockSuggestion(tx, id);
        if (!before) throw notFound('improvement_suggestion', id);
        if (input.version !== before.version)
          throw versionConflict('improvement_suggestion', id, before.version);
        const now = ctx.clock.now();
        const resolution =
          input.resolution === undefined ? before.resolution : input.resolution?.trim() || null;
        const r = checkSuggestionChange({
          from: before.status as SuggestionStatus,
          to: input.status,
          resolution,
          now,
        });
        if (!r.ok) {
          if (r.code === 'missing_field') throw fieldError(r.field, 'is required');
          throw new AppError('invalid_state', {
            message: r.messageEn,
            userMessage: { zh: r.message, en: r.messageEn },
            details: { reason: r.code, field: r.field, from: before.status, to: input.status },
          });
        }
        if (input.ownerUserId !== undefined) await checkOwner(tx, input.ownerUserId);
        const patch: Partial<dal.SuggestionRow> = {
          version: before.version + 1,
          updatedAt: now,
          resolution,
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(r.doneAt !== undefined ? { doneAt: r.doneAt } : {}),
          ...(input.ownerUserId !== undefined ? { ownerUserId: input.ownerUserId } : {}),
          ...(input.dueAt !== undefined ? { dueAt: input.dueAt ? new Date(input.dueAt) : null } : {}),
          ...(input.title !== undefined ? { title: input.title.trim() } : {}),
          ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
          ...(input.target !== undefined ? { target: input.target } : {}),
        };
        const after = await dal.updateSuggestion(tx, id, patch);
        await writeAudit(tx, ctx, {
          action: input.status && input.status !== before.status ? `status:${input.status}` : 'update',
          entity: 'improvement_suggestion',
          entityId: id,
          before,
          after,
        });
        if (after.ownerUserId && after.ownerUserId !== before.ownerUserId)
          await notifyOwner(tx, after, `改进建议转由您跟踪：${after.title}`, deliveries);
      });
      await notifications.deliverSoon(deliveries);
      return get(ctx, id);
    },
  };
};

export type ImprovementService = ReturnType<typeof improvementService>;
