import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrderSummary } from '../../api/field-types';
import type { Ticket } from '../../api/ticket-types';
import { useReportError } from '../../lib/errors';
import { WORK_ORDERS } from '../../lib/field-lookups';
import { useCan } from '../../lib/session';
import { CreateWorkOrderModal } from './CreateWorkOrderModal';
import { useWorkOrderColumns } from './work-order-columns';

/** 派工单 of one ticket on the ticket page, with 开派工单 for the desk. */
export function TicketWorkOrders({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const visible = can('workorder.read');
  const columns = useWorkOrderColumns(['customer', 'ticket', 'created']);
  const params = { ticketId: ticket.id, limit: 50 };
  const query = useQuery({
    queryKey: [WORK_ORDERS, 'list', params],
    queryFn: () => workOrdersApi.list(params),
    enabled: visible,
  });
  useReportError(query.error);
  if (!visible) return null;
  const open = !['closed', 'cancelled'].includes(ticket.status);

  return (
    <Card
      title={t('wo.ticketSection')}
      style={{ marginTop: 16 }}
      data-testid="ticket-work-orders"
      extra={
        can('workorder.write') &&
        open && (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="wo-create"
          >
            {t('wo.create')}
          </Button>
        )
      }
    >
      <Table<WorkOrderSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('wo.ticketEmpty') }}
      />
      <CreateWorkOrderModal ticket={ticket} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
