import type { Executor } from '../db/client.ts';
import { auditLog } from '../db/schema/audit.ts';
import type { Clock } from './clock.ts';
import type { Actor } from './permissions.ts';

/** Who is acting and where the request came from; passed from routes into every service call. */
export type RequestContext = {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  clock: Clock;
};

/** The context of a service call made by a logged-in user: the one `Ctx` every module uses. */
export type Ctx = RequestContext & { actor: Actor };

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** For writes without a logged-in actor (a failed login names the username tried). */
  actorName?: string;
  actorId?: string | null;
};

// Never copy secrets into the log.
const REDACTED = new Set(['passwordHash', 'password', 'tokenHash', 'token']);

const redact = (value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!REDACTED.has(k)) out[k] = redact(v);
    return out;
  }
  return value;
};

/** Appends one audit row; call it with the transaction that makes the change. */
export const writeAudit = async (tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> => {
  await tx.insert(auditLog).values({
    at: ctx.clock.now(),
    actorId: entry.actorId !== undefined ? entry.actorId : (ctx.actor?.userId ?? null),
    actorName: entry.actorName ?? ctx.actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
};

/** Many audit rows in one statement (bulk imports); same transaction rule as writeAudit. */
export const writeAuditMany = async (
  tx: Executor,
  ctx: RequestContext,
  entries: AuditEntry[],
): Promise<void> => {
  if (entries.length === 0) return;
  const at = ctx.clock.now();
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      at,
      actorId: e.actorId !== undefined ? e.actorId : (ctx.actor?.userId ?? null),
      actorName: e.actorName ?? ctx.actor?.username ?? null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: redact(e.before),
      after: redact(e.after),
      requestId: ctx.requestId,
      ip: ctx.ip,
    })),
  );
};
