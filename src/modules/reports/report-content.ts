import type { Db } from '../../db/client.ts';
import { yuan } from '../../domain/reports/figures.ts';
import type { DateRange, ReportKind } from '../../domain/reports/periods.ts';
import { endOfRange, startOfLocalDay } from '../../domain/reports/periods.ts';
import { mergeProblems, scoreLine } from '../../domain/reports/problems.ts';
import * as content from './content-dal.ts';
import { type DashboardService, filterOf, snapshot } from './dashboard-service.ts';

// What each scheduled report contains (stored as its run's data) and the few lines its e-mail says.

/** Open tickets due within this window count as "at risk" on the daily list. */
const AT_RISK_MS = 4 * 3_600_000;
/** The stored list keeps the worst customers; the totals still count everyone. */
const MAX_CUSTOMERS = 500;

const daily = (db: Db, range: DateRange, now: Date) =>
  snapshot(db, async (tx) => {
    const tickets = await content.ticketsAtRisk(tx, now, AT_RISK_MS);
    const visits = await content.unhappyVisits(tx, startOfLocalDay(range.from), endOfRange(range));
    const complaints = await content.openComplaints(tx, now);
    const customers = mergeProblems({ tickets, visits, complaints });
    const sum = (rows: content.ProblemRow[], f: (r: content.ProblemRow) => number) =>
      rows.reduce((s, r) => s + f(r), 0);
    return {
      asOf: now.toISOString(),
      totals: {
        customers: customers.length,
        slaOverdue: sum(tickets, (r) => r.overdue),
        slaAtRisk: sum(tickets, (r) => r.n - r.overdue),
        unhappyVisits: sum(visits, (r) => r.n),
        openComplaints: sum(complaints, (r) => r.n),
      },
      customers: customers.slice(0, MAX_CUSTOMERS),
    };
  });

const weekly = (db: Db, range: DateRange) =>
  snapshot(db, async (tx) => {
    const start = startOfLocalDay(range.from);
    const end = endOfRange(range);
    const part = async (source: 'visit' | 'survey') => {
      const byEngineer = await content.scoresBy(tx, source, 'engineer', start, end);
      const byDealer = await content.scoresBy(tx, source, 'dealer', start, end);
      const total = {
        id: null,
        name: null,
        answered: 0,
        scored: 0,
        scoreX100Sum: 0,
        unhappy: 0,
        npsAnswered: 0,
        promoters: 0,
        detractors: 0,
      };
      const fields = [
        'answered',
        'scored',
        'scoreX100Sum',
        'unhappy',
        'npsAnswered',
        'promoters',
        'detractors',
      ] as const;
      for (const g of byDealer) for (const k of fields) total[k] += g[k];
      return {
        total: scoreLine(total),
        byEngineer: byEngineer.map(scoreLine),
        byDealer: byDealer.map(scoreLine),
      };
    };
    const flow = await content.complaintFlow(tx, start, end);
    return {
      visits: await part('visit'),
      surveys: await part('survey'),
      unhappy: (await content.unhappyCustomers(tx, start, end)).map((u) => ({
        ...u,
        score: u.score === null ? null : Number(u.score),
        at: new Date(u.at).toISOString(),
      })),
      complaints: {
        opened: flow.reduce((s, c) => s + c.opened, 0),
        closed: flow.reduce((s, c) => s + c.closed, 0),
        byCause: flow.map((c) => ({ ...c, cause: c.cause ?? 'unclassified' })),
      },
    };
  });

export const reportContent = ({ db, dashboard }: { db: Db; dashboard: DashboardService }) => ({
  build: async (kind: ReportKind, range: DateRange, now: Date): Promise<Record<string, unknown>> => {
    const head = { from: range.from, to: range.to };
    switch (kind) {
      case 'daily_problems':
        return { ...head, ...(await daily(db, range, now)) };
      case 'weekly_satisfaction':
        return { ...head, ...(await weekly(db, range)) };
      case 'monthly': {
        const d = await dashboard.compute(filterOf(range, { kind: 'all' }, now));
        return { ...head, refreshedAt: d.refreshedAt, headline: d.headline, figures: d.figures };
      }
    }
  },
});

const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');
const num = (v: unknown, digits = 2) => (typeof v === 'number' ? v.toFixed(digits) : '—');

/** The e-mail's body: the headline lines of the report (the full report is behind the link). */
type DailyData = Awaited<ReturnType<typeof daily>>;
type WeeklyData = Awaited<ReturnType<typeof weekly>>;
type MonthlyData = { headline: Awaited<ReturnType<DashboardService['compute']>>['headline'] };

export const summaryLines = (kind: ReportKind, stored: Record<string, unknown>): string[] => {
  switch (kind) {
    case 'daily_problems': {
      const data = stored as DailyData;
      const t = data.totals;
      return [
        `问题客户 ${t.customers} 家：服务请求已超时 ${t.slaOverdue} 张、即将超时 ${t.slaAtRisk} 张，回访不满意 ${t.unhappyVisits} 次，未关闭投诉 ${t.openComplaints} 件。`,
        ...data.customers
          .slice(0, 10)
          .map((c) => `· ${c.customerName}：${c.reasons.map((r) => `${r.label} ${r.count}`).join('，')}`),
      ];
    }
    case 'weekly_satisfaction': {
      const data = stored as WeeklyData;
      return [
        `回访 ${data.visits.total.answered} 次，平均分 ${num(data.visits.total.meanScore)}，不满意 ${data.visits.total.unhappy} 次。`,
        `满意度问卷 ${data.surveys.total.answered} 份，平均分 ${num(data.surveys.total.meanScore)}，NPS ${num(data.surveys.total.nps, 1)}。`,
        `投诉新增 ${data.complaints.opened} 件，关闭 ${data.complaints.closed} 件；不满意客户 ${data.unhappy.length} 位。`,
      ];
    }
    case 'monthly': {
      const h = (stored as MonthlyData).headline;
      return [
        `时限达成率 ${pct(h.slaAttainment)}（达成 ${h.slaMet}，超时 ${h.slaBreached}），一次修复率 ${pct(h.ftfRate)}。`,
        `平均现场维修 ${num(h.repairMeanMinutes === null ? null : h.repairMeanMinutes / 60, 1)} 小时，报修到解决 ${num(h.resolveMeanMinutes === null ? null : h.resolveMeanMinutes / 60, 1)} 小时。`,
        `三包费用 ${yuan(h.warrantyCostFen).toFixed(2)} 元，备件消耗 ${h.partsConsumed} 件，满意度 ${num(h.satisfactionScore)}，NPS ${num(h.nps, 1)}，投诉 ${h.complaints} 件。`,
      ];
    }
  }
};
