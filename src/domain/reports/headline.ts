// The headline numbers on the dashboard's cards, from the same rows the charts use, so a card and its
// chart can never disagree.
import type { BacklogRow, ComplaintRow, CostRow, SatisfactionStats, TicketStats } from './build.ts';
import { attainment, mean, nps, ratio, SLA_METRICS } from './figures.ts';

export type Headline = {
  slaMet: number;
  slaBreached: number;
  slaAttainment: number | null;
  openTickets: number;
  /** Open tickets older than 7 days. */
  openOver7d: number;
  ftfBase: number;
  ftfRate: number | null;
  repairMeanMinutes: number | null;
  resolveMeanMinutes: number | null;
  warrantyCostFen: number;
  partsConsumed: number;
  /** Mean score of visits and surveys together, 1–5. */
  satisfactionScore: number | null;
  nps: number | null;
  complaints: number;
};

const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

export const headline = (i: {
  stats: TicketStats[];
  backlog: BacklogRow[];
  cost: CostRow[];
  partsConsumed: number;
  satisfaction: SatisfactionStats[];
  complaints: ComplaintRow[];
}): Headline => {
  const met = sum(i.stats, (r) => sum([...SLA_METRICS], (m) => r[`${m}Met`]));
  const breached = sum(i.stats, (r) => sum([...SLA_METRICS], (m) => r[`${m}Breached`]));
  const ftfBase = sum(i.stats, (r) => r.ftfBase);
  const scored = sum(i.satisfaction, (r) => r.scored);
  const score = mean(
    sum(i.satisfaction, (r) => r.scoreX100Sum),
    scored,
  );
  return {
    slaMet: met,
    slaBreached: breached,
    slaAttainment: attainment(met, breached),
    openTickets: sum(i.backlog, (r) => r.total),
    openOver7d: sum(i.backlog, (r) => r.d7to30 + r.gt30d),
    ftfBase,
    ftfRate: ratio(
      sum(i.stats, (r) => r.ftfFirst),
      ftfBase,
    ),
    repairMeanMinutes: mean(
      sum(i.stats, (r) => r.repairMinutesSum),
      sum(i.stats, (r) => r.repairCount),
    ),
    resolveMeanMinutes: mean(
      sum(i.stats, (r) => r.resolveMinutesSum),
      sum(i.stats, (r) => r.resolved),
    ),
    // Each dimension sums to the same total; the model rows cover every order (model or none).
    warrantyCostFen: sum(
      i.cost.filter((r) => r.dimension === 'model'),
      (r) => r.costFen,
    ),
    partsConsumed: i.partsConsumed,
    satisfactionScore: score === null ? null : score / 100,
    nps: nps(
      sum(i.satisfaction, (r) => r.promoters),
      sum(i.satisfaction, (r) => r.detractors),
      sum(i.satisfaction, (r) => r.npsAnswered),
    ),
    complaints: sum(i.complaints, (r) => r.count),
  };
};
