import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Figure, FigureRows } from '../../api/reports-types';
import { AGEING_BUCKETS } from '../../api/reports-types';
import { formatFen } from '../../lib/format';
import { formatTime } from '../../lib/time';

// The table under each chart: the same rows, with Chinese headers; the export sends the same table.

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const hours = (m: number | null) => (m === null ? '—' : (m / 60).toFixed(1));
const num = (v: number | null, d = 2) => (v === null ? '—' : v.toFixed(d));
const right = { align: 'right' as const };

const COLUMNS: { [F in Figure]: (t: TFunction) => ColumnsType<FigureRows[F]> } = {
  sla: (t) => [
    {
      title: t('dashboard.cols.dimension'),
      dataIndex: 'dimension',
      render: (v: string) => t(`dashboard.dims.${v}`),
    },
    {
      title: t('dashboard.cols.name'),
      dataIndex: 'name',
      render: (v: string | null, r) =>
        r.dimension === 'metric' ? t('dashboard.company') : (v ?? t('dashboard.none')),
    },
    {
      title: t('dashboard.cols.metric'),
      dataIndex: 'metric',
      render: (v: string) => t(`dashboard.metrics.${v}`),
    },
    { title: t('dashboard.cols.met'), dataIndex: 'met', ...right },
    { title: t('dashboard.cols.breached'), dataIndex: 'breached', ...right },
    { title: t('dashboard.cols.attainment'), dataIndex: 'attainment', ...right, render: pct },
  ],
  backlog: (t) => [
    {
      title: t('dashboard.cols.status'),
      dataIndex: 'status',
      render: (v: string) => t(`dashboard.statuses.${v}`),
    },
    { title: t('dashboard.cols.total'), dataIndex: 'total', ...right },
    ...AGEING_BUCKETS.map((b) => ({ title: t(`dashboard.buckets.${b}`), dataIndex: b, ...right })),
  ],
  ftf: (t) => [
    { title: t('dashboard.cols.month'), dataIndex: 'month' },
    { title: t('dashboard.cols.base'), dataIndex: 'base', ...right },
    { title: t('dashboard.cols.first'), dataIndex: 'first', ...right },
    { title: t('dashboard.cols.rate'), dataIndex: 'rate', ...right, render: pct },
  ],
  mttr: (t) => [
    { title: t('dashboard.cols.month'), dataIndex: 'month' },
    { title: t('dashboard.cols.repairCount'), dataIndex: 'repairCount', ...right },
    { title: t('dashboard.cols.repairMean'), dataIndex: 'repairMeanMinutes', ...right, render: hours },
    { title: t('dashboard.cols.resolvedCount'), dataIndex: 'resolvedCount', ...right },
    { title: t('dashboard.cols.resolveMean'), dataIndex: 'resolveMeanMinutes', ...right, render: hours },
  ],
  repeats: (t) => [
    {
      title: t('dashboard.cols.kind'),
      dataIndex: 'kind',
      render: (v: string) => <Tag>{t(`dashboard.repeatKinds.${v}`)}</Tag>,
    },
    {
      title: t('dashboard.cols.serialNo'),
      dataIndex: 'serialNo',
      render: (v: string, r) => (
        <Link to={`/assets/${r.assetId}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { title: t('dashboard.cols.model'), dataIndex: 'modelName' },
    { title: t('dashboard.cols.customer'), dataIndex: 'customerName' },
    {
      title: t('dashboard.cols.part'),
      dataIndex: 'partName',
      render: (v: string | null, r) => (v ? `${r.partCode} ${v}` : ''),
    },
    { title: t('dashboard.cols.count'), dataIndex: 'count', ...right },
    { title: t('dashboard.cols.firstAt'), dataIndex: 'firstAt', render: formatTime },
    { title: t('dashboard.cols.lastAt'), dataIndex: 'lastAt', render: formatTime },
  ],
  cost: (t) => [
    {
      title: t('dashboard.cols.dimension'),
      dataIndex: 'dimension',
      render: (v: string) => t(`dashboard.dims.${v}`),
    },
    { title: t('dashboard.cols.month'), dataIndex: 'month' },
    {
      title: t('dashboard.cols.name'),
      dataIndex: 'name',
      render: (v: string | null) => v ?? t('dashboard.none'),
    },
    { title: t('dashboard.cols.cost'), dataIndex: 'costFen', ...right, render: (v: number) => formatFen(v) },
  ],
  parts: (t) => [
    { title: t('dashboard.cols.month'), dataIndex: 'month' },
    { title: t('dashboard.cols.code'), dataIndex: 'code' },
    { title: t('dashboard.cols.name'), dataIndex: 'name' },
    { title: t('dashboard.cols.quantity'), dataIndex: 'quantity', ...right },
  ],
  satisfaction: (t) => [
    { title: t('dashboard.cols.month'), dataIndex: 'month' },
    { title: t('dashboard.cols.visits'), dataIndex: 'visits', ...right },
    {
      title: t('dashboard.cols.visitScore'),
      dataIndex: 'visitScore',
      ...right,
      render: (v: number | null) => num(v),
    },
    { title: t('dashboard.cols.unhappyVisits'), dataIndex: 'unhappyVisits', ...right },
    { title: t('dashboard.cols.surveys'), dataIndex: 'surveys', ...right },
    {
      title: t('dashboard.cols.surveyScore'),
      dataIndex: 'surveyScore',
      ...right,
      render: (v: number | null) => num(v),
    },
    { title: t('dashboard.cols.nps'), dataIndex: 'nps', ...right, render: (v: number | null) => num(v, 1) },
  ],
  complaints: (t) => [
    {
      title: t('dashboard.cols.cause'),
      dataIndex: 'cause',
      render: (v: string) => t(`dashboard.causes.${v}`, { defaultValue: v }),
    },
    { title: t('dashboard.cols.complaints'), dataIndex: 'count', ...right },
    { title: t('dashboard.cols.share'), dataIndex: 'share', ...right, render: pct },
    { title: t('dashboard.cols.cumulative'), dataIndex: 'cumulative', ...right, render: pct },
    {
      title: t('dashboard.cols.vital'),
      dataIndex: 'vital',
      render: (v: boolean) => (v ? <Tag color="red">{t('dashboard.cols.vital')}</Tag> : null),
    },
  ],
};

/** Loosely typed for the generic panel: every row has a key, the figure decides the rest. */
export const figureColumns = (figure: Figure, t: TFunction) =>
  COLUMNS[figure](t) as unknown as ColumnsType<{ key: string }>;

/** The drill-down key of a table row (satisfaction rows open their visits; mttr rows their orders). */
export const rowKeyForDrill = (figure: Figure, row: { key: string }) =>
  figure === 'satisfaction' ? `visit:${row.key}` : row.key;
