import type { Static } from '@sinclair/typebox';
import type { Db, Executor } from '../../db/client.ts';
import { slaPolicies } from '../../db/schema/sla.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import type { CalendarsApi } from '../calendars/index.ts';
import * as dal from './sla-dal.ts';
import type { CreateSlaPolicyBody, Metric, UpdateSlaPolicyBody } from './sla-schemas.ts';

export type AppliesTo = { types: string[]; channels: string[]; grades: string[]; urgent: boolean | null };
export type Target = { metric: Metric; minutes: number; clause: string | null };
export type EscalationStep = {
  metric: Metric;
  percent: number;
  level: number;
  notifyRoles: string[];
  clause: string | null;
};

/** Stored JSON in its full shape (optional parts filled), as every reader expects it. */
export const policyTerms = (p: dal.SlaPolicyRow) => {
  const a = p.appliesTo as Partial<AppliesTo>;
  return {
    appliesTo: {
      types: a.types ?? [],
      channels: a.channels ?? [],
      grades: a.grades ?? [],
      urgent: a.urgent ?? null,
    } satisfies AppliesTo,
    targets: (p.targets as Target[]).map((t) => ({ ...t, clause: t.clause ?? null })),
    escalations: (p.escalations as EscalationStep[]).map((e) => ({ ...e, clause: e.clause ?? null })),
  };
};

const toDto = ({ policy, calendarName }: { policy: dal.SlaPolicyRow; calendarName: string | null }) => ({
  ...policy,
  ...policyTerms(policy),
  calendarName,
  createdAt: policy.createdAt.toISOString(),
  updatedAt: policy.updatedAt.toISOString(),
});

const checkTerms = async (
  calendars: Pick<CalendarsApi, 'findCalendar'>,
  tx: Executor,
  input: { calendarId?: string; targets?: { metric: string }[]; escalations?: { metric: string }[] },
  current?: dal.SlaPolicyRow,
) => {
  if (input.calendarId && !(await calendars.findCalendar(tx, input.calendarId)))
    throw fieldError('calendarId', 'refers to a record that does not exist');
  const targets = input.targets ?? (current?.targets as { metric: string }[]) ?? [];
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.metric)) throw fieldError(`targets[${i}].metric`, 'appears twice');
    seen.add(t.metric);
  });
  (input.escalations ?? []).forEach((e, i) => {
    if (!seen.has(e.metric)) throw fieldError(`escalations[${i}].metric`, 'has no target in this policy');
  });
};

/**
 * SPEC §4: the shipped policies are defaults, so a policy created without an explicit priority takes
 * precedence over them for the tickets it applies to. Lower wins; the shipped ones are 10–1000.
 */
export const CREATED_POLICY_PRIORITY = 0;

export const slaService = ({
  db,
  jobs,
  calendars,
}: {
  db: Db;
  jobs: Jobs;
  calendars: Pick<CalendarsApi, 'findCalendar'>;
}) => ({
  list: async (ctx: Ctx) => {
    assertCan(ctx.actor, 'sla.read');
    return { items: (await dal.listPolicies(db)).map(toDto) };
  },

  get: async (ctx: Ctx, id: string) => {
    assertCan(ctx.actor, 'sla.read');
    const row = await dal.findPolicy(db, id);
    if (!row) throw notFound('sla_policy', id);
    return toDto(row);
  },

  create: async (ctx: Ctx, input: Static<typeof CreateSlaPolicyBody>) => {
    assertCan(ctx.actor, 'sla.write');
    const now = ctx.clock.now();
    return db.transaction(async (tx) => {
      await checkTerms(calendars, tx, input);
      const row = await dal.insertPolicy(tx, {
        ...input,
        priority: input.priority ?? CREATED_POLICY_PRIORITY,
        escalations: input.escalations ?? [],
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, { action: 'create', entity: 'sla_policy', entityId: row.id, after: row });
      return toDto((await dal.findPolicy(tx, row.id))!);
    });
  },

  update: async (ctx: Ctx, id: string, input: Static<typeof UpdateSlaPolicyBody>) => {
    assertCan(ctx.actor, 'sla.write');
    const { version, ...rest } = input;
    const dto = await db.transaction(async (tx) => {
      const before = await dal.findPolicy(tx, id);
      if (!before) throw notFound('sla_policy', id);
      await checkTerms(
        calendars,
        tx,
        { ...rest, escalations: rest.escalations ?? (before.policy.escalations as EscalationStep[]) },
        before.policy,
      );
      const after = await updateVersioned(tx, {
        table: slaPolicies,
        entity: 'sla_policy',
        id,
        version,
        patch: definedOnly(rest),
        at: ctx.clock.now(),
      });
      await writeAudit(tx, ctx, {
        action: 'update',
        entity: 'sla_policy',
        entityId: id,
        before: before.policy,
        after,
      });
      return toDto((await dal.findPolicy(tx, id))!);
    });
    await jobs.enqueue('sla-recompute', {
      policyId: id,
      reason: `时限政策「${dto.name}」已修改（版本 ${dto.version}）`,
    });
    return dto;
  },
});

export type SlaService = ReturnType<typeof slaService>;
