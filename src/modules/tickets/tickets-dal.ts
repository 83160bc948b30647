import { and, asc, desc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import {
  assets,
  customers,
  dealers,
  departments,
  slaEscalations,
  ticketAttachments,
  ticketEvents,
  ticketPauses,
  ticketSlaClocks,
  tickets,
  users,
} from '../../db/schema/index.ts';
import { isOpenTicketStatus, OPEN_TICKET_STATUSES } from '../../domain/tickets/ticket-status.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

export type TicketRow = typeof tickets.$inferSelect;
export type ClockRow = typeof ticketSlaClocks.$inferSelect;
export type PauseRow = typeof ticketPauses.$inferSelect;
export type EventRow = typeof ticketEvents.$inferSelect;
export type AttachmentRow = typeof ticketAttachments.$inferSelect;

/** A dealer sees tickets of its customers and tickets transferred to it; a customer its own. */
export const ticketScope = (scope: ScopeFilter): SQL | undefined => {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'dealer':
      return scope.dealerId
        ? or(eq(tickets.dealerId, scope.dealerId), eq(tickets.assigneeDealerId, scope.dealerId))
        : sql`false`;
    case 'customer':
      return scope.customerId ? eq(tickets.customerId, scope.customerId) : sql`false`;
  }
};

type Rows<T> = { rows: T[] };

export const nextTicketSeq = async (db: Executor) =>
  Number(
    ((await db.execute(sql`select nextval('ticket_number_seq') as n`)) as unknown as Rows<{ n: string }>)
      .rows[0]!.n,
  );

const listColumns = {
  ticket: tickets,
  customerName: customers.name,
  serialNo: assets.serialNo,
  assigneeName: users.displayName,
  assigneeDealerName: dealers.name,
  assigneeDepartmentName: departments.name,
};

const withNames = (db: Executor) =>
  db
    .select(listColumns)
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assets, eq(assets.id, tickets.assetId))
    .leftJoin(users, eq(users.id, tickets.assigneeUserId))
    .leftJoin(dealers, eq(dealers.id, tickets.assigneeDealerId))
    .leftJoin(departments, eq(departments.id, tickets.assigneeDepartmentId));

export type TicketWithNames = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

export type ListFilter = {
  scope: ScopeFilter;
  statuses?: string[];
  types?: string[];
  channels?: string[];
  customerId?: string;
  assetId?: string;
  assigneeUserId?: string;
  assigneeDealerId?: string;
  assigneeDepartmentId?: string;
  unassigned?: boolean;
  /** Open tickets whose earliest deadline is before this instant (overdue: now; at risk: now + window). */
  dueBefore?: Date;
  q?: string;
  sort: 'due' | 'created' | 'number';
  limit: number;
  offset: number;
};

const whereOf = (f: ListFilter) =>
  and(
    ticketScope(f.scope),
    f.statuses?.length ? inArray(tickets.status, f.statuses) : undefined,
    // Said again in the partial indexes' own words, so the planner can use them for queue filters.
    f.statuses?.length && f.statuses.every((x) => isOpenTicketStatus(x))
      ? sql`${tickets.status} not in ('resolved', 'closed', 'cancelled')`
      : undefined,
    f.types?.length ? inArray(tickets.type, f.types) : undefined,
    f.channels?.length ? inArray(tickets.channel, f.channels) : undefined,
    f.customerId ? eq(tickets.customerId, f.customerId) : undefined,
    f.assetId ? eq(tickets.assetId, f.assetId) : undefined,
    f.assigneeUserId ? eq(tickets.assigneeUserId, f.assigneeUserId) : undefined,
    f.assigneeDealerId ? eq(tickets.assigneeDealerId, f.assigneeDealerId) : undefined,
    f.assigneeDepartmentId ? eq(tickets.assigneeDepartmentId, f.assigneeDepartmentId) : undefined,
    f.unassigned ? isNull(tickets.assigneeUserId) : undefined,
    f.dueBefore
      ? and(
          sql`${tickets.status} not in ('resolved', 'closed', 'cancelled')`,
          lt(tickets.nextDueAt, f.dueBefore),
        )
      : undefined,
    // Ticket numbers are searched by prefix (indexed); anything else by the number's tail.
    f.q ? sql`${tickets.number} like ${`${escapeLike(f.q.toUpperCase())}%`}` : undefined,
  );

// Counting a million rows for a page of 50 is the slow part of a queue; past this many we say "1000+".
// (At 10 000 a filtered count at 1 million tickets cost ~120 ms on PostgreSQL; the page itself ~5 ms.)
export const COUNT_CAP = 1_000;

export const listTickets = async (db: Executor, f: ListFilter) => {
  const where = whereOf(f);
  const order =
    f.sort === 'due'
      ? [sql`${tickets.nextDueAt} asc nulls last`, desc(tickets.createdAt)]
      : f.sort === 'number'
        ? [desc(tickets.number)]
        : [desc(tickets.createdAt)];
  const [items, counted] = await Promise.all([
    withNames(db)
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
    db.execute(
      sql`select count(*) as n from (select 1 from ${tickets} where ${where ?? sql`true`} limit ${COUNT_CAP + 1}) t`,
    ),
  ]);
  const n = Number((counted as unknown as Rows<{ n: string }>).rows[0]!.n);
  return { items, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
};

export const findTicket = async (db: Executor, id: string, scope: ScopeFilter) =>
  (await withNames(db).where(and(eq(tickets.id, id), ticketScope(scope))))[0] ?? null;

/** A ticket's status, unlocked and unscoped (a work order checks whether its step moves the ticket). */
export const statusOf = async (db: Executor, id: string) =>
  (await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, id)))[0] ?? null;

/** When the fault was reported and when it occurred (a work order's charges depend on them). */
export const reportTimesOf = async (db: Executor, id: string) =>
  (
    await db
      .select({ reportedAt: tickets.reportedAt, occurredAt: tickets.occurredAt })
      .from(tickets)
      .where(eq(tickets.id, id))
  )[0] ?? null;

/** Locks the ticket row for the rest of the transaction, so concurrent changes queue up. */
export const lockTicket = async (db: Executor, id: string, scope: ScopeFilter) =>
  (
    await db
      .select()
      .from(tickets)
      .where(and(eq(tickets.id, id), ticketScope(scope)))
      .for('update')
  )[0] ?? null;

export const insertTicket = async (db: Executor, row: typeof tickets.$inferInsert) =>
  (await db.insert(tickets).values(row).returning())[0]!;

export const updateTicket = async (db: Executor, id: string, patch: Partial<typeof tickets.$inferInsert>) =>
  (
    await db
      .update(tickets)
      .set({ ...patch, version: sql`${tickets.version} + 1` })
      .where(eq(tickets.id, id))
      .returning()
  )[0]!;

/** The queue summary (and escalation level) only; not a user's edit, so the version stays. */
export const setSlaSummary = (
  db: Executor,
  id: string,
  s: { nextDueAt: Date | null; slaState: string; escalationLevel?: number },
) => db.update(tickets).set(s).where(eq(tickets.id, id));

/** A ticket by id without scope (jobs); `lock` holds it for the rest of the transaction. */
export const ticketRow = async (db: Executor, id: string, opts: { lock?: boolean } = {}) => {
  const q = db.select().from(tickets).where(eq(tickets.id, id));
  return (await (opts.lock ? q.for('update') : q))[0] ?? null;
};

/** A ticket that lost its policy has nothing left to escalate. */
export const clearEscalationSchedule = (db: Executor, ticketId: string) =>
  db.update(ticketSlaClocks).set({ nextEscalationAt: null }).where(eq(ticketSlaClocks.ticketId, ticketId));

/** Whom a ticket may be given to: an active staff user (never a customer's login). */
export const assignableUser = async (db: Executor, id: string) =>
  (
    await db
      .select({ id: users.id, dealerId: users.dealerId })
      .from(users)
      .where(and(eq(users.id, id), eq(users.active, true), isNull(users.customerId)))
  )[0] ?? null;

export const departmentExists = async (db: Executor, id: string) =>
  (await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id))).length > 0;

export const activeDealerExists = async (db: Executor, id: string) =>
  (
    await db
      .select({ id: dealers.id })
      .from(dealers)
      .where(and(eq(dealers.id, id), eq(dealers.active, true)))
  ).length > 0;

/** The active users of the department or dealer a ticket is transferred to. */
export const unitUsers = (db: Executor, unit: { dealerId?: string | null; departmentId?: string | null }) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        unit.dealerId
          ? eq(users.dealerId, unit.dealerId)
          : unit.departmentId
            ? eq(users.departmentId, unit.departmentId)
            : sql`false`,
      ),
    );

export const clocksOf = (db: Executor, ticketIds: string[]) =>
  ticketIds.length === 0
    ? Promise.resolve([] as ClockRow[])
    : db
        .select()
        .from(ticketSlaClocks)
        .where(inArray(ticketSlaClocks.ticketId, ticketIds))
        .orderBy(asc(ticketSlaClocks.ticketId));

export const upsertClocks = async (db: Executor, rows: (typeof ticketSlaClocks.$inferInsert)[]) => {
  if (rows.length === 0) return;
  await db
    .insert(ticketSlaClocks)
    .values(rows)
    .onConflictDoUpdate({
      target: [ticketSlaClocks.ticketId, ticketSlaClocks.metric],
      set: {
        targetMinutes: sql`excluded.target_minutes`,
        calendarId: sql`excluded.calendar_id`,
        startedAt: sql`excluded.started_at`,
        stoppedAt: sql`excluded.stopped_at`,
        dueAt: sql`excluded.due_at`,
        status: sql`excluded.status`,
        breachedAt: sql`excluded.breached_at`,
        pausedMs: sql`excluded.paused_ms`,
        firedSteps: sql`excluded.fired_steps`,
        nextEscalationAt: sql`excluded.next_escalation_at`,
        reasons: sql`excluded.reasons`,
        clause: sql`excluded.clause`,
        computedAt: sql`excluded.computed_at`,
      },
    });
};

export const deleteClocksExcept = (db: Executor, ticketId: string, metrics: string[]) =>
  db
    .delete(ticketSlaClocks)
    .where(
      and(
        eq(ticketSlaClocks.ticketId, ticketId),
        metrics.length ? sql`${ticketSlaClocks.metric} not in ${metrics}` : undefined,
      ),
    );

export const pausesOf = (db: Executor, ticketIds: string[]) =>
  ticketIds.length === 0
    ? Promise.resolve([] as PauseRow[])
    : db
        .select()
        .from(ticketPauses)
        .where(inArray(ticketPauses.ticketId, ticketIds))
        .orderBy(asc(ticketPauses.fromAt));

export const insertPause = async (db: Executor, row: typeof ticketPauses.$inferInsert) =>
  (await db.insert(ticketPauses).values(row).returning())[0]!;

export const closePause = (db: Executor, pauseId: string, toAt: Date) =>
  db.update(ticketPauses).set({ toAt }).where(eq(ticketPauses.id, pauseId));

export const insertEvents = async (db: Executor, rows: (typeof ticketEvents.$inferInsert)[]) => {
  if (rows.length > 0) await db.insert(ticketEvents).values(rows);
};

export const eventsOf = (db: Executor, ticketId: string, customerView: boolean) =>
  db
    .select()
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        customerView ? eq(ticketEvents.visibility, 'customer') : undefined,
      ),
    )
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.seq));

export const hasEvent = async (db: Executor, ticketId: string, kind: string, visibility?: string) =>
  (
    await db
      .select({ id: ticketEvents.id })
      .from(ticketEvents)
      .where(
        and(
          eq(ticketEvents.ticketId, ticketId),
          eq(ticketEvents.kind, kind),
          visibility ? eq(ticketEvents.visibility, visibility) : undefined,
        ),
      )
      .limit(1)
  ).length > 0;

export const attachmentsOf = (db: Executor, ticketId: string, customerView: boolean) =>
  db
    .select()
    .from(ticketAttachments)
    .where(
      and(
        eq(ticketAttachments.ticketId, ticketId),
        customerView ? eq(ticketAttachments.visibility, 'customer') : undefined,
      ),
    )
    .orderBy(asc(ticketAttachments.createdAt));

export const findAttachment = async (db: Executor, ticketId: string, id: string) =>
  (
    await db
      .select()
      .from(ticketAttachments)
      .where(and(eq(ticketAttachments.id, id), eq(ticketAttachments.ticketId, ticketId)))
  )[0] ?? null;

export const insertAttachment = async (db: Executor, row: typeof ticketAttachments.$inferInsert) =>
  (await db.insert(ticketAttachments).values(row).returning())[0]!;

export const escalationsOf = (db: Executor, ticketId: string) =>
  db
    .select()
    .from(slaEscalations)
    .where(eq(slaEscalations.ticketId, ticketId))
    .orderBy(asc(slaEscalations.firedAt));

/** Records a reached step; returns null when another worker recorded it first. */
export const insertEscalation = async (db: Executor, row: typeof slaEscalations.$inferInsert) =>
  (await db.insert(slaEscalations).values(row).onConflictDoNothing().returning())[0] ?? null;

/** Clocks whose next escalation step is reached, locked so a second worker skips them. */
export const claimEscalationClocks = (db: Executor, now: Date, limit: number) =>
  db
    .select({ clockId: ticketSlaClocks.id, ticketId: ticketSlaClocks.ticketId })
    .from(ticketSlaClocks)
    .where(lte(ticketSlaClocks.nextEscalationAt, now))
    .orderBy(asc(ticketSlaClocks.nextEscalationAt))
    .limit(limit)
    .for('update', { skipLocked: true });

/** Open tickets with a running clock on this calendar or under this policy, a batch after `afterId`. */
export const openTicketsFor = (
  db: Executor,
  opts: { calendarId?: string; policyId?: string; afterId: string | null; limit: number },
) =>
  db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
        opts.policyId ? eq(tickets.slaPolicyId, opts.policyId) : undefined,
        opts.calendarId
          ? sql`exists (select 1 from ${ticketSlaClocks} c where c.ticket_id = ${tickets.id} and c.calendar_id = ${opts.calendarId} and c.stopped_at is null)`
          : undefined,
        opts.afterId ? sql`${tickets.id} > ${opts.afterId}` : undefined,
      ),
    )
    .orderBy(asc(tickets.id))
    .limit(opts.limit);

export const usersWithRoles = (db: Executor, roleCodes: string[], dealerId: string | null) =>
  roleCodes.length === 0
    ? Promise.resolve([] as { id: string }[])
    : db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            inArray(users.roleCode, roleCodes),
            eq(users.active, true),
            // Dealer users only hear about their own dealer's tickets.
            or(isNull(users.dealerId), dealerId ? eq(users.dealerId, dealerId) : sql`false`),
          ),
        );

export const customerUsers = (db: Executor, customerId: string) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.customerId, customerId), eq(users.active, true)));
