import type { TFunction } from 'i18next';
import type { Dashboard, Figure } from '../../api/reports-types';
import { AGEING_BUCKETS } from '../../api/reports-types';
import { METRICS, OPEN_STATUSES } from '../../api/ticket-types';
import type { EChartOption } from '../../components/EChart';

// One ECharts option per figure, labelled in the UI language (Chinese by default). Every bar and point
// carries the `key` of the table row it stands for, so a click opens the same drill-down as the row.

type Rows = Dashboard['figures'];
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const hours = (m: number | null) => (m === null ? null : Math.round((m / 60) * 10) / 10);
const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

const base = (_t: TFunction): EChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0, type: 'scroll' },
  grid: { left: 56, right: 56, top: 40, bottom: 40, containLabel: true },
  animationDuration: 300,
  textStyle: { fontFamily: 'system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif' },
});

const sla = (rows: Rows['sla']['rows'], t: TFunction): EChartOption => {
  // The company, then each dealer (most clocks first, at most 12 so the bars stay readable).
  const dealers = rows
    .filter((r) => r.dimension === 'dealer' && r.metric === 'all')
    .sort((a, b) => b.met + b.breached - (a.met + a.breached))
    .slice(0, 12);
  const groups = [
    { dimension: 'metric', id: null as string | null, label: t('dashboard.company') },
    ...dealers.map((d) => ({ dimension: 'dealer', id: d.id, label: d.name ?? t('dashboard.none') })),
  ];
  return {
    ...base(t),
    xAxis: { type: 'category', name: t('dashboard.dims.dealer'), data: groups.map((g) => g.label) },
    yAxis: { type: 'value', name: t('dashboard.axis.attainment'), max: 100 },
    series: METRICS.map((m) => ({
      type: 'bar',
      name: t(`dashboard.metrics.${m}`),
      data: groups.map((g) => {
        const row = rows.find((r) => r.dimension === g.dimension && r.id === g.id && r.metric === m);
        return { value: pct(row?.attainment ?? null), key: row?.key ?? `${g.dimension}:${g.id ?? '-'}:${m}` };
      }),
    })),
  };
};

const backlog = (rows: Rows['backlog']['rows'], t: TFunction): EChartOption => ({
  ...base(t),
  xAxis: {
    type: 'category',
    name: t('dashboard.cols.status'),
    data: AGEING_BUCKETS.map((b) => t(`dashboard.buckets.${b}`)),
  },
  yAxis: { type: 'value', name: t('dashboard.axis.tickets') },
  series: OPEN_STATUSES.map((s) => ({
    type: 'bar',
    stack: 'open',
    name: t(`dashboard.statuses.${s}`),
    data: AGEING_BUCKETS.map((b) => ({
      value: rows.find((r) => r.status === s)?.[b] ?? 0,
      key: `${s}:${b}`,
    })),
  })),
});

const ftf = (rows: Rows['ftf']['rows'], t: TFunction): EChartOption => ({
  ...base(t),
  xAxis: { type: 'category', name: t('dashboard.cols.month'), data: rows.map((r) => r.month) },
  yAxis: [
    { type: 'value', name: t('dashboard.axis.rate'), max: 100 },
    { type: 'value', name: t('dashboard.axis.tickets') },
  ],
  series: [
    {
      type: 'bar',
      name: t('dashboard.cols.rate'),
      data: rows.map((r) => ({ value: pct(r.rate), key: r.key })),
    },
    {
      type: 'line',
      name: t('dashboard.series.base'),
      yAxisIndex: 1,
      data: rows.map((r) => ({ value: r.base, key: r.key })),
    },
  ],
});

const mttr = (rows: Rows['mttr']['rows'], t: TFunction): EChartOption => ({
  ...base(t),
  xAxis: { type: 'category', name: t('dashboard.cols.month'), data: rows.map((r) => r.month) },
  yAxis: { type: 'value', name: t('dashboard.axis.hours') },
  series: [
    {
      type: 'bar',
      name: t('dashboard.series.repairHours'),
      data: rows.map((r) => ({ value: hours(r.repairMeanMinutes), key: `repair:${r.month}` })),
    },
    {
      type: 'line',
      name: t('dashboard.series.resolveHours'),
      data: rows.map((r) => ({ value: hours(r.resolveMeanMinutes), key: `resolve:${r.month}` })),
    },
  ],
});

const repeats = (rows: Rows['repeats']['rows'], t: TFunction): EChartOption => {
  const top = rows.slice(0, 12).reverse();
  return {
    ...base(t),
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: t('dashboard.axis.count'), minInterval: 1 },
    yAxis: {
      type: 'category',
      name: t('dashboard.cols.serialNo'),
      data: top.map((r) => (r.kind === 'part' ? `${r.serialNo} · ${r.partCode}` : r.serialNo)),
    },
    series: [
      {
        type: 'bar',
        name: t('dashboard.series.repeats'),
        data: top.map((r) => ({ value: r.count, key: r.key })),
      },
    ],
  };
};

const cost = (rows: Rows['cost']['rows'], t: TFunction): EChartOption => {
  const byModel = rows.filter((r) => r.dimension === 'model');
  const months = [...new Set(byModel.map((r) => r.month))].sort();
  const models = [...new Map(byModel.map((r) => [r.id ?? '-', r.name ?? t('dashboard.none')])).entries()];
  return {
    ...base(t),
    xAxis: { type: 'category', name: t('dashboard.cols.month'), data: months },
    yAxis: { type: 'value', name: t('dashboard.axis.costYuan') },
    series: models.map(([id, name]) => ({
      type: 'bar',
      stack: 'cost',
      name,
      data: months.map((m) => {
        const r = byModel.find((x) => (x.id ?? '-') === id && x.month === m);
        return { value: r ? r.costFen / 100 : 0, key: `model:${id}:${m}` };
      }),
    })),
  };
};

const parts = (rows: Rows['parts']['rows'], t: TFunction): EChartOption => {
  const totals = new Map<string, { name: string; qty: number }>();
  for (const r of rows) {
    const x = totals.get(r.partId) ?? { name: `${r.code} ${r.name}`, qty: 0 };
    x.qty += r.quantity;
    totals.set(r.partId, x);
  }
  const top = [...totals.entries()]
    .sort((a, b) => b[1].qty - a[1].qty)
    .slice(0, 15)
    .reverse();
  return {
    ...base(t),
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: t('dashboard.axis.quantity') },
    yAxis: { type: 'category', name: t('dashboard.cols.part'), data: top.map(([, x]) => x.name) },
    series: [
      {
        type: 'bar',
        name: t('dashboard.cols.quantity'),
        data: top.map(([id, x]) => ({ value: x.qty, key: `${id}:` })),
      },
    ],
  };
};

const satisfaction = (rows: Rows['satisfaction']['rows'], t: TFunction): EChartOption => ({
  ...base(t),
  xAxis: { type: 'category', name: t('dashboard.cols.month'), data: rows.map((r) => r.month) },
  yAxis: [
    { type: 'value', name: t('dashboard.axis.score'), min: 1, max: 5 },
    { type: 'value', name: t('dashboard.axis.nps'), min: -100, max: 100 },
  ],
  series: [
    {
      type: 'line',
      name: t('dashboard.series.visitScore'),
      connectNulls: true,
      data: rows.map((r) => ({ value: round2(r.visitScore), key: `visit:${r.month}` })),
    },
    {
      type: 'line',
      name: t('dashboard.series.surveyScore'),
      connectNulls: true,
      data: rows.map((r) => ({ value: round2(r.surveyScore), key: `survey:${r.month}` })),
    },
    {
      type: 'line',
      name: t('dashboard.series.nps'),
      yAxisIndex: 1,
      connectNulls: true,
      lineStyle: { type: 'dashed' },
      data: rows.map((r) => ({ value: r.nps === null ? null : Math.round(r.nps), key: `survey:${r.month}` })),
    },
  ],
});

/** 排列图: causes as bars, largest first, and the running share as a line on the right axis. */
const complaints = (rows: Rows['complaints']['rows'], t: TFunction): EChartOption => ({
  ...base(t),
  xAxis: {
    type: 'category',
    name: t('dashboard.cols.cause'),
    data: rows.map((r) => t(`dashboard.causes.${r.cause}`, { defaultValue: r.cause })),
  },
  yAxis: [
    { type: 'value', name: t('dashboard.axis.complaints'), minInterval: 1 },
    { type: 'value', name: t('dashboard.axis.cumulative'), min: 0, max: 100 },
  ],
  series: [
    {
      type: 'bar',
      name: t('dashboard.series.complaints'),
      data: rows.map((r) => ({ value: r.count, key: r.key })),
    },
    {
      type: 'line',
      name: t('dashboard.series.cumulative'),
      yAxisIndex: 1,
      data: rows.map((r) => ({ value: pct(r.cumulative), key: r.key })),
      markLine: { silent: true, symbol: 'none', data: [{ yAxis: 80 }], lineStyle: { type: 'dotted' } },
    },
  ],
});

const BUILDERS: { [F in Figure]: (rows: Rows[F]['rows'], t: TFunction) => EChartOption } = {
  sla,
  backlog,
  ftf,
  mttr,
  repeats,
  cost,
  parts,
  satisfaction,
  complaints,
};

export const chartOption = <F extends Figure>(figure: F, rows: Rows[F]['rows'], t: TFunction): EChartOption =>
  BUILDERS[figure](rows, t);
