import { describe, expect, it } from 'vitest';
import {
  backlogRows,
  complaintRows,
  costRows,
  ftfRows,
  mttrRows,
  satisfactionRows,
  slaRows,
  type TicketStats,
} from './build.ts';
import { headline } from './headline.ts';

const zero = {
  opened: 0,
  resolved: 0,
  resolveMinutesSum: 0,
  firstResponseMet: 0,
  firstResponseBreached: 0,
  arrangeMet: 0,
  arrangeBreached: 0,
  onsiteMet: 0,
  onsiteBreached: 0,
  resolveMet: 0,
  resolveBreached: 0,
  ftfBase: 0,
  ftfFirst: 0,
  repairMinutesSum: 0,
  repairCount: 0,
};
const row = (o: Partial<TicketStats>): TicketStats => ({
  month: '2026-03',
  dealerId: null,
  dealerName: null,
  departmentId: null,
  departmentName: null,
  ...zero,
  ...o,
});
const DA = '00000000-0000-4000-8000-00000000000a';
const DB = '00000000-0000-4000-8000-00000000000b';

describe('figure rows', () => {
  const stats = [
    row({
      dealerId: DA,
      dealerName: '甲',
      arrangeMet: 3,
      arrangeBreached: 1,
      resolveMet: 1,
      ftfBase: 2,
      ftfFirst: 1,
    }),
    row({
      dealerId: DB,
      dealerName: '乙',
      arrangeMet: 1,
      resolveBreached: 1,
      month: '2026-04',
      repairCount: 2,
      repairMinutesSum: 300,
    }),
    row({ dealerId: DA, dealerName: '甲', month: '2026-04', resolved: 2, resolveMinutesSum: 600 }),
  ];

  it('SLA: every metric for the company, then teams and dealers with their own metrics and all', () => {
    const rows = slaRows(stats);
    const company = rows.filter((r) => r.dimension === 'metric');
    expect(company.map((r) => [r.metric, r.met, r.breached])).toEqual([
      ['firstResponse', 0, 0],
      ['arrange', 4, 1],
      ['onsite', 0, 0],
      ['resolve', 1, 1],
    ]);
    expect(company[1]!.attainment).toBe(0.8);
    expect(company[0]!.attainment).toBeNull();
    const a = rows.filter((r) => r.dimension === 'dealer' && r.id === DA);
    expect(a.map((r) => [r.metric, r.met, r.breached])).toEqual([
      ['arrange', 3, 1],
      ['resolve', 1, 0],
      ['all', 4, 1],
    ]);
    expect(a.at(-1)!.key).toBe(`dealer:${DA}:all`);
    expect(rows.find((r) => r.dimension === 'team')!.key).toBe('team:-:arrange');
  });

  it('FTF and MTTR per month, months without data included', () => {
    const months = ['2026-02', '2026-03', '2026-04'];
    expect(ftfRows(stats, months).map((r) => [r.month, r.base, r.first, r.rate])).toEqual([
      ['2026-02', 0, 0, null],
      ['2026-03', 2, 1, 0.5],
      ['2026-04', 0, 0, null],
    ]);
    const mttr = mttrRows(stats, months);
    expect(mttr[2]).toMatchObject({
      repairCount: 2,
      repairMeanMinutes: 150,
      resolvedCount: 2,
      resolveMeanMinutes: 300,
    });
    expect(mttr[0]!.repairMeanMinutes).toBeNull();
  });

  it('backlog: a row per open status with its buckets summed to the total', () => {
    const rows = backlogRows([
      { status: 'new', bucket: 'lt1d', n: 2 },
      { status: 'new', bucket: 'gt30d', n: 1 },
      { status: 'waiting_customer', bucket: 'd3to7', n: 4 },
    ]);
    expect(rows.map((r) => r.status)).toEqual(['new', 'arranged', 'in_progress', 'waiting_customer']);
    expect(rows[0]).toMatchObject({ total: 3, lt1d: 2, gt30d: 1, d1to3: 0 });
    expect(rows[3]).toMatchObject({ total: 4, d3to7: 4 });
  });

  it('cost rows per dimension and month, zero rows dropped, biggest first within a month', () => {
    const rows = costRows({
      model: [
        { month: '2026-03', id: 'm1', name: 'DX150', costFen: 100 },
        { month: '2026-03', id: 'm2', name: 'DX200', costFen: 300 },
        { month: '2026-03', id: null, name: null, costFen: 0 },
      ],
      part: [{ month: '2026-03', id: 'p1', name: 'P1 油封', costFen: 50 }],
      dealer: [],
    });
    expect(rows.map((r) => r.key)).toEqual(['model:m2:2026-03', 'model:m1:2026-03', 'part:p1:2026-03']);
  });

  it('satisfaction: mean scores 1–5 and NPS over visits and surveys', () => {
    const rows = satisfactionRows(
      [
        {
          month: '2026-03',
          source: 'visit',
          answered: 2,
          scored: 2,
          scoreX100Sum: 900,
          unhappy: 0,
          npsAnswered: 0,
          promoters: 0,
          detractors: 0,
        },
        {
          month: '2026-03',
          source: 'survey',
          answered: 4,
          scored: 4,
          scoreX100Sum: 1200,
          unhappy: 1,
          npsAnswered: 4,
          promoters: 2,
          detractors: 1,
        },
      ],
      ['2026-03', '2026-04'],
    );
    expect(rows[0]).toMatchObject({
      visits: 2,
      visitScore: 4.5,
      surveys: 4,
      surveyScore: 3,
      npsAnswered: 4,
      nps: 25,
    });
    expect(rows[1]).toMatchObject({ visits: 0, visitScore: null, nps: null });
  });

  it('complaints: Pareto with the unclassified ones named', () => {
    const rows = complaintRows([
      { cause: null, count: 1 },
      { cause: 'product', count: 3 },
    ]);
    expect(rows.map((r) => [r.cause, r.count, r.cumulative])).toEqual([
      ['product', 3, 0.75],
      ['unclassified', 1, 1],
    ]);
  });

  it('headline numbers agree with the rows', () => {
    const h = headline({
      stats,
      backlog: backlogRows([{ status: 'new', bucket: 'gt30d', n: 2 }]),
      cost: costRows({
        model: [{ month: '2026-03', id: 'm', name: 'M', costFen: 250 }],
        part: [],
        dealer: [{ month: '2026-03', id: DA, name: '甲', costFen: 250 }],
      }),
      partsConsumed: 7,
      satisfaction: [],
      complaints: complaintRows([{ cause: 'price', count: 2 }]),
    });
    expect(h).toMatchObject({
      slaMet: 5,
      slaBreached: 2,
      openTickets: 2,
      openOver7d: 2,
      ftfRate: 0.5,
      repairMeanMinutes: 150,
      warrantyCostFen: 250,
      partsConsumed: 7,
      satisfactionScore: null,
      complaints: 2,
    });
    expect(h.slaAttainment).toBeCloseTo(5 / 7);
  });
});
