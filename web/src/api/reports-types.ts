// Dashboards (看板) and scheduled reports: named from the generated API types of /api/dashboard and
// /api/reports.
import { allOf, type Item, type QueryOf, type ResponseOf } from './schema';

export type Dashboard = ResponseOf<'/api/dashboard'>;
export type DashboardParams = QueryOf<'/api/dashboard'>;
type Figures = Dashboard['figures'];
export type Figure = keyof Figures;
/** The row type of each figure's table. */
export type FigureRows = { [F in Figure]: Item<Figures[F]['rows']> };
export type Headline = Dashboard['headline'];
export type SlaRow = FigureRows['sla'];
export type BacklogRow = FigureRows['backlog'];
export type FtfRow = FigureRows['ftf'];
export type MttrRow = FigureRows['mttr'];
export type RepeatRow = FigureRows['repeats'];
export type CostRow = FigureRows['cost'];
export type PartRow = FigureRows['parts'];
export type SatisfactionRow = FigureRows['satisfaction'];
export type ComplaintRow = FigureRows['complaints'];

export const FIGURES = allOf<Figure>()([
  'sla',
  'backlog',
  'ftf',
  'mttr',
  'repeats',
  'cost',
  'parts',
  'satisfaction',
  'complaints',
]);

/** The backlog's age columns: every numeric column of its row but the total. */
export type AgeingBucket = Exclude<keyof BacklogRow, 'key' | 'status' | 'total'>;
export const AGEING_BUCKETS = allOf<AgeingBucket>()(['lt1d', 'd1to3', 'd3to7', 'd7to30', 'gt30d']);

export type DrillPage = ResponseOf<'/api/dashboard/{figure}/records'>;
export type DrillParams = QueryOf<'/api/dashboard/{figure}/records'>;
export type DrillRecord = Item<DrillPage['items']>;

export type ReportKind = NonNullable<QueryOf<'/api/reports'>['kind']>;
export const REPORT_KINDS = allOf<ReportKind>()(['daily_problems', 'weekly_satisfaction', 'monthly']);
export type ReportRunList = ResponseOf<'/api/reports'>;
export type ReportRunSummary = Item<ReportRunList['items']>;
export type ReportRun = ResponseOf<'/api/reports/{id}'>;
export type Subscriptions = ResponseOf<'/api/report-subscriptions'>;
