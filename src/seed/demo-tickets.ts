import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { assets, tickets, users } from '../db/schema/index.ts';
import type { TicketServices } from '../modules/tickets/index.ts';
import type { Clock } from '../platform/clock.ts';
import { type Actor, PERMISSION_CODES } from '../platform/permissions.ts';

// A few service requests for the demo, registered through the real use case (policies, clocks,
// entitlement snapshot), so the desk queue and the customer portal have something to show.
export const loadDemoTickets = async (opts: { db: Db; clock: Clock; services: TicketServices }) => {
  const [desk] = await opts.db.select().from(users).where(eq(users.username, 'desk'));
  const [engineer] = await opts.db.select().from(users).where(eq(users.username, 'engineer'));
  const units = await opts.db.select().from(assets).limit(3);
  if (!desk || !engineer || units.length === 0) return;
  const actor: Actor = {
    userId: desk.id,
    username: desk.username,
    displayName: desk.displayName,
    roleCode: 'desk',
    scope: 'all',
    permissions: new Set(PERMISSION_CODES),
    departmentId: desk.departmentId,
    serviceCentreId: null,
    dealerId: null,
    customerId: null,
    sessionId: 'demo',
  };
  const ctx = { actor, requestId: 'demo', ip: null, clock: opts.clock };
  const hoursAgo = (h: number) => new Date(opts.clock.now().getTime() - h * 3_600_000).toISOString();
  const samples = [
    { type: 'repair', channel: 'phone', description: '动臂下沉，液压油管接头渗油', hours: 30 },
    { type: 'maintenance', channel: 'web', description: '申请 500 小时定期保养', hours: 3 },
    { type: 'consultation', channel: 'email', description: '询问破碎锤加装后的保修条件', hours: 1 },
  ] as const;
  // A start that died in this stage made some of them already: those are kept, not made twice.
  const made = await opts.db
    .select()
    .from(tickets)
    .where(
      inArray(
        tickets.description,
        samples.map((s) => s.description),
      ),
    );
  for (const [i, s] of samples.entries()) {
    const unit = units[i % units.length]!;
    const t =
      made.find((m) => m.description === s.description) ??
      (await opts.services.tickets.create(ctx, {
        customerId: unit.customerId,
        assetId: unit.id,
        channel: s.channel,
        type: s.type,
        description: s.description,
        reportedAt: hoursAgo(s.hours),
      }));
    if (i === 0 && t.status === 'new')
      await opts.services.workflow.assign(ctx, t.id, {
        userId: engineer.id,
        note: '请尽快联系客户',
        version: t.version,
      });
  }
};
