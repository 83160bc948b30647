import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { dealers, departments, serviceCentres, users } from '../db/schema/index.ts';
import { type RequestContext, writeAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import { hashPassword } from '../platform/passwords.ts';
import { loadDemoAssets } from './demo-assets.ts';
import { loadDemoParts } from './demo-parts.ts';
import { DEMO_STAGES, type DemoStage, demoStagesDone, markDemoStage } from './demo-progress.ts';

export const DEMO_PASSWORD = 'Demo@2026!';

const DEPARTMENTS = [
  { code: 'SALES', name: '销售分公司', nameEn: 'Sales branch' },
  { code: 'TECH', name: '技术部', nameEn: 'Technical department' },
  { code: 'QA', name: '质管部', nameEn: 'Quality department' },
  { code: 'FIN', name: '财务部', nameEn: 'Finance department' },
  { code: 'SVC', name: '售后服务部', nameEn: 'After-sales service department' },
];

const CENTRES = [
  {
    code: 'SC-EAST',
    name: '华东服务中心',
    region: '华东',
    address: '上海市嘉定区安亭镇墨玉路 88 号',
    phone: '021-69570000',
  },
  {
    code: 'SC-SOUTH',
    name: '华南服务中心',
    region: '华南',
    address: '广州市番禺区石楼镇 168 号',
    phone: '020-34560000',
  },
];

const DEALERS = [
  {
    code: 'D-JS01',
    name: '江苏恒通工程机械有限公司',
    regions: ['江苏', '上海'],
    contactName: '王建国',
    phone: '025-52880000',
    address: '南京市江宁区',
  },
  {
    code: 'D-GD01',
    name: '广东粤力机械设备有限公司',
    regions: ['广东', '广西'],
    contactName: '陈志强',
    phone: '020-87650000',
    address: '广州市白云区',
  },
];

// One user per role (SPEC §1); two dealers so the data scope can be tried by hand.
const USERS: Array<{
  username: string;
  displayName: string;
  roleCode: string;
  dept?: string;
  centre?: string;
  dealer?: string;
}> = [
  { username: 'manager', displayName: '赵经理', roleCode: 'manager', dept: 'SVC' },
  { username: 'desk', displayName: '李客服', roleCode: 'desk', dept: 'SVC' },
  { username: 'engineer', displayName: '张工', roleCode: 'engineer', dept: 'SVC', centre: 'SC-EAST' },
  { username: 'technical', displayName: '孙工（技术部）', roleCode: 'technical', dept: 'TECH' },
  { username: 'quality', displayName: '周质管', roleCode: 'quality', dept: 'QA' },
  { username: 'finance', displayName: '吴会计', roleCode: 'finance', dept: 'FIN' },
  { username: 'dealer', displayName: '王建国（恒通）', roleCode: 'dealer', dealer: 'D-JS01' },
  { username: 'dealer2', displayName: '陈志强（粤力）', roleCode: 'dealer', dealer: 'D-GD01' },
  { username: 'customer', displayName: '客户演示账号', roleCode: 'customer' },
];

export type DemoLoad = {
  logins: Array<{ username: string; password: string; role: string }>;
  /** The stages still to run through the real use cases once the app is up. */
  pending: DemoStage[];
};

/**
 * Loads the demo's base records into an empty database, or finds a load that an earlier start
 * began; returns the demo logins and the stages still to run, or null when there is nothing to do
 * (the demo is complete, or the database holds data of its own).
 */
export const loadDemo = async (opts: { db: Db; clock: Clock }): Promise<DemoLoad | null> => {
  const { db } = opts;
  let done = await demoStagesDone(db);
  if (done === null) {
    if (Number((await db.select({ n: count() }).from(departments))[0]?.n ?? 0) > 0) return null;
    await loadDemoBase(opts);
    done = ['base'];
  }
  const pending = DEMO_STAGES.filter((s) => !done.includes(s));
  if (pending.length === 0) return null;
  return {
    logins: USERS.map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.roleCode })),
    pending,
  };
};

const loadDemoBase = async (opts: { db: Db; clock: Clock }) => {
  const { db, clock } = opts;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx: RequestContext = { actor: null, requestId: 'demo', ip: null, clock };
  return db.transaction(async (tx) => {
    const now = clock.now();
    const stamp = { createdAt: now, updatedAt: now };
    const audit = (entity: string, row: { id: string }) =>
      writeAudit(tx, ctx, { action: 'create', entity, entityId: row.id, actorName: 'demo', after: row });
    const deptIds = new Map<string, string>();
    for (const d of DEPARTMENTS) {
      const [row] = await tx
        .insert(departments)
        .values({ ...d, ...stamp })
        .returning();
      deptIds.set(d.code, row!.id);
      await audit('department', row!);
    }
    const centreIds = new Map<string, string>();
    for (const c of CENTRES) {
      const [row] = await tx
        .insert(serviceCentres)
        .values({ ...c, ...stamp })
        .returning();
      centreIds.set(c.code, row!.id);
      await audit('service_centre', row!);
    }
    const dealerIds = new Map<string, string>();
    for (const d of DEALERS) {
      const [row] = await tx
        .insert(dealers)
        .values({ ...d, ...stamp })
        .returning();
      dealerIds.set(d.code, row!.id);
      await audit('dealer', row!);
    }
    for (const u of USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          roleCode: u.roleCode,
          passwordHash,
          departmentId: u.dept ? deptIds.get(u.dept) : null,
          serviceCentreId: u.centre ? centreIds.get(u.centre) : null,
          dealerId: u.dealer ? dealerIds.get(u.dealer) : null,
          passwordChangedAt: now,
          ...stamp,
        })
        .returning();
      await audit('user', row!);
    }
    const { portalCustomerId } = await loadDemoAssets(tx, { now, dealerIds });
    await loadDemoParts(tx, { now, centreIds, dealerIds });
    await tx.update(users).set({ customerId: portalCustomerId }).where(eq(users.username, 'customer'));
    await markDemoStage(tx, 'base', now);
  });
};
