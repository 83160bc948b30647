import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { customers } from '../../db/schema/customers.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { createdOrThrow, fieldError, notFound, refusalError } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import {
  CODE_TAKEN,
  type ContactInput,
  createCustomers,
  normaliseContacts,
  ownerDealer,
} from './customers-create.ts';
import * as dal from './customers-dal.ts';
import type {
  ArchiveCustomerBody,
  CreateCustomerBody,
  ListCustomersQuery,
  UpdateCustomerBody,
} from './customers-schemas.ts';

const contactDto = (c: dal.ContactRow) => ({
  id: c.id,
  name: c.name,
  title: c.title,
  phone: c.phone,
  email: c.email,
  primary: c.primary,
});

export const toCustomerDto = (c: dal.CustomerRow, contacts: dal.ContactRow[]) => ({
  ...c,
  archivedAt: iso(c.archivedAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  contacts: contacts.filter((x) => x.customerId === c.id).map(contactDto),
});

export const customersService = ({ db }: { db: Db }) => {
  /** The owning dealer of a create or an edit, within the actor's scope (see customers-create.ts). */
  const dealerFor = (ctx: Ctx, requested: string | null | undefined) => {
    const dealerId = ownerDealer(ctx, requested);
    if (dealerId !== null && typeof dealerId === 'object') throw refusalError(dealerId);
    return dealerId;
  };

  const load = async (tx: Executor, ctx: Ctx, id: string) => {
    const row = await dal.findCustomer(tx, id, scopeFilter(ctx.actor));
    if (!row) throw notFound('customer', id);
    return row;
  };

  return {
    list: async (ctx: Ctx, q: Static<typeof ListCustomersQuery>) => {
      assertCan(ctx.actor, 'customer.read');
      const r = await dal.listCustomers(db, { ...q, scope: scopeFilter(ctx.actor) });
      const contacts = await dal.contactsOf(
        db,
        r.items.map((c) => c.id),
      );
      return { items: r.items.map((c) => toCustomerDto(c, contacts)), total: r.total };
    },

    get: async (ctx: Ctx, id: string) => {
      assertCan(ctx.actor, 'customer.read');
      const row = await load(db, ctx, id);
      return toCustomerDto(row, await dal.contactsOf(db, [id]));
    },

    create: async (ctx: Ctx, input: Static<typeof CreateCustomerBody>) => {
      assertCan(ctx.actor, 'customer.write');
      dealerFor(ctx, input.dealerId);
      return db.transaction(async (tx) => {
        const [created] = await createCustomers(tx, ctx, [
          { ...input, ownerUserId: input.ownerUserId ?? ctx.actor.userId },
        ]);
        const { customer: row, contacts } = createdOrThrow(created, CODE_TAKEN);
        await writeAudit(tx, ctx, {
          action: 'create',
          entity: 'customer',
          entityId: row.id,
          after: { ...row, contacts },
        });
        return toCustomerDto(row, contacts);
      });
    },

    update: async (ctx: Ctx, id: string, input: Static<typeof UpdateCustomerBody>) => {
      assertCan(ctx.actor, 'customer.write');
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id);
        // An archived customer's record is history: it is read, not edited.
        if (before.status === 'archived')
          throw fieldError('status', 'is archived; archived customers cannot be edited');
        const beforeContacts = await dal.contactsOf(tx, [id]);
        const {
          version,
          contacts: contactList,
          ...changes
        } = input as typeof input & { contacts?: ContactInput[] };
        const patch = definedOnly(changes);
        if (patch.dealerId !== undefined) patch.dealerId = dealerFor(ctx, patch.dealerId as string | null);
        const row = await updateVersioned(tx, {
          table: customers,
          entity: 'customer',
          id,
          version,
          patch,
          at: ctx.clock.now(),
        });
        const contacts = contactList
          ? await dal.replaceContacts(tx, id, normaliseContacts(contactList))
          : beforeContacts;
        await writeAudit(tx, ctx, {
          action: 'update',
          entity: 'customer',
          entityId: id,
          before: { ...before, contacts: beforeContacts },
          after: { ...row, contacts },
        });
        return toCustomerDto(row, contacts);
      });
    },

    /** Closed or bankrupt customers are archived, never deleted: their history stays readable. */
    archive: async (ctx: Ctx, id: string, input: Static<typeof ArchiveCustomerBody>) => {
      assertCan(ctx.actor, 'customer.write');
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id);
        if (before.status === 'archived') throw fieldError('status', 'is already archived');
        const now = ctx.clock.now();
        const row = await updateVersioned(tx, {
          table: customers,
          entity: 'customer',
          id,
          version: input.version,
          patch: { status: 'archived', archivedAt: now, archivedReason: input.reason },
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'archive',
          entity: 'customer',
          entityId: id,
          before,
          after: row,
        });
        return toCustomerDto(row, await dal.contactsOf(tx, [id]));
      });
    },
  };
};

export type CustomersService = ReturnType<typeof customersService>;
