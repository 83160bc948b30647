import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrderSummary } from '../../api/field-types';
import { formatFen } from '../../lib/format';
import { useCan } from '../../lib/session';
import { formatTime, isFuture } from '../../lib/time';
import { engineersText, QuoteStatusTag, WorkOrderStatusTag } from './common';

type Key = 'customer' | 'ticket' | 'total' | 'created';

/** Columns of every work-order table; `omit` drops what the page already says. */
export function useWorkOrderColumns(omit: Key[] = []): ColumnsType<WorkOrderSummary> {
  const { t } = useTranslation();
  const can = useCan();
  const columns: ColumnsType<WorkOrderSummary> = [
    {
      title: t('wo.number'),
      dataIndex: 'number',
      key: 'number',
      render: (n: string, r) => (
        <Link to={`/work-orders/${r.id}`} data-testid="wo-link">
          {n}
        </Link>
      ),
    },
    {
      title: t('wo.status'),
      key: 'status',
      render: (_, r) => (
        <Space size={4} wrap>
          <WorkOrderStatusTag status={r.status} />
          {r.quoteRequired && <QuoteStatusTag status={r.quoteStatus} />}
          {r.urgentApprovedAt && !r.paperworkRegularisedAt && <Tag color="red">{t('urgent.open')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('wo.ticket'),
      key: 'ticket',
      render: (_, r) =>
        can('ticket.read') ? <Link to={`/tickets/${r.ticketId}`}>{r.ticketNumber}</Link> : r.ticketNumber,
    },
    {
      title: t('wo.customer'),
      key: 'customer',
      render: (_, r) => (
        <Space vertical size={0}>
          <span>{r.customerName}</span>
          {r.assetSerialNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.assetSerialNo}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('wo.task'), dataIndex: 'task', key: 'task', ellipsis: true, width: 240 },
    {
      title: t('wo.engineers'),
      key: 'engineers',
      render: (_, r) =>
        r.engineers.length > 0 ? (
          engineersText(t, r.engineers)
        ) : (
          <Typography.Text type="secondary">{t('wo.unassigned')}</Typography.Text>
        ),
    },
    { title: t('wo.planned'), dataIndex: 'plannedDate', key: 'planned' },
    {
      title: t('wo.deadline'),
      key: 'deadline',
      render: (_, r) =>
        r.deadlineAt && (
          <Typography.Text
            type={
              !isFuture(r.deadlineAt) && !['closed', 'cancelled', 'signed'].includes(r.status)
                ? 'danger'
                : undefined
            }
          >
            {formatTime(r.deadlineAt)}
          </Typography.Text>
        ),
    },
    {
      title: t('wo.total'),
      key: 'total',
      align: 'right',
      render: (_, r) => formatFen(r.customerTotalFen),
    },
    { title: t('wo.createdAt'), key: 'created', render: (_, r) => formatTime(r.createdAt) },
  ];
  return columns.filter((c) => !omit.includes(c.key as Key));
}
