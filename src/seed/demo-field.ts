import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  calendars,
  dealers,
  engineers as engineerRows,
  serviceCentres,
  tickets,
  users,
  workOrders,
} from '../db/schema/index.ts';
import type { EngineersService } from '../modules/engineers/index.ts';
import { localToday, type WorkOrderServices } from '../modules/work-orders/index.ts';
import type { Clock } from '../platform/clock.ts';
import { type Actor, PERMISSION_CODES } from '../platform/permissions.ts';

// Demo engineers (the `engineer` login is 张工) and two work orders for the demo tickets: one
// dispatched to 张工 for today, one waiting on the dispatch board. Created through the real use cases.
export const loadDemoField = async (opts: {
  db: Db;
  clock: Clock;
  field: WorkOrderServices;
  engineers: Pick<EngineersService, 'create'>;
}) => {
  const { db } = opts;
  const [desk] = await db.select().from(users).where(eq(users.username, 'desk'));
  const [engineer] = await db.select().from(users).where(eq(users.username, 'engineer'));
  if (!desk || !engineer) return;
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
  const [centre] = await db.select().from(serviceCentres).limit(1);
  const [dealer] = await db.select().from(dealers).where(eq(dealers.code, 'D-JS01'));
  const [onsite] = await db.select().from(calendars).where(eq(calendars.code, 'onsite'));
  const { engineers } = opts;
  // Skips what a start that died in this stage made already.
  const existing = new Map((await db.select().from(engineerRows)).map((e) => [e.name, e]));
  const ensure = async (input: Parameters<typeof engineers.create>[1]) =>
    existing.get(input.name) ?? (await engineers.create(ctx, input));
  const zhang = await ensure({
    name: '张工',
    userId: engineer.id,
    phone: '13800000011',
    trade: 'hydraulic',
    skills: ['挖掘机'],
    regions: ['江苏', '上海'],
    serviceCentreId: centre?.id ?? null,
    calendarId: onsite?.id ?? null,
  });
  const others = [
    { name: '刘工', trade: 'electrical', skills: ['挖掘机'], regions: ['江苏'], phone: '13800000012' },
    {
      name: '黄工',
      trade: 'mechanical',
      skills: ['挖掘机', '装载机'],
      regions: ['广东', '广西'],
      phone: '13800000013',
    },
    { name: '陈工', trade: 'general', skills: ['挖掘机'], regions: ['广东'], phone: '13800000014' },
  ];
  for (const o of others)
    await ensure({
      ...o,
      serviceCentreId: centre?.id ?? null,
      calendarId: onsite?.id ?? null,
    });
  if (dealer)
    await ensure({
      name: '恒通-吴师傅',
      trade: 'hydraulic',
      skills: ['挖掘机'],
      regions: ['江苏'],
      dealerId: dealer.id,
      phone: '13800000015',
    });
  const demoTickets = await db.select().from(tickets).orderBy(tickets.createdAt).limit(2);
  const today = localToday(opts.clock.now());
  const ordered = new Set(
    (
      await db
        .select({ ticketId: workOrders.ticketId })
        .from(workOrders)
        .where(
          inArray(
            workOrders.ticketId,
            demoTickets.map((t) => t.id),
          ),
        )
    ).map((w) => w.ticketId),
  );
  if (demoTickets[0] && !ordered.has(demoTickets[0].id))
    await opts.field.create(ctx, demoTickets[0].id, {
      task: '现场检查动臂油缸及油管接头渗油，必要时更换密封件',
      trade: 'hydraulic',
      plannedDate: today,
      engineerIds: [zhang.id],
    });
  if (demoTickets[1] && !ordered.has(demoTickets[1].id))
    await opts.field.create(ctx, demoTickets[1].id, { task: '500 小时定期保养', trade: 'mechanical' });
};
