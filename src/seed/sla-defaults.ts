import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { calendars, slaPolicies } from '../db/schema/index.ts';
import { chinaHolidayDates, DEFAULT_CALENDARS, defaultCalendarSpec } from '../domain/sla/china-holidays.ts';
import { type RequestContext, writeAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';

// The service calendars of SPEC §2.4 and the seeds' service promises as SLA policies, created once on
// a new installation (admins edit them afterwards; a later start never overwrites their edits).

const LOCK = 7_231_006;

type PolicySeed = {
  name: string;
  calendar: string;
  priority: number;
  appliesTo: { types: string[]; channels: string[]; grades: string[]; urgent: boolean | null };
  targets: { metric: string; minutes: number; clause: string }[];
  escalations: { metric: string; percent: number; level: number; notifyRoles: string[]; clause: string }[];
  clause: string;
};

const POLICIES: PolicySeed[] = [
  {
    name: '邮件咨询：1 个工作小时内回复',
    calendar: 'email_remote',
    priority: 10,
    appliesTo: { types: ['consultation'], channels: ['email'], grades: [], urgent: null },
    targets: [{ metric: 'firstResponse', minutes: 60, clause: '售后服务政策 第二篇 服务方式' }],
    escalations: [
      {
        metric: 'firstResponse',
        percent: 100,
        level: 1,
        notifyRoles: ['desk'],
        clause: '邮件 1 个工作小时内答复',
      },
    ],
    clause: '售后服务政策：邮件问题原因明确的 1 个工作小时内答复，不明确的 1 个工作小时内电话联系',
  },
  {
    name: '三包报修：2 小时安排、4 小时督办、24 小时排除',
    calendar: 'standard',
    priority: 20,
    appliesTo: { types: ['repair', 'maintenance', 'return'], channels: [], grades: [], urgent: null },
    targets: [
      { metric: 'firstResponse', minutes: 240, clause: '篇六 4 小时内电话响应' },
      { metric: 'arrange', minutes: 120, clause: '篇三 接到三包请求 2 小时内安排' },
      { metric: 'resolve', minutes: 1440, clause: '篇六 24 小时内排除故障' },
    ],
    escalations: [
      { metric: 'arrange', percent: 100, level: 1, notifyRoles: ['desk'], clause: '篇三 2 小时内安排' },
      {
        metric: 'arrange',
        percent: 200,
        level: 2,
        notifyRoles: ['manager'],
        clause: '篇三 4 小时督查，未办理的上报管理层',
      },
      {
        metric: 'resolve',
        percent: 100,
        level: 2,
        notifyRoles: ['manager'],
        clause: '篇六 24 小时内排除故障',
      },
    ],
    clause: '产品售后服务管理规定 篇三、篇六',
  },
  {
    name: '安装调试：预约后 3 天内到场',
    calendar: 'onsite',
    priority: 30,
    appliesTo: { types: ['installation', 'training'], channels: [], grades: [], urgent: null },
    targets: [
      { metric: 'arrange', minutes: 120, clause: '篇三 2 小时内安排' },
      { metric: 'onsite', minutes: 3 * 9 * 60, clause: '第二篇 接到预约通知 3 天内到达现场' },
    ],
    escalations: [
      {
        metric: 'onsite',
        percent: 100,
        level: 1,
        notifyRoles: ['desk', 'manager'],
        clause: '3 天内到达现场',
      },
    ],
    clause: '售后服务政策 第二篇 安装调试',
  },
  {
    name: '客户投诉：72 小时内反馈纠正措施',
    calendar: 'always',
    priority: 40,
    appliesTo: { types: ['complaint'], channels: [], grades: [], urgent: null },
    targets: [
      { metric: 'firstResponse', minutes: 240, clause: '4 小时内响应' },
      { metric: 'resolve', minutes: 72 * 60, clause: '第四篇 4.6.4 72 小时内向顾客反馈纠正措施' },
    ],
    escalations: [
      { metric: 'resolve', percent: 75, level: 1, notifyRoles: ['quality'], clause: '4.6.4 反馈期限预警' },
      {
        metric: 'resolve',
        percent: 100,
        level: 2,
        notifyRoles: ['manager', 'quality'],
        clause: '4.6.4 72 小时',
      },
    ],
    clause: '顾客服务管理 第四篇 4.6.4',
  },
  {
    name: '一般服务请求',
    calendar: 'hotline',
    priority: 1000,
    appliesTo: { types: [], channels: [], grades: [], urgent: null },
    targets: [
      { metric: 'firstResponse', minutes: 240, clause: '篇六 4 小时内响应' },
      { metric: 'resolve', minutes: 1440, clause: '篇六 24 小时内处理' },
    ],
    escalations: [
      { metric: 'firstResponse', percent: 100, level: 1, notifyRoles: ['desk'], clause: '4 小时内响应' },
    ],
    clause: '产品售后服务管理规定 篇六',
  },
];

export const seedServiceDefaults = async (opts: { db: Db; clock: Clock }) => {
  const ctx: RequestContext = { actor: null, requestId: 'bootstrap', ip: null, clock: opts.clock };
  await opts.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
    const have = new Set((await tx.select({ code: calendars.code }).from(calendars)).map((c) => c.code));
    if (have.size > 0) return;
    const now = opts.clock.now();
    const china = chinaHolidayDates();
    const ids = new Map<string, string>();
    for (const def of DEFAULT_CALENDARS) {
      const spec = defaultCalendarSpec(def);
      const [row] = await tx
        .insert(calendars)
        .values({
          code: def.code,
          name: def.name,
          ...spec,
          dayNames: def.observesHolidays
            ? Object.fromEntries([...spec.holidays, ...spec.workdays].map((d) => [d, china.names[d] ?? '']))
            : {},
          holidayYears: def.observesHolidays ? china.years : [],
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      ids.set(def.code, row!.id);
      await writeAudit(tx, ctx, {
        action: 'create',
        entity: 'calendar',
        entityId: row!.id,
        actorName: 'system',
        after: { code: def.code, name: def.name },
      });
    }
    for (const p of POLICIES) {
      const [row] = await tx
        .insert(slaPolicies)
        .values({ ...p, calendarId: ids.get(p.calendar)!, createdAt: now, updatedAt: now })
        .returning();
      await writeAudit(tx, ctx, {
        action: 'create',
        entity: 'sla_policy',
        entityId: row!.id,
        actorName: 'system',
        after: row,
      });
    }
  });
};
