import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { archiveAccessRequests } from '../../db/schema/archive-access.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { archiveAccess, type Decision, requestStatus } from '../../domain/archive/archive-access.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import { listAssets, toAssetDto } from '../assets/index.ts';
import { contactsOf, toCustomerDto } from '../customers/index.ts';
import * as dal from './archive-dal.ts';

const ACCESS_DAYS = 7;
type Role = Decision['role'];

const requestDto = (r: dal.RequestRow) => ({
  ...r,
  decisions: r.decisions as Decision[],
  expiresAt: iso(r.expiresAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The roles the actor may sign for; an unset head falls back to administrators so no request is stuck. */
const rolesOf = (actor: Actor, r: dal.RequestRow): Role[] => {
  const holds = (head: string | null) =>
    head === actor.userId || (head === null && actor.roleCode === 'admin');
  const out: Role[] = [];
  if (holds(r.applicantHeadId)) out.push('applicant_head');
  if (holds(r.ownerHeadId)) out.push('owner_head');
  return out;
};

export const archiveService = ({ db }: { db: Db }) => ({
  /** The full archive (history card of a customer); every view is logged, out-of-scope views need a request. */
  view: async (ctx: Ctx, customerId: string) => {
    assertCan(ctx.actor, 'customer.read');
    const now = ctx.clock.now();
    const subject = await dal.archiveSubject(db, customerId);
    if (!subject) throw notFound('customer', customerId);
    const approved = await dal.approvedRequest(db, customerId, ctx.actor.userId, now);
    const access = archiveAccess({
      viewer: ctx.actor,
      subject: {
        customerId,
        dealerId: subject.customer.dealerId,
        ownerUserId: subject.customer.ownerUserId,
        ownerDepartmentId: subject.ownerDepartmentId,
      },
      approved: approved?.expiresAt ? { id: approved.id, expiresAt: approved.expiresAt } : null,
      now,
    });
    if (!access) {
      // Scoped users learn nothing about records outside their scope; internal users learn they need a request.
      if (ctx.actor.scope !== 'all') throw notFound('customer', customerId);
      throw new AppError('forbidden', {
        message: 'archive access request required',
        details: { reason: 'archive_access_required', customerId },
      });
    }
    await dal.logAccess(db, {
      at: now,
      userId: ctx.actor.userId,
      userName: ctx.actor.username,
      customerId,
      what: 'full_archive',
      basis: access.basis,
      requestId: access.requestId,
      ip: ctx.ip,
    });
    const [contacts, assets] = await Promise.all([
      contactsOf(db, [customerId]),
      listAssets(db, { scope: { kind: 'all' }, customerId, limit: 200, offset: 0 }),
    ]);
    return {
      customer: toCustomerDto(subject.customer, contacts),
      assets: assets.items.map(toAssetDto),
      // Filled in as service records and contracts arrive with their modules.
      serviceRecords: [] as unknown[],
      contracts: [] as unknown[],
      access,
    };
  },

  request: async (ctx: Ctx, input: { customerId: string; reason: string }) => {
    assertCan(ctx.actor, 'customer.read');
    if (ctx.actor.scope !== 'all')
      throw new AppError('forbidden', { details: { permission: 'customer.read', scope: 'all' } });
    const subject = await dal.archiveSubject(db, input.customerId);
    if (!subject) throw fieldError('customerId', 'refers to a record that does not exist');
    return db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const row = await dal.insertRequest(tx, {
        customerId: input.customerId,
        applicantId: ctx.actor.userId,
        reason: input.reason,
        applicantHeadId: await dal.departmentHead(tx, ctx.actor.departmentId),
        ownerHeadId: subject.ownerHeadId,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, {
        action: 'create',
        entity: 'archive_access_request',
        entityId: row.id,
        after: row,
      });
      return requestDto(row);
    });
  },

  list: async (ctx: Ctx, q: { mine?: boolean; toDecide?: boolean }) => {
    assertCan(ctx.actor, 'customer.read');
    const me = ctx.actor.userId;
    const t = archiveAccessRequests;
    // Administrators sign for departments without a head (see rolesOf), so those are theirs to decide too.
    const signer =
      ctx.actor.roleCode === 'admin'
        ? or(
            eq(t.applicantHeadId, me),
            eq(t.ownerHeadId, me),
            isNull(t.applicantHeadId),
            isNull(t.ownerHeadId),
          )
        : or(eq(t.applicantHeadId, me), eq(t.ownerHeadId, me));
    const where = q.toDecide
      ? and(eq(t.status, 'pending'), signer)
      : ctx.actor.roleCode === 'admin' && !q.mine
        ? undefined
        : or(eq(t.applicantId, me), eq(t.applicantHeadId, me), eq(t.ownerHeadId, me));
    return { items: (await dal.listRequests(db, where)).map(requestDto) };
  },

  decide: async (
    ctx: Ctx,
    id: string,
    input: { version: number; decision: 'approve' | 'reject'; note?: string | null },
  ) => {
    assertCan(ctx.actor, 'customer.read');
    return db.transaction(async (tx) => {
      const before = await dal.findRequest(tx, id);
      if (!before) throw notFound('archive_access_request', id);
      if (before.status !== 'pending') throw fieldError('status', `is already ${before.status}`);
      const decided = before.decisions as Decision[];
      const roles = rolesOf(ctx.actor, before).filter((r) => !decided.some((d) => d.role === r));
      if (roles.length === 0)
        throw new AppError('forbidden', {
          message: 'not a signer of this request',
          details: { reason: 'not_a_signer' },
        });
      const now = ctx.clock.now();
      const decisions = [
        ...decided,
        ...roles.map((role) => ({
          role,
          userId: ctx.actor.userId,
          decision: input.decision,
          note: input.note ?? null,
          at: now.toISOString(),
        })),
      ];
      const status = requestStatus({ decisions, needs: ['applicant_head', 'owner_head'] });
      const row = await updateVersioned(tx, {
        table: archiveAccessRequests,
        entity: 'archive_access_request',
        id,
        version: input.version,
        patch: {
          decisions,
          status,
          expiresAt: status === 'approved' ? new Date(now.getTime() + ACCESS_DAYS * 86_400_000) : null,
        },
        at: now,
      });
      await writeAudit(tx, ctx, {
        action: input.decision,
        entity: 'archive_access_request',
        entityId: id,
        before,
        after: row,
      });
      return requestDto(row);
    });
  },

  log: async (ctx: Ctx, q: { customerId?: string; userId?: string; before?: string; limit: number }) => {
    assertCan(ctx.actor, 'archive.log.read');
    const rows = await dal.listLog(db, { ...q, before: q.before ? Number(q.before) : undefined });
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
      nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null,
    };
  },
});

export type ArchiveService = ReturnType<typeof archiveService>;
