import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { useReportError } from '../../lib/errors';
import { TICKETS } from '../../lib/ticket-lookups';
import { useTicketColumns } from './ticket-columns';

const PAGE_SIZE = 10;

/** Every ticket of one machine (or customer), newest first, open and closed: its service history. */
export function TicketList({ assetId, customerId }: { assetId?: string; customerId?: string }) {
  const { t } = useTranslation();
  const columns = useTicketColumns(assetId ? ['asset', 'customer'] : ['customer']);
  const [page, setPage] = useState(1);
  const params = {
    assetId,
    customerId,
    sort: 'created' as const,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const query = useQuery({
    queryKey: [TICKETS, 'list', params],
    queryFn: () => ticketsApi.list(params),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  return (
    <Table<TicketSummary>
      rowKey="id"
      size="small"
      columns={columns}
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      locale={{ emptyText: t('customers.noServiceRecords') }}
      scroll={{ x: 'max-content' }}
      data-testid="ticket-list"
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: query.data?.total ?? 0,
        hideOnSinglePage: true,
        onChange: setPage,
      }}
    />
  );
}
