import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Table } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import { OPEN_WORK_ORDER_STATUSES, type WorkOrderSummary } from '../../api/field-types';
import { useReportError } from '../../lib/errors';
import { WORK_ORDERS } from '../../lib/field-lookups';
import { woStatusOptions } from './common';
import { useWorkOrderColumns } from './work-order-columns';

const PAGE_SIZE = 20;

interface Filters {
  status: string[];
  mine: boolean;
  q: string;
}

/** 派工单 list: open orders by default; closed ones are found by number or customer. */
export default function WorkOrdersPage() {
  const { t } = useTranslation();
  const columns = useWorkOrderColumns();
  const [filters, setFilters] = useState<Filters>({
    status: [...OPEN_WORK_ORDER_STATUSES],
    mine: false,
    q: '',
  });
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const params = {
    status: filters.status.join(',') || undefined,
    mine: filters.mine || undefined,
    q: filters.q.trim() || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [WORK_ORDERS, 'list', params],
    queryFn: ({ signal }) => workOrdersApi.list(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  useReportError(query.error);

  return (
    <Card title={t('wo.title')}>
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('wo.search')}
            aria-label={t('wo.search')}
            data-testid="wo-search"
            onSearch={(q) => set({ q })}
            style={{ width: 220 }}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('wo.filterStatus')}
            aria-label={t('wo.filterStatus')}
            options={woStatusOptions(t)}
            value={filters.status}
            onChange={(status) => set({ status })}
            data-testid="wo-filter-status"
            style={{ width: 280 }}
          />
          <Checkbox
            checked={filters.mine}
            onChange={(e) => set({ mine: e.target.checked })}
            data-testid="wo-filter-mine"
          >
            {t('wo.mine')}
          </Checkbox>
        </Space>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          aria-label={t('tickets.refresh')}
          onClick={() => void query.refetch()}
        />
      </Flex>
      <Table<WorkOrderSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        scroll={{ x: 'max-content' }}
        data-testid="wo-table"
        onRow={(r) => ({ 'data-testid': `wo-row-${r.number}` }) as HTMLAttributes<HTMLElement>}
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
    </Card>
  );
}
