import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrderSummary } from '../../api/field-types';
import { useReportError } from '../../lib/errors';
import { WORK_ORDERS } from '../../lib/field-lookups';
import { formatTime } from '../../lib/time';
import { useWorkOrderColumns } from './work-order-columns';

/** 先维保后补: orders a manager let start before the paperwork, until someone regularises them. */
export default function OpenPaperworkPage() {
  const { t } = useTranslation();
  const base = useWorkOrderColumns(['created']);
  const query = useQuery({
    queryKey: [WORK_ORDERS, 'open-paperwork'],
    queryFn: () => workOrdersApi.openPaperwork(),
    refetchInterval: 60_000,
  });
  useReportError(query.error);
  const columns: ColumnsType<WorkOrderSummary> = [
    ...base,
    { title: t('wo.urgentAt'), key: 'urgentAt', render: (_, r) => formatTime(r.urgentApprovedAt) },
  ];
  return (
    <Card title={t('wo.openPaperworkTitle')}>
      <Alert type="info" showIcon title={t('wo.openPaperworkHint')} style={{ marginBottom: 16 }} />
      <Table<WorkOrderSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('wo.openPaperworkEmpty') }}
        data-testid="open-paperwork-table"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </Card>
  );
}
