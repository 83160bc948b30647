import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import {
  customerContacts,
  customers,
  surveyInvitations,
  surveyResponses,
  surveys,
} from '../../db/schema/index.ts';

// SQL of questionnaires, invitations and answers (满意度调查). Results and the invitation list are in
// survey-results-dal.ts.

export type SurveyRow = typeof surveys.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;

// Spelled out: inside a single-table select drizzle prints a column without its table name.
const invitationCount = sql<number>`(select count(*)::int from ${surveyInvitations} i where i.survey_id = "surveys"."id")`;

export const listSurveys = async (
  db: Executor,
  f: { q?: string; status?: string; limit: number; offset: number },
) => {
  const where = and(
    f.q
      ? or(ilike(surveys.name, containsPattern(f.q)), ilike(surveys.code, containsPattern(f.q)))
      : undefined,
    f.status ? eq(surveys.status, f.status) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select({ survey: surveys, invitations: invitationCount })
      .from(surveys)
      .where(where)
      .orderBy(desc(surveys.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(surveys).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
};

export const findSurvey = async (db: Executor, id: string) =>
  (
    await db.select({ survey: surveys, invitations: invitationCount }).from(surveys).where(eq(surveys.id, id))
  )[0] ?? null;

export const insertSurvey = async (db: Executor, row: typeof surveys.$inferInsert) =>
  (await db.insert(surveys).values(row).returning())[0]!;

export const activeSurveys = (db: Executor) =>
  db.select().from(surveys).where(eq(surveys.status, 'active')).orderBy(asc(surveys.createdAt));

// Who is surveyed: active, not archived customers that have been (or are being) served — competitors and
// prospects have no service to rate.
const surveyable = and(
  eq(customers.status, 'active'),
  isNull(customers.archivedAt),
  notInArray(customers.kind, ['competitor', 'potential']),
);

/** The first contact e-mail of a customer (the primary contact first). */
const contactEmail = sql<string | null>`(select cc.email from ${customerContacts} cc
  where cc.customer_id = "customers"."id" and cc.email is not null and cc.email <> ''
  order by cc."primary" desc, cc.created_at asc limit 1)`;

/** One batch of customers still without an invitation for the period, in id order after `afterId`. */
export const customersToInvite = (
  db: Executor,
  f: { surveyId: string; period: string; afterId: string | null; limit: number },
) =>
  db
    .select({ id: customers.id, dealerId: customers.dealerId, email: contactEmail })
    .from(customers)
    .where(
      and(
        surveyable,
        f.afterId ? gt(customers.id, f.afterId) : undefined,
        sql`not exists (select 1 from ${surveyInvitations} i where i.survey_id = ${f.surveyId}
          and i.customer_id = "customers"."id" and i.period = ${f.period})`,
      ),
    )
    .orderBy(asc(customers.id))
    .limit(f.limit);

/** Surveyable customers that hold an invitation for the period already. */
export const countInvited = async (db: Executor, surveyId: string, period: string) =>
  Number(
    (
      await db
        .select({ n: count() })
        .from(surveyInvitations)
        .innerJoin(customers, eq(customers.id, surveyInvitations.customerId))
        .where(
          and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.period, period), surveyable),
        )
    )[0]?.n ?? 0,
  );

/** Inserts what is new; a row another sender inserted first (same survey, customer, period) is skipped. */
export const insertInvitations = async (db: Executor, rows: (typeof surveyInvitations.$inferInsert)[]) =>
  rows.length === 0 ? [] : db.insert(surveyInvitations).values(rows).onConflictDoNothing().returning();

export const findCustomer = async (db: Executor, id: string) =>
  (
    await db
      .select({
        id: customers.id,
        name: customers.name,
        dealerId: customers.dealerId,
        status: customers.status,
        archivedAt: customers.archivedAt,
        email: contactEmail,
      })
      .from(customers)
      .where(eq(customers.id, id))
  )[0] ?? null;

export const findInvitation = async (db: Executor, surveyId: string, customerId: string, period: string) =>
  (
    await db
      .select()
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.surveyId, surveyId),
          eq(surveyInvitations.customerId, customerId),
          eq(surveyInvitations.period, period),
        ),
      )
      .for('update')
  )[0] ?? null;

export const updateInvitation = async (db: Executor, id: string, patch: Partial<InvitationRow>) =>
  (await db.update(surveyInvitations).set(patch).where(eq(surveyInvitations.id, id)).returning())[0]!;

/**
 * Unanswered, unexpired invitations with an e-mail, sent (or last reminded) before `before`, with
 * fewer than `max` reminders, of active surveys: the reminder job's work list.
 */
export const dueReminders = (db: Executor, f: { now: Date; before: Date; max: number; limit: number }) =>
  db
    .select({ invitation: surveyInvitations, surveyName: surveys.name })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .where(
      and(
        eq(surveys.status, 'active'),
        isNull(surveyInvitations.respondedAt),
        isNotNull(surveyInvitations.email),
        isNotNull(surveyInvitations.sentAt),
        gt(surveyInvitations.expiresAt, f.now),
        lt(surveyInvitations.reminders, f.max),
        lt(sql`coalesce(${surveyInvitations.remindedAt}, ${surveyInvitations.sentAt})`, f.before),
      ),
    )
    .orderBy(asc(surveyInvitations.expiresAt))
    .limit(f.limit);

/**
 * Claims one reminder: counts it and swaps the link only if nobody else did since `reminders` was
 * read (two workers never remind twice) and the customer has not answered meanwhile.
 */
export const claimReminder = async (
  db: Executor,
  inv: InvitationRow,
  patch: { tokenHash: string; remindedAt: Date },
) =>
  (
    await db
      .update(surveyInvitations)
      .set({ ...patch, reminders: inv.reminders + 1 })
      .where(
        and(
          eq(surveyInvitations.id, inv.id),
          eq(surveyInvitations.reminders, inv.reminders),
          isNull(surveyInvitations.respondedAt),
        ),
      )
      .returning()
  )[0] ?? null;

/** The invitation behind a link, with its survey and customer; locked when answering. */
export const byTokenHash = async (db: Executor, tokenHash: string, lock = false) => {
  const q = db
    .select({
      invitation: surveyInvitations,
      survey: surveys,
      customerName: customers.name,
      region: customers.region,
    })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .innerJoin(customers, eq(customers.id, surveyInvitations.customerId))
    .where(eq(surveyInvitations.tokenHash, tokenHash));
  return (await (lock ? q.for('update', { of: surveyInvitations }) : q))[0] ?? null;
};

/**
 * What an answer is cut by in the reports, taken from the records, never from the request: the
 * engineer and product category of the customer's latest finished work order (done, signed or
 * closed), else the category of the customer's newest asset.
 */
export const latestService = async (db: Executor, customerId: string) => {
  const rows = (await db.execute(sql`
    select
      (select woe.engineer_id from work_orders wo
         join work_order_engineers woe on woe.work_order_id = wo.id
        where wo.customer_id = ${customerId} and wo.status in ('done', 'signed', 'closed')
        order by coalesce(wo.closed_at, wo.done_at, wo.updated_at) desc, woe.lead desc, woe.assigned_at asc
        limit 1) as engineer_id,
      coalesce(
        (select coalesce(wo.category, pm.category) from work_orders wo
           left join assets a on a.id = wo.asset_id
           left join product_models pm on pm.id = a.model_id
          where wo.customer_id = ${customerId} and wo.status in ('done', 'signed', 'closed')
          order by coalesce(wo.closed_at, wo.done_at, wo.updated_at) desc limit 1),
        (select pm.category from assets a join product_models pm on pm.id = a.model_id
          where a.customer_id = ${customerId} order by a.created_at desc limit 1)
      ) as category
  `)) as unknown as { rows: { engineer_id: string | null; category: string | null }[] };
  const row = rows.rows[0];
  return { engineerId: row?.engineer_id ?? null, productCategory: row?.category ?? null };
};

export const insertResponse = async (db: Executor, row: typeof surveyResponses.$inferInsert) =>
  (await db.insert(surveyResponses).values(row).returning())[0]!;
