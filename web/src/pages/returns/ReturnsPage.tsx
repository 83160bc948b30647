import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Segmented, Select, Space, Table, type TableColumnsType } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReturnListParams, ReturnStatus, ReturnSummary } from '../../api/return-types';
import { returnsApi } from '../../api/returns';
import { useApiErrorHandler, useReportError } from '../../lib/errors';
import { formatFen } from '../../lib/format';
import { RETURNS } from '../../lib/return-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { categoryLabel, DueCountdown, ReturnStatusTag, remedyLabel, statusOptions } from './common';
import { RegisterReturnModal } from './RegisterReturnModal';

const PAGE_SIZE = 20;
type View = 'open' | 'closed' | 'all';

function useColumns(): TableColumnsType<ReturnSummary> {
  const { t } = useTranslation();
  return [
    {
      title: t('rma.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (n: string, r) => (
        <Link to={`/returns/${r.id}`} data-testid="return-link">
          {n}
        </Link>
      ),
    },
    { title: t('rma.status'), dataIndex: 'status', render: (s: string) => <ReturnStatusTag status={s} /> },
    { title: t('rma.nextDue'), key: 'due', render: (_, r) => <DueCountdown r={r} /> },
    { title: t('rma.customer'), dataIndex: 'customerName' },
    {
      title: t('rma.asset'),
      key: 'asset',
      render: (_, r) => [r.modelName, r.serialNo].filter(Boolean).join(' · '),
    },
    { title: t('rma.category'), dataIndex: 'productCategory', render: (c: string) => categoryLabel(t, c) },
    { title: t('rma.requested'), dataIndex: 'requested', render: (c: string) => remedyLabel(t, c) },
    {
      title: t('rma.option'),
      dataIndex: 'option',
      render: (c: string | null) => (c ? remedyLabel(t, c) : ''),
    },
    { title: t('rma.reason'), dataIndex: 'reason', ellipsis: true, width: 220 },
    { title: t('rma.refund'), dataIndex: 'refundFen', render: (f: number | null) => formatFen(f) },
    { title: t('rma.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatTime(v) },
  ];
}

/** 退换货 queue: open requests first by the deadline of their current step, each counting down. */
export default function ReturnsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const columns = useColumns();
  const handleError = useApiErrorHandler();
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<View>('open');
  const [status, setStatus] = useState<ReturnStatus | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const reset = () => setPage((p) => ({ ...p, current: 1 }));
  const filters: ReturnListParams = {
    open: status ? undefined : view === 'all' ? undefined : view === 'open',
    status,
    q: q.trim() || undefined,
  };
  const params = { ...filters, limit: page.pageSize, offset: (page.current - 1) * page.pageSize };
  const query = useQuery({
    queryKey: [RETURNS, 'list', params],
    queryFn: ({ signal }) => returnsApi.list(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  useReportError(query.error);

  return (
    <Card
      title={t('rma.title')}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            onClick={() => returnsApi.exportXlsx(filters).catch((e) => handleError(e))}
            data-testid="return-export"
          >
            {t('rma.export')}
          </Button>
          {can('return.create') && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="return-create"
            >
              {t('rma.register')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={(v) => {
              setView(v);
              setStatus(undefined);
              reset();
            }}
            options={(['open', 'closed', 'all'] as const).map((v) => ({
              value: v,
              label: t(`rma.view.${v}`),
            }))}
            data-testid="return-view"
          />
          <Input.Search
            allowClear
            placeholder={t('rma.search')}
            aria-label={t('rma.search')}
            data-testid="return-search"
            onSearch={(v) => {
              setQ(v);
              reset();
            }}
            style={{ width: 240 }}
          />
          <Select<ReturnStatus>
            allowClear
            placeholder={t('rma.filterStatus')}
            aria-label={t('rma.filterStatus')}
            options={statusOptions(t) as { value: ReturnStatus; label: string }[]}
            value={status}
            onChange={(s) => {
              setStatus(s);
              reset();
            }}
            style={{ width: 200 }}
          />
        </Space>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          aria-label={t('tickets.refresh')}
          onClick={() => void query.refetch()}
        />
      </Flex>
      <Table<ReturnSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('rma.empty') }}
        onRow={(r) =>
          ({
            'data-testid': 'return-row',
            'data-number': r.number,
            'data-status': r.status,
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) =>
            setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
      <RegisterReturnModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
