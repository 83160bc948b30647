import { type TObject, Type } from '@sinclair/typebox';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from '../../platform/schemas.ts';

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

const LocalDate = Type.String({ format: 'date' });
const Ratio = Nullable(Type.Number());
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$' });

export const DashboardQuery = Type.Object(
  {
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    dealerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const FigureParams = Type.Object(
  { figure: Type.Union(FIGURES.map((f) => Type.Literal(f))) },
  { additionalProperties: false },
);

export const RecordsQuery = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 200 }),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    dealerId: Type.Optional(Uuid),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

const fig = <T extends TObject>(row: T) => Type.Object({ rows: Type.Array(row) });

const SlaRow = Type.Object({
  key: Type.String(),
  dimension: Type.String(),
  id: Nullable(Uuid),
  name: Nullable(Type.String()),
  metric: Type.String(),
  met: Type.Integer(),
  breached: Type.Integer(),
  attainment: Ratio,
});
const BacklogRow = Type.Object({
  key: Type.String(),
  status: Type.String(),
  total: Type.Integer(),
  lt1d: Type.Integer(),
  d1to3: Type.Integer(),
  d3to7: Type.Integer(),
  d7to30: Type.Integer(),
  gt30d: Type.Integer(),
});
const FtfRow = Type.Object({
  key: Type.String(),
  month: Month,
  base: Type.Integer(),
  first: Type.Integer(),
  rate: Ratio,
});
const MttrRow = Type.Object({
  key: Type.String(),
  month: Month,
  repairCount: Type.Integer(),
  repairMeanMinutes: Ratio,
  resolvedCount: Type.Integer(),
  resolveMeanMinutes: Ratio,
});
const RepeatRow = Type.Object({
  key: Type.String(),
  kind: Type.String(),
  assetId: Uuid,
  serialNo: Type.String(),
  modelName: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  partId: Nullable(Uuid),
  partCode: Nullable(Type.String()),
  partName: Nullable(Type.String()),
  count: Type.Integer(),
  firstAt: Timestamp,
  lastAt: Timestamp,
});
const CostRow = Type.Object({
  key: Type.String(),
  dimension: Type.String(),
  month: Month,
  id: Nullable(Uuid),
  name: Nullable(Type.String()),
  costFen: Type.Integer(),
});
const PartRow = Type.Object({
  key: Type.String(),
  month: Month,
  partId: Uuid,
  code: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
});
const SatisfactionRow = Type.Object({
  key: Type.String(),
  month: Month,
  visits: Type.Integer(),
  visitScore: Ratio,
  unhappyVisits: Type.Integer(),
  surveys: Type.Integer(),
  surveyScore: Ratio,
  npsAnswered: Type.Integer(),
  nps: Ratio,
});
const ComplaintRow = Type.Object({
  key: Type.String(),
  cause: Type.String(),
  count: Type.Integer(),
  share: Type.Number(),
  cumulative: Type.Number(),
  vital: Type.Boolean(),
});

export const Headline = Type.Object({
  slaMet: Type.Integer(),
  slaBreached: Type.Integer(),
  slaAttainment: Ratio,
  openTickets: Type.Integer(),
  openOver7d: Type.Integer(),
  ftfBase: Type.Integer(),
  ftfRate: Ratio,
  repairMeanMinutes: Ratio,
  resolveMeanMinutes: Ratio,
  warrantyCostFen: Type.Integer(),
  partsConsumed: Type.Integer(),
  satisfactionScore: Ratio,
  nps: Ratio,
  complaints: Type.Integer(),
});

export const Figures = Type.Object({
  sla: fig(SlaRow),
  backlog: fig(BacklogRow),
  ftf: fig(FtfRow),
  mttr: fig(MttrRow),
  repeats: fig(RepeatRow),
  cost: fig(CostRow),
  parts: fig(PartRow),
  satisfaction: fig(SatisfactionRow),
  complaints: fig(ComplaintRow),
});

export const Dashboard = Type.Object({
  from: LocalDate,
  to: LocalDate,
  dealerId: Nullable(Uuid),
  /** When the summary tables were last refreshed (null: never yet). */
  refreshedAt: NullableTimestamp,
  generatedAt: Timestamp,
  headline: Headline,
  figures: Figures,
});

export const DrillRecord = Type.Object({
  kind: Type.Union(['ticket', 'workOrder', 'complaint', 'visit', 'survey'].map((k) => Type.Literal(k))),
  id: Uuid,
  number: Nullable(Type.String()),
  ticketId: Nullable(Uuid),
  workOrderId: Nullable(Uuid),
  customerName: Nullable(Type.String()),
  at: NullableTimestamp,
  status: Nullable(Type.String()),
  detail: Nullable(Type.String()),
  value: Nullable(Type.Number()),
});

export const DrillPage = Type.Object({
  items: Type.Array(DrillRecord),
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
});

export const RefreshResult = Type.Object({
  from: LocalDate,
  to: LocalDate,
  days: Type.Integer(),
  ms: Type.Integer(),
});

export const KIND_VALUES = ['daily_problems', 'weekly_satisfaction', 'monthly'] as const;
export const Kind = Type.Union(KIND_VALUES.map((k) => Type.Literal(k)));
export const KindParams = Type.Object({ kind: Kind }, { additionalProperties: false });
export const RunBody = Type.Object(
  { period: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) },
  { additionalProperties: false },
);
export const RunsQuery = Type.Object({ kind: Type.Optional(Kind) }, { additionalProperties: false });

const runFields = {
  id: Uuid,
  kind: Type.String(),
  period: Type.String(),
  status: Type.String(),
  startedAt: Timestamp,
  finishedAt: NullableTimestamp,
  durationMs: Nullable(Type.Integer()),
  emailedTo: Type.Array(Type.String()),
  error: Nullable(Type.String()),
};
export const ReportRunSummary = Type.Object(runFields);
export const ReportRun = Type.Object({ ...runFields, data: Type.Any() });

export const Subscriptions = Type.Object({ kinds: Type.Array(Kind) });
export const SubscriptionsBody = Type.Object(
  { kinds: Type.Array(Kind, { maxItems: 3, uniqueItems: true }) },
  { additionalProperties: false },
);
