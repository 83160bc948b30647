import { randomBytes } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { customerContacts, customers } from '../../db/schema/customers.ts';
import type { Ctx } from '../../platform/audit.ts';
import { AppError, type Created, type Refusal } from '../../platform/errors.ts';
import type { ContactRow, CustomerRow } from './customers-dal.ts';
import type { CreateCustomerBody } from './customers-schemas.ts';

// The one way a customer is created: the API's POST /api/customers (one record) and the Excel
// import (a chunk of rows) both come through createCustomers, so both keep the same rules.

export type ContactInput = NonNullable<Static<typeof CreateCustomerBody>['contacts']>[number];

/** A customer to create; `ownerUserId` as decided by the caller (the API defaults it to the actor). */
export type NewCustomer = Omit<
  typeof customers.$inferInsert,
  'id' | 'code' | 'version' | 'createdAt' | 'updatedAt'
> & {
  code?: string;
  contacts?: ContactInput[];
};

export type CreatedCustomer = { customer: CustomerRow; contacts: ContactRow[] };

export const CODE_TAKEN: Refusal = { code: 'duplicate', field: 'code', message: 'is already taken' };

const newCode = () => `C${randomBytes(4).toString('hex').toUpperCase()}`;

export const normaliseContacts = (list: ContactInput[]) => {
  // At most one primary contact; the first one is primary when none is marked.
  const primaryIndex = Math.max(
    0,
    list.findIndex((c) => c.primary),
  );
  return list.map((c, i) => ({
    name: c.name,
    title: c.title ?? null,
    phone: c.phone ?? null,
    email: c.email ?? null,
    primary: i === primaryIndex,
  }));
};

/**
 * The dealer a customer is kept under: a dealer's users create and keep customers under their own
 * dealer only; customer users create none. Returns the refusal for a record outside the scope.
 */
export const ownerDealer = (ctx: Ctx, requested: string | null | undefined): string | null | Refusal => {
  if (ctx.actor.scope === 'dealer') {
    if (requested && requested !== ctx.actor.dealerId)
      return { code: 'validation_failed', field: 'dealerId', message: 'is outside your data scope' };
    return ctx.actor.dealerId;
  }
  if (ctx.actor.scope === 'customer')
    throw new AppError('forbidden', { details: { permission: 'customer.write' } });
  return requested ?? null;
};

const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'field' in v;

/**
 * Creates customers (and their contacts) in the caller's transaction, each checked by the creation
 * rules: the owning dealer within the actor's scope, a code not taken (nor repeated in the batch).
 * One answer per input, in order; audit is the caller's (a create and an import record it differently).
 */
export const createCustomers = async (
  tx: Executor,
  ctx: Ctx,
  inputs: NewCustomer[],
): Promise<Created<CreatedCustomer>[]> => {
  const codes = inputs.map((i) => i.code ?? newCode());
  const taken = new Set(
    codes.length === 0
      ? []
      : (await tx.select({ code: customers.code }).from(customers).where(inArray(customers.code, codes))).map(
          (r) => r.code,
        ),
  );
  const now = ctx.clock.now();
  const seen = new Set<string>();
  const decided = inputs.map((input, i): { refusal: Refusal } | { row: typeof customers.$inferInsert } => {
    const dealerId = ownerDealer(ctx, input.dealerId);
    if (isRefusal(dealerId)) return { refusal: dealerId };
    const code = codes[i]!;
    if (taken.has(code) || seen.has(code)) return { refusal: CODE_TAKEN };
    seen.add(code);
    const { contacts: _contacts, ...fields } = input;
    return { row: { ...fields, code, dealerId, createdAt: now, updatedAt: now } };
  });
  const rows = decided.flatMap((d) => ('row' in d ? [d.row] : []));
  const inserted = rows.length
    ? await tx.insert(customers).values(rows).onConflictDoNothing().returning()
    : [];
  const byCode = new Map(inserted.map((r) => [r.code, r]));
  const contactRows = inputs.flatMap((input, i) => {
    const customer = 'row' in decided[i]! ? byCode.get(codes[i]!) : undefined;
    return customer && input.contacts?.length
      ? normaliseContacts(input.contacts).map((c) => ({ ...c, customerId: customer.id }))
      : [];
  });
  const contacts = contactRows.length
    ? await tx.insert(customerContacts).values(contactRows).returning()
    : [];
  return decided.map((d, i) => {
    if ('refusal' in d) return d;
    const customer = byCode.get(codes[i]!);
    if (!customer) return { lost: true };
    return { row: { customer, contacts: contacts.filter((c) => c.customerId === customer.id) } };
  });
};
