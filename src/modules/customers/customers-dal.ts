import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { customerContacts, customers } from '../../db/schema/customers.ts';
import { scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/permissions.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type ContactRow = typeof customerContacts.$inferSelect;

export const customerScope = (scope: ScopeFilter): SQL | undefined =>
  scopeWhere(scope, {
    dealer: (dealerId) => eq(customers.dealerId, dealerId),
    customer: (customerId) => eq(customers.id, customerId),
  });

export const listCustomers = async (
  db: Executor,
  q: {
    scope: ScopeFilter;
    q?: string;
    kind?: string;
    grade?: string;
    dealerId?: string;
    status?: string;
    limit: number;
    offset: number;
  },
) => {
  const text = q.q?.trim();
  const like = text ? containsPattern(text) : null;
  const where = and(
    customerScope(q.scope),
    like
      ? // Bigram index narrows (search_grams, see migration 0007), ILIKE confirms; one id list from both tables.
        sql`${customers.id} in (
          select id from customers
            where search_grams @> text_bigrams(${text}) and (name ilike ${like} or code ilike ${like} or phone ilike ${like})
          union
          select customer_id from customer_contacts
            where search_grams @> text_bigrams(${text}) and (name ilike ${like} or phone ilike ${like}))`
      : undefined,
    q.kind ? eq(customers.kind, q.kind) : undefined,
    q.grade ? eq(customers.grade, q.grade) : undefined,
    q.dealerId ? eq(customers.dealerId, q.dealerId) : undefined,
    q.status ? eq(customers.status, q.status) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(where)
      .orderBy(asc(customers.name), asc(customers.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(customers).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
};

export const findCustomer = async (db: Executor, id: string, scope: ScopeFilter) =>
  (
    await db
      .select()
      .from(customers)
      .where(and(eq(customers.id, id), customerScope(scope)))
  )[0] ?? null;

export const contactsOf = (db: Executor, customerIds: string[]) =>
  customerIds.length === 0
    ? Promise.resolve([] as ContactRow[])
    : db
        .select()
        .from(customerContacts)
        .where(inArray(customerContacts.customerId, customerIds))
        .orderBy(asc(customerContacts.createdAt));

export const codeTaken = async (db: Executor, code: string) =>
  (await db.select({ id: customers.id }).from(customers).where(eq(customers.code, code))).length > 0;

export const insertCustomer = async (db: Executor, row: typeof customers.$inferInsert) =>
  (await db.insert(customers).values(row).returning())[0]!;

/** Contacts are edited as a whole list with the customer; the old list is replaced in the same transaction. */
export const replaceContacts = async (
  db: Executor,
  customerId: string,
  contacts: Array<Omit<typeof customerContacts.$inferInsert, 'customerId'>>,
) => {
  await db.delete(customerContacts).where(eq(customerContacts.customerId, customerId));
  if (contacts.length === 0) return [] as ContactRow[];
  return db
    .insert(customerContacts)
    .values(contacts.map((c) => ({ ...c, customerId })))
    .returning();
};

/** The customers among `ids` that the scope may see (a batch create checks each record's owner). */
export const findCustomersByIds = (db: Executor, ids: string[], scope: ScopeFilter) =>
  ids.length === 0
    ? Promise.resolve([] as CustomerRow[])
    : db
        .select()
        .from(customers)
        .where(and(inArray(customers.id, [...new Set(ids)]), customerScope(scope)));

/** Customer ids by code, for the codes that exist (an import resolves its sheet's customer codes). */
export const customerIdsByCode = async (db: Executor, codes: string[]) => {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: customers.id, code: customers.code })
    .from(customers)
    .where(inArray(customers.code, unique));
  return new Map(rows.map((r) => [r.code, r.id]));
};

/** Customer codes by id (an asset export writes the customer's code, which an import reads back). */
export const customerCodesByIds = async (db: Executor, ids: string[]) => {
  const codes = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 5000) {
    const part = await db
      .select({ id: customers.id, code: customers.code })
      .from(customers)
      .where(inArray(customers.id, unique.slice(i, i + 5000)));
    for (const c of part) codes.set(c.id, c.code);
  }
  return codes;
};
