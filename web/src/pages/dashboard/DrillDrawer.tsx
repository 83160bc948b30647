import { useQuery } from '@tanstack/react-query';
import { Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dashboardApi } from '../../api/reports';
import type { DashboardParams, DrillRecord, Figure } from '../../api/reports-types';
import { LoadFailed } from '../../components/LoadFailed';
import { formatFen } from '../../lib/format';
import { formatTime } from '../../lib/time';

const PAGE = 20;

/** Where a record lives in the app: tickets and work orders have pages; visits link their ticket. */
const linkOf = (r: DrillRecord): string | null => {
  switch (r.kind) {
    case 'ticket':
      return `/tickets/${r.id}`;
    case 'workOrder':
      return `/work-orders/${r.id}`;
    case 'complaint':
      return `/complaints/${r.id}`;
    case 'visit':
      return r.ticketId ? `/tickets/${r.ticketId}` : null;
    case 'survey':
      return null;
  }
};

/** The value column means what the figure counts: fen for costs, minutes, days, pieces or a score. */
const valueText = (figure: Figure, v: number | null) => {
  if (v === null) return '';
  if (figure === 'cost') return formatFen(v);
  if (figure === 'mttr') return `${(v / 60).toFixed(1)} h`;
  if (figure === 'backlog') return `${v} d`;
  return String(v);
};

export function DrillDrawer({
  figure,
  drillKey,
  title,
  params,
  onClose,
}: {
  figure: Figure;
  drillKey: string | null;
  title: string;
  params: DashboardParams;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const open = drillKey !== null;
  const query = useQuery({
    queryKey: ['dashboard-records', figure, drillKey, params, page],
    queryFn: () =>
      dashboardApi.records(figure, {
        ...params,
        key: drillKey ?? '',
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    enabled: open,
  });
  const data = query.data;
  return (
    <Drawer
      open={open}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size="large"
      title={t('dashboard.drill.title', { figure: title })}
      destroyOnHidden
    >
      <div data-testid={`drill-${figure}`}>
        {query.isError ? (
          <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {data
                ? t(data.totalCapped ? 'dashboard.drill.capped' : 'dashboard.drill.total', { n: data.total })
                : ''}
            </Typography.Paragraph>
            <Table<DrillRecord>
              rowKey={(r) => `${r.kind}:${r.id}:${r.at}`}
              size="small"
              loading={query.isFetching}
              dataSource={data?.items ?? []}
              pagination={{
                current: page,
                pageSize: PAGE,
                total: data?.total ?? 0,
                showSizeChanger: false,
                onChange: setPage,
              }}
              columns={[
                {
                  title: t('dashboard.drill.kind'),
                  dataIndex: 'kind',
                  render: (v: DrillRecord['kind']) => <Tag>{t(`dashboard.drill.kinds.${v}`)}</Tag>,
                },
                {
                  title: t('dashboard.drill.number'),
                  dataIndex: 'number',
                  render: (v: string | null, r) => {
                    const to = linkOf(r);
                    const text = v ?? r.id.slice(0, 8);
                    return to ? <Link to={to}>{text}</Link> : text;
                  },
                },
                { title: t('dashboard.drill.customer'), dataIndex: 'customerName' },
                {
                  title: t('dashboard.drill.at'),
                  dataIndex: 'at',
                  render: (v: string | null) => formatTime(v),
                },
                {
                  title: t('dashboard.drill.status'),
                  dataIndex: 'status',
                  render: (v: string | null) =>
                    v
                      ? t(`dashboard.drill.recordStatus.${v}`, {
                          defaultValue: t(`dashboard.statuses.${v}`, { defaultValue: v }),
                        })
                      : '',
                },
                {
                  title: t('dashboard.drill.detail'),
                  dataIndex: 'detail',
                  ellipsis: true,
                  // SLA rows name their metric, backlog rows the ticket type; anything else is text.
                  render: (v: string | null) =>
                    v
                      ? t(`dashboard.metrics.${v}`, {
                          defaultValue: t(`tickets.types.${v}`, { defaultValue: v }),
                        })
                      : '',
                },
                {
                  title: t('dashboard.drill.value'),
                  dataIndex: 'value',
                  align: 'right',
                  render: (v: number | null) => valueText(figure, v),
                },
              ]}
            />
          </>
        )}
      </div>
    </Drawer>
  );
}
