import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customerReviews, customers } from '../../db/schema/index.ts';
import { reviewCustomer, reviewPeriod } from '../../domain/archive/review.ts';
import { type RequestContext, writeAuditMany } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';

type Change = ReturnType<typeof reviewCustomer> & { ownerUserId: string | null; customerName: string };
type ReviewRow = typeof customerReviews.$inferSelect;

const dto = (r: ReviewRow, onlyOwner?: string) => ({
  ...r,
  changes: (r.changes as Change[]).filter((c) => !onlyOwner || c.ownerUserId === onlyOwner),
  ranAt: r.ranAt.toISOString(),
});

export const reviewsService = ({ db }: { db: Db }) => {
  /**
   * Applies GK-03 (四) to every active customer in one transaction. Scheduled runs claim their
   * half-year first (unique period), so with several app processes exactly one of them runs it.
   */
  const run = async (ctx: RequestContext, trigger: 'scheduled' | 'manual') => {
    const now = ctx.clock.now();
    const period =
      trigger === 'scheduled' ? reviewPeriod(now) : `${reviewPeriod(now)}/manual/${now.toISOString()}`;
    return db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(customerReviews)
        .values({ period, trigger, startedBy: ctx.actor?.userId ?? null, ranAt: now })
        .onConflictDoNothing()
        .returning();
      if (!claimed) return null;
      const candidates = await tx
        .select()
        .from(customers)
        .where(
          and(
            eq(customers.status, 'active'),
            or(
              inArray(customers.businessStatus, ['bankrupt', 'closed']),
              and(eq(customers.kind, 'new'), sql`${customers.completedCooperations} >= 2`),
            ),
          ),
        );
      const changes: Change[] = [];
      for (const c of candidates) {
        const change = reviewCustomer(c);
        if (!change) continue;
        const lastReview = { reviewId: claimed.id, period, ...change };
        const patch =
          change.change === 'archive'
            ? { status: 'archived', archivedAt: now, archivedReason: change.message, lastReview }
            : { kind: 'existing', lastReview };
        await tx
          .update(customers)
          .set({ ...patch, version: sql`${customers.version} + 1`, updatedAt: now })
          .where(eq(customers.id, c.id));
        changes.push({ ...change, ownerUserId: c.ownerUserId, customerName: c.name });
      }
      await writeAuditMany(
        tx,
        ctx,
        changes.map((c) => ({
          action: `review_${c.change}`,
          entity: 'customer',
          entityId: c.customerId,
          actorName: ctx.actor?.username ?? 'system',
          before: { [c.change === 'archive' ? 'status' : 'kind']: c.from },
          after: c,
        })),
      );
      const [row] = await tx
        .update(customerReviews)
        .set({ changes })
        .where(eq(customerReviews.id, claimed.id))
        .returning();
      return dto(row!);
    });
  };

  return {
    run,
    runManual: async (ctx: RequestContext & { actor: Actor }) => {
      assertCan(ctx.actor, 'customer.write');
      if (ctx.actor.scope !== 'all')
        throw new AppError('forbidden', { details: { permission: 'customer.write', scope: 'all' } });
      const r = await run(ctx, 'manual');
      if (!r) throw new AppError('duplicate', { message: 'a review is already running' });
      return r;
    },
    /** Recent reviews; with `mine`, only the changes to customers whose archive the user owns. */
    list: async (ctx: RequestContext & { actor: Actor }, q: { mine?: boolean }) => {
      assertCan(ctx.actor, 'customer.read');
      const rows = await db.select().from(customerReviews).orderBy(desc(customerReviews.ranAt)).limit(20);
      const mine = q.mine || ctx.actor.scope !== 'all' ? ctx.actor.userId : undefined;
      return { items: rows.map((r) => dto(r, mine)) };
    },
  };
};

export type ReviewsService = ReturnType<typeof reviewsService>;
