import { DownloadOutlined, PlusOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignTarget, TicketSummary } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { useApiErrorHandler, useReportError } from '../../lib/errors';
import { useCan } from '../../lib/session';
import { TICKETS } from '../../lib/ticket-lookups';
import { AssignModal } from './AssignModal';
import { CreateTicketModal } from './CreateTicketModal';
import { DEFAULT_FILTERS, type QueueFilters, TicketFilters, toParams } from './TicketFilters';
import { useTicketColumns } from './ticket-columns';

const REFRESH_MS = 60_000;
const DEFAULT_PAGE_SIZE = 20;

/** 工单队列: the desk's work list, soonest deadline first, refreshed every minute. */
export default function TicketsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const columns = useTicketColumns();
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const [page, setPage] = useState({ current: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [createOpen, setCreateOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const params = {
    ...toParams(filters),
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [TICKETS, 'list', params],
    queryFn: ({ signal }) => ticketsApi.list(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  useReportError(query.error);

  const changeFilters = (f: QueueFilters) => {
    setFilters(f);
    // A new filter makes the old page number and the selection meaningless.
    setPage((p) => ({ ...p, current: 1 }));
    setSelected([]);
  };

  const bulkAssign = async (target: AssignTarget) => {
    const { results } = await ticketsApi.bulkAssign(selected, target);
    const failed = results.filter((r) => !r.ok);
    const numbers = new Map((query.data?.items ?? []).map((i) => [i.id, i.number]));
    if (results.length > failed.length)
      void message.success(t('tickets.bulk.done', { n: results.length - failed.length }));
    if (failed.length > 0) {
      const list = failed
        .map(
          (r) =>
            `${numbers.get(r.id) ?? r.id}（${t(`errors.${r.error}`, { defaultValue: String(r.error) })}）`,
        )
        .join('、');
      void message.error(t('tickets.bulk.failed', { n: failed.length, list }), 8);
    }
    setBulkOpen(false);
    setSelected([]);
    await queryClient.invalidateQueries({ queryKey: [TICKETS] });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await ticketsApi.exportXlsx(toParams(filters));
    } catch (err) {
      handleError(err);
    } finally {
      setExporting(false);
    }
  };

  const data = query.data;
  const canAssign = can('ticket.assign');

  return (
    <Card
      title={t('tickets.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tickets.autoRefresh')}
        </Typography.Text>
      }
    >
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <TicketFilters value={filters} onChange={changeFilters} />
        </Space>
        <Space wrap>
          <Button
            icon={<ReloadOutlined aria-hidden />}
            aria-label={t('tickets.refresh')}
            onClick={() => void query.refetch()}
          />
          {canAssign && (
            <Button
              icon={<TeamOutlined aria-hidden />}
              disabled={selected.length === 0}
              data-testid="bulk-assign"
              onClick={() => setBulkOpen(true)}
            >
              {t('tickets.bulk.assign')}
              {selected.length > 0 && ` (${selected.length})`}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={exporting}
            data-testid="export-tickets"
            onClick={() => void exportXlsx()}
          >
            {t('excel.export')}
          </Button>
          {can('ticket.create') && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              data-testid="create-ticket"
              onClick={() => setCreateOpen(true)}
            >
              {t('tickets.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <Table<TicketSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={query.isFetching && !data}
        scroll={{ x: 'max-content' }}
        data-testid="ticket-table"
        rowSelection={
          canAssign
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => (data?.totalCapped ? t('tickets.totalCapped') : t('common.total', { total })),
          onChange: (current, pageSize) =>
            setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
      <AssignModal
        open={bulkOpen}
        title={t('assign.bulkTitle', { n: selected.length })}
        onSubmit={bulkAssign}
        onCancel={() => setBulkOpen(false)}
      />
      <CreateTicketModal open={createOpen} onClose={() => setCreateOpen(false)} />
    </Card>
  );
}
