// Dashboards (看板) and scheduled reports: the shapes of /api/dashboard and /api/reports.

export const FIGURES = [
  'sla',
  'backlog',
  'ftf',
  'mttr',
  'repeats',
  'cost',
  'parts',
  'satisfaction',
  'complaints',
] as const;
export type Figure = (typeof FIGURES)[number];

export type SlaMetric = 'firstResponse' | 'arrange' | 'onsite' | 'resolve';
export const SLA_METRICS: SlaMetric[] = ['firstResponse', 'arrange', 'onsite', 'resolve'];
export const AGEING_BUCKETS = ['lt1d', 'd1to3', 'd3to7', 'd7to30', 'gt30d'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export const OPEN_STATUSES = ['new', 'arranged', 'in_progress', 'waiting_customer'] as const;

export interface SlaRow {
  key: string;
  dimension: 'metric' | 'team' | 'dealer';
  id: string | null;
  name: string | null;
  metric: SlaMetric | 'all';
  met: number;
  breached: number;
  attainment: number | null;
}
export type BacklogRow = { key: string; status: string; total: number } & Record<AgeingBucket, number>;
export interface FtfRow {
  key: string;
  month: string;
  base: number;
  first: number;
  rate: number | null;
}
export interface MttrRow {
  key: string;
  month: string;
  repairCount: number;
  repairMeanMinutes: number | null;
  resolvedCount: number;
  resolveMeanMinutes: number | null;
}
export interface RepeatRow {
  key: string;
  kind: 'tickets' | 'part';
  assetId: string;
  serialNo: string;
  modelName: string | null;
  customerName: string | null;
  partId: string | null;
  partCode: string | null;
  partName: string | null;
  count: number;
  firstAt: string;
  lastAt: string;
}
export interface CostRow {
  key: string;
  dimension: 'model' | 'part' | 'dealer';
  month: string;
  id: string | null;
  name: string | null;
  costFen: number;
}
export interface PartRow {
  key: string;
  month: string;
  partId: string;
  code: string;
  name: string;
  quantity: number;
}
export interface SatisfactionRow {
  key: string;
  month: string;
  visits: number;
  visitScore: number | null;
  unhappyVisits: number;
  surveys: number;
  surveyScore: number | null;
  npsAnswered: number;
  nps: number | null;
}
export interface ComplaintRow {
  key: string;
  cause: string;
  count: number;
  share: number;
  cumulative: number;
  vital: boolean;
}

export interface FigureRows {
  sla: SlaRow;
  backlog: BacklogRow;
  ftf: FtfRow;
  mttr: MttrRow;
  repeats: RepeatRow;
  cost: CostRow;
  parts: PartRow;
  satisfaction: SatisfactionRow;
  complaints: ComplaintRow;
}

export interface Headline {
  slaMet: number;
  slaBreached: number;
  slaAttainment: number | null;
  openTickets: number;
  openOver7d: number;
  ftfBase: number;
  ftfRate: number | null;
  repairMeanMinutes: number | null;
  resolveMeanMinutes: number | null;
  warrantyCostFen: number;
  partsConsumed: number;
  satisfactionScore: number | null;
  nps: number | null;
  complaints: number;
}

export interface Dashboard {
  from: string;
  to: string;
  dealerId: string | null;
  refreshedAt: string | null;
  generatedAt: string;
  headline: Headline;
  figures: { [F in Figure]: { rows: FigureRows[F][] } };
}

export interface DashboardParams {
  from?: string;
  to?: string;
  dealerId?: string;
}

export interface DrillRecord {
  kind: 'ticket' | 'workOrder' | 'complaint' | 'visit' | 'survey';
  id: string;
  number: string | null;
  ticketId: string | null;
  workOrderId: string | null;
  customerName: string | null;
  at: string | null;
  status: string | null;
  detail: string | null;
  value: number | null;
}
export interface DrillPage {
  items: DrillRecord[];
  total: number;
  totalCapped: boolean;
}

export const REPORT_KINDS = ['daily_problems', 'weekly_satisfaction', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportRunSummary {
  id: string;
  kind: ReportKind;
  period: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  emailedTo: string[];
  error: string | null;
}
export interface ReportRun extends ReportRunSummary {
  data: Record<string, unknown> | null;
}
