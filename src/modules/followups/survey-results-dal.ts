import { and, asc, count, eq, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { customers, dealers, engineers, surveyInvitations, surveyResponses } from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';
import type { ResultDimension } from './surveys-schemas.ts';

// Survey figures computed by the database (GROUP BY), and the invitation list with its counts.
// Dealers see only their own customers' answers and invitations.

const responseScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(surveyResponses.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return sql`false`;
  }
};

const invitationScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId ? eq(surveyInvitations.dealerId, scope.dealerId) : sql`false`;
    case 'customer':
      return sql`false`;
  }
};

const r = surveyResponses;
// NPS = % promoters (9–10) − % detractors (0–6) of the responses that answered the NPS question.
const figures = {
  responses: sql<number>`count(*)::int`,
  avgScoreX100: sql<number | null>`round(avg(${r.scoreX100}))::int`,
  npsResponses: sql<number>`count(${r.nps})::int`,
  promoters: sql<number>`(count(*) filter (where ${r.nps} >= 9))::int`,
  detractors: sql<number>`(count(*) filter (where ${r.nps} <= 6))::int`,
  nps: sql<
    number | null
  >`round(100.0 * ((count(*) filter (where ${r.nps} >= 9)) - (count(*) filter (where ${r.nps} <= 6)))
    / nullif(count(${r.nps}), 0))::int`,
};

/** The key column and the label of each dimension the results are cut by. */
const dimension = (by: ResultDimension): { key: SQL<string | null>; label: SQL<string | null> } => {
  switch (by) {
    case 'engineer':
      return { key: sql`${r.engineerId}::text`, label: sql`${engineers.name}` };
    case 'dealer':
      return { key: sql`${r.dealerId}::text`, label: sql`${dealers.name}` };
    case 'product':
      return { key: sql`${r.productCategory}`, label: sql`${r.productCategory}` };
    case 'region':
      return { key: sql`${r.region}`, label: sql`${r.region}` };
    case 'period':
      return { key: sql`${r.period}`, label: sql`${r.period}` };
  }
};

export const resultsBy = async (
  db: Executor,
  f: { surveyId: string; period?: string; by: ResultDimension; scope: ScopeFilter },
) => {
  const where = and(
    eq(r.surveyId, f.surveyId),
    f.period ? eq(r.period, f.period) : undefined,
    responseScope(f.scope),
  );
  const d = dimension(f.by);
  const [rows, total] = await Promise.all([
    db
      .select({ key: d.key, label: d.label, ...figures })
      .from(r)
      .leftJoin(engineers, eq(engineers.id, r.engineerId))
      .leftJoin(dealers, eq(dealers.id, r.dealerId))
      .where(where)
      .groupBy(d.key, d.label)
      .orderBy(sql`count(*) desc`, asc(d.key)),
    db.select(figures).from(r).where(where),
  ]);
  return { rows, total: total[0]! };
};

export const listInvitations = async (
  db: Executor,
  f: {
    surveyId: string;
    period?: string;
    status?: 'open' | 'answered' | 'expired';
    now: Date;
    scope: ScopeFilter;
    limit: number;
    offset: number;
  },
) => {
  const i = surveyInvitations;
  const base = and(
    eq(i.surveyId, f.surveyId),
    f.period ? eq(i.period, f.period) : undefined,
    invitationScope(f.scope),
  );
  const expired = and(isNull(i.respondedAt), lte(i.expiresAt, f.now));
  const status =
    f.status === 'answered'
      ? isNotNull(i.respondedAt)
      : f.status === 'expired'
        ? expired
        : f.status === 'open'
          ? and(isNull(i.respondedAt), sql`${i.expiresAt} > ${f.now.toISOString()}::timestamptz`)
          : undefined;
  const where = and(base, status);
  const [items, totals, summary] = await Promise.all([
    db
      .select({ invitation: i, customerName: customers.name, dealerName: dealers.name })
      .from(i)
      .innerJoin(customers, eq(customers.id, i.customerId))
      .leftJoin(dealers, eq(dealers.id, i.dealerId))
      .where(where)
      .orderBy(asc(customers.name), asc(i.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(i).where(where),
    db
      .select({
        invited: sql<number>`count(*)::int`,
        emailed: sql<number>`(count(*) filter (where ${i.email} is not null))::int`,
        answered: sql<number>`(count(*) filter (where ${i.respondedAt} is not null))::int`,
        expired: sql<number>`(count(*) filter (where ${expired}))::int`,
        reminders: sql<number>`coalesce(sum(${i.reminders}), 0)::int`,
      })
      .from(i)
      .where(base),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0), summary: summary[0]! };
};
