import type { Db } from '../../db/client.ts';
import { defaultPeriod, localDate, periodRange, type ReportKind } from '../../domain/reports/periods.ts';
import { type Ctx, type RequestContext, writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import type { DashboardService } from './dashboard-service.ts';
import { reportContent, summaryLines } from './report-content.ts';
import * as dal from './report-runs-dal.ts';
import type { StatsService } from './stats-service.ts';

export const REPORT_TITLES: Record<ReportKind, string> = {
  daily_problems: '每日问题客户清单',
  weekly_satisfaction: '每周满意度报告',
  monthly: '月度售后服务报告',
};

/** A "running" run older than this was left by a worker that died; the next caller takes it over. */
const STALE_MS = 30 * 60_000;

const dto = <T extends Partial<dal.RunRow>>(r: T) => ({
  ...r,
  startedAt: r.startedAt!.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** Stored reports are company-wide, so only all-scope staff read, run or subscribe to them. */
const assertStaff = (actor: Actor) => {
  assertCan(actor, 'report.read');
  if (actor.scope !== 'all')
    throw new AppError('forbidden', { details: { permission: 'report.read', scope: 'all' } });
};

export const reportsService = (deps: {
  db: Db;
  clock: Clock;
  notifications: NotificationsApi;
  dashboard: DashboardService;
  stats: StatsService;
}) => {
  const { db, clock, notifications, stats } = deps;
  const contents = reportContent(deps);

  /**
   * Runs one report for one period: claims (kind, period) first, so with several workers exactly one
   * computes it; stores the data; tells the subscribers (bell + e-mail, deduplicated per period).
   * Returns null when another worker has it or it is already done.
   */
  const execute = async (ctx: RequestContext, kind: ReportKind, period: string, rerun: boolean) => {
    const range = periodRange(kind, period);
    if (!range) throw fieldError('period', `is not a ${kind} period`);
    const now = clock.now();
    if (range.from > localDate(now)) throw fieldError('period', 'is in the future');
    const claim = await dal.claimRun(db, {
      kind,
      period,
      now,
      staleBefore: new Date(now.getTime() - STALE_MS),
      rerun,
    });
    if (!claim) return null;
    const t0 = performance.now();
    try {
      // The month's figures come from the summary tables: bring them up to date first (today and
      // yesterday, and any days the 5-minute job missed).
      if (kind === 'monthly') await stats.refresh();
      const data = await contents.build(kind, range, now);
      const subs = claim.notify ? await dal.subscribers(db, kind) : [];
      const { run, deliveries } = await db.transaction(async (tx) => {
        const title = `【报表】${REPORT_TITLES[kind]} ${period}`;
        const deliveries = subs.length
          ? await notifications.notify(tx, {
              userIds: subs.map((s) => s.id),
              kind: 'report',
              title,
              body: summaryLines(kind, data).join('\n'),
              link: `/reports/${claim.run.id}`,
              dedupeKey: `report:${kind}:${period}`,
            })
          : [];
        const [run] = await dal.finishRun(tx, claim.run.id, {
          status: 'done',
          data,
          finishedAt: clock.now(),
          durationMs: Math.round(performance.now() - t0),
          emailedTo: subs.flatMap((s) => (s.email ? [s.email] : [])),
          error: null,
        });
        if (ctx.actor)
          await writeAudit(tx, ctx, {
            action: 'report_run',
            entity: 'report_run',
            entityId: run!.id,
            after: { kind, period },
          });
        return { run: run!, deliveries };
      });
      await notifications.deliverSoon(deliveries);
      return run;
    } catch (err) {
      await dal.finishRun(db, claim.run.id, {
        status: 'failed',
        error: (err as Error).message.slice(0, 500),
        finishedAt: clock.now(),
        durationMs: Math.round(performance.now() - t0),
      });
      throw err;
    }
  };

  const jobCtx = (): RequestContext => ({ actor: null, requestId: 'job', ip: null, clock });

  return {
    /** The scheduled job: the period that just ended unless one is named; runs once per period. */
    runScheduled: async (kind: ReportKind, period?: string) => {
      const run = await execute(jobCtx(), kind, period ?? defaultPeriod(kind, clock.now()), false);
      return run ? { id: run.id, status: run.status } : 'skipped';
    },

    /** "Run now": computes again even when the period is done (its subscribers were told already). */
    runNow: async (ctx: Ctx, kind: ReportKind, body: { period?: string }) => {
      assertStaff(ctx.actor);
      assertCan(ctx.actor, 'report.run');
      const run = await execute(ctx, kind, body.period ?? defaultPeriod(kind, clock.now()), true);
      if (!run) throw new AppError('duplicate', { message: 'this report is being computed right now' });
      return dto(run);
    },

    list: async (ctx: Ctx, q: { kind?: ReportKind }) => {
      assertStaff(ctx.actor);
      return { items: (await dal.listRuns(db, q.kind)).map(dto) };
    },

    get: async (ctx: Ctx, id: string) => {
      assertStaff(ctx.actor);
      const run = await dal.getRun(db, id);
      if (!run) throw notFound('report', id);
      return dto(run);
    },

    subscriptions: async (ctx: Ctx) => {
      assertStaff(ctx.actor);
      return { kinds: (await dal.subscriptionsOf(db, ctx.actor.userId)) as ReportKind[] };
    },

    setSubscriptions: async (ctx: Ctx, kinds: ReportKind[]) => {
      assertStaff(ctx.actor);
      return db.transaction(async (tx) => {
        const before = await dal.subscriptionsOf(tx, ctx.actor.userId);
        await dal.setSubscriptions(tx, ctx.actor.userId, kinds, ctx.clock.now());
        const after = (await dal.subscriptionsOf(tx, ctx.actor.userId)) as ReportKind[];
        await writeAudit(tx, ctx, {
          action: 'update',
          entity: 'report_subscription',
          entityId: ctx.actor.userId,
          before: { kinds: before },
          after: { kinds: after },
        });
        return { kinds: after };
      });
    },

    refreshNow: async (ctx: Ctx) => {
      assertStaff(ctx.actor);
      assertCan(ctx.actor, 'report.run');
      return stats.refresh();
    },
  };
};

export type ReportsService = ReturnType<typeof reportsService>;
