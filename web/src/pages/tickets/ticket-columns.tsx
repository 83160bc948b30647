import { Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketSummary } from '../../api/ticket-types';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { channelLabel, DueCell, TicketStatusTag, typeLabel, UrgentTag } from './common';

export function assigneeText(t: TicketSummary): string | null {
  return t.assigneeName ?? t.assigneeDealerName ?? t.assigneeDepartmentName;
}

/** Columns of every ticket table (queue, a machine's tickets); `omit` drops what the page already says. */
export function useTicketColumns(omit: ('customer' | 'asset')[] = []): ColumnsType<TicketSummary> {
  const { t } = useTranslation();
  const can = useCan();
  const columns: ColumnsType<TicketSummary> = [
    {
      title: t('tickets.number'),
      dataIndex: 'number',
      key: 'number',
      render: (n: string, r) => (
        <Space size={4}>
          <Link to={`/tickets/${r.id}`} data-testid="ticket-link">
            {n}
          </Link>
          <UrgentTag urgent={r.urgent} />
        </Space>
      ),
    },
    {
      title: t('tickets.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: string) => <TicketStatusTag status={s} />,
    },
    {
      title: t('tickets.due'),
      key: 'due',
      render: (_, r) => <DueCell ticket={r} />,
    },
    {
      title: t('tickets.type'),
      key: 'type',
      render: (_, r) => (
        <Space vertical size={0}>
          <span>{typeLabel(t, r.type)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {channelLabel(t, r.channel)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('tickets.customer'),
      key: 'customer',
      render: (_, r) =>
        can('customer.read') ? (
          <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
        ) : (
          r.customerName
        ),
    },
    {
      title: t('tickets.serialNo'),
      key: 'asset',
      render: (_, r) =>
        r.assetId && can('asset.read') ? <Link to={`/assets/${r.assetId}`}>{r.serialNo}</Link> : r.serialNo,
    },
    {
      title: t('tickets.description'),
      dataIndex: 'description',
      key: 'description',
      ellipsis: true,
      width: 240,
    },
    {
      title: t('tickets.assignee'),
      key: 'assignee',
      render: (_, r) =>
        assigneeText(r) ?? <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>,
    },
    {
      title: t('tickets.reportedAt'),
      dataIndex: 'reportedAt',
      key: 'reportedAt',
      render: (v: string) => formatTime(v),
    },
  ];
  return columns.filter((c) => !omit.includes(c.key as 'customer' | 'asset'));
}
