import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { engineers } from '../../db/schema/field.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import type { CalendarsApi } from '../calendars/index.ts';
import type { OrgApi } from '../org/index.ts';
import type { UsersApi } from '../users/index.ts';
import * as dal from './engineers-dal.ts';
import type { CreateEngineerBody, ListEngineersQuery, UpdateEngineerBody } from './engineers-schemas.ts';

const ALL = { kind: 'all' } as const;

const toDto = (r: dal.EngineerListRow, openOrders: number) => ({
  ...r.engineer,
  username: r.username,
  dealerName: r.dealerName,
  serviceCentreName: r.serviceCentreName,
  openOrders,
  createdAt: r.engineer.createdAt.toISOString(),
  updatedAt: r.engineer.updatedAt.toISOString(),
});

type Refs = {
  userId?: string | null;
  dealerId?: string | null;
  serviceCentreId?: string | null;
  calendarId?: string | null;
};

/** The other modules' reads an engineer's references are checked with. */
export type EngineerRefs = {
  users: Pick<UsersApi, 'findUser'>;
  org: Pick<OrgApi, 'findOrg'>;
  calendars: Pick<CalendarsApi, 'findCalendar'>;
};

/** Referenced records must exist; a dealer's user can only keep engineers of its own dealer. */
const checkRefs = async (
  { users, org, calendars }: EngineerRefs,
  tx: Executor,
  actor: Actor,
  input: Refs,
) => {
  if (input.userId && !(await users.findUser(tx, input.userId, ALL)))
    throw fieldError('userId', 'refers to a user that does not exist');
  if (input.dealerId && !(await org.findOrg(tx, 'dealer', input.dealerId, ALL)))
    throw fieldError('dealerId', 'refers to a dealer that does not exist');
  if (input.serviceCentreId && !(await org.findOrg(tx, 'service_centre', input.serviceCentreId, ALL)))
    throw fieldError('serviceCentreId', 'refers to a service centre that does not exist');
  if (input.calendarId && !(await calendars.findCalendar(tx, input.calendarId)))
    throw fieldError('calendarId', 'refers to a calendar that does not exist');
  // Refused, never replaced by the caller's own (as customers answer).
  if (actor.scope === 'dealer' && input.dealerId !== undefined && input.dealerId !== actor.dealerId)
    throw fieldError('dealerId', 'is outside your data scope');
};

export const engineersService = ({ db, ...refs }: { db: Db } & EngineerRefs) => {
  const get = async (ctx: Ctx, id: string, exec: Executor = db) => {
    assertCan(ctx.actor, 'engineer.read');
    const row = await dal.findEngineer(exec, id, scopeFilter(ctx.actor));
    if (!row) throw notFound('engineer', id);
    const loads = await dal.openLoads(exec, [id]);
    return toDto(row, loads.get(id) ?? 0);
  };

  return {
    get,
    list: async (ctx: Ctx, q: Static<typeof ListEngineersQuery>) => {
      assertCan(ctx.actor, 'engineer.read');
      const r = await dal.listEngineers(db, { ...q, scope: scopeFilter(ctx.actor) });
      const loads = await dal.openLoads(
        db,
        r.items.map((i) => i.engineer.id),
      );
      return { items: r.items.map((i) => toDto(i, loads.get(i.engineer.id) ?? 0)), total: r.total };
    },

    create: async (ctx: Ctx, input: Static<typeof CreateEngineerBody>) => {
      assertCan(ctx.actor, 'engineer.write');
      // A dealer's engineer is the dealer's own; naming another dealer is refused in checkRefs.
      const values = {
        ...input,
        dealerId: ctx.actor.scope === 'dealer' ? (input.dealerId ?? ctx.actor.dealerId) : input.dealerId,
      };
      const id = await db.transaction(async (tx) => {
        await checkRefs(refs, tx, ctx.actor, values);
        if (values.userId && (await dal.engineerOfUser(tx, values.userId)))
          throw fieldError('userId', 'already belongs to another engineer');
        const row = await dal.insertEngineer(tx, { ...values, name: values.name.trim() });
        await writeAudit(tx, ctx, { action: 'create', entity: 'engineer', entityId: row.id, after: row });
        return row.id;
      });
      return get(ctx, id);
    },

    update: async (ctx: Ctx, id: string, input: Static<typeof UpdateEngineerBody>) => {
      assertCan(ctx.actor, 'engineer.write');
      await db.transaction(async (tx) => {
        const before = await dal.findEngineer(tx, id, scopeFilter(ctx.actor));
        if (!before) throw notFound('engineer', id);
        const { version, ...patch } = input;
        await checkRefs(refs, tx, ctx.actor, patch);
        if (
          patch.userId &&
          patch.userId !== before.engineer.userId &&
          (await dal.engineerOfUser(tx, patch.userId))
        )
          throw fieldError('userId', 'already belongs to another engineer');
        const after = await updateVersioned(tx, {
          table: engineers,
          entity: 'engineer',
          id,
          version,
          patch: definedOnly(patch),
          at: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, {
          action: 'update',
          entity: 'engineer',
          entityId: id,
          before: before.engineer,
          after,
        });
      });
      return get(ctx, id);
    },
  };
};

export type EngineersService = ReturnType<typeof engineersService>;
