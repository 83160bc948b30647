import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Grid, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TicketStatus } from '../../api/ticket-types';
import { LoadFailed } from '../../components/LoadFailed';
import { formatTime } from '../../lib/time';
import { TicketStatusTag, typeLabel } from '../tickets/common';
import { ReplyBox } from '../tickets/ReplyBox';
import { SlaClocks } from '../tickets/SlaClocks';
import { TicketAttachments } from '../tickets/TicketAttachments';
import { TicketTimeline } from '../tickets/TicketTimeline';
import { useTicket } from '../tickets/use-ticket';
import { PortalWorkOrders } from './PortalWorkOrders';

const STEPS = ['new', 'arranged', 'in_progress', 'resolved', 'closed'] as const;

// Waiting for the customer is part of the work, shown on the "in progress" step.
const stepOf = (s: TicketStatus) =>
  s === 'waiting_customer' ? 2 : Math.max(0, STEPS.indexOf(s as (typeof STEPS)[number]));

/** Where the customer's request stands, its deadlines, the conversation and the files. */
export default function PortalTicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const query = useTicket(id);
  const tk = query.data;
  if (!tk) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  const cancelled = tk.status === 'cancelled';

  return (
    <Space vertical size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Card
        data-testid="portal-ticket-card"
        title={
          <Space wrap>
            <span data-testid="ticket-number">{tk.number}</span>
            <TicketStatusTag status={tk.status} />
          </Space>
        }
        extra={
          <Link to="/portal">
            <ArrowLeftOutlined aria-hidden /> {narrow ? '' : t('portal.back')}
          </Link>
        }
      >
        {cancelled ? (
          <Alert type="info" showIcon title={t('portal.cancelled')} style={{ marginBottom: 16 }} />
        ) : (
          <Steps
            size="small"
            orientation={narrow ? 'vertical' : 'horizontal'}
            current={stepOf(tk.status)}
            data-testid="portal-steps"
            style={{ marginBottom: 16 }}
            items={STEPS.map((s) => ({
              title: t(`portal.steps.${s}`),
              content:
                s === 'in_progress' && tk.status === 'waiting_customer' ? t('portal.waiting') : undefined,
            }))}
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'type', label: t('tickets.type'), children: typeLabel(t, tk.type) },
            { key: 'asset', label: t('tickets.serialNo'), children: tk.serialNo },
            { key: 'reported', label: t('tickets.reportedAt'), children: formatTime(tk.reportedAt) },
            {
              key: 'assignee',
              label: t('tickets.assignee'),
              children: tk.assigneeName ?? tk.assigneeDealerName,
            },
            {
              key: 'description',
              label: t('tickets.description'),
              span: 2,
              children: (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{tk.description}</Typography.Text>
              ),
            },
            ...(tk.resolution
              ? [{ key: 'resolution', label: t('tickets.resolution'), span: 2, children: tk.resolution }]
              : []),
          ]}
        />
      </Card>
      <PortalWorkOrders ticketId={tk.id} />
      {tk.sla.length > 0 && !cancelled && (
        <Card title={t('portal.deadlines')}>
          <SlaClocks ticket={tk} showReasons={false} />
        </Card>
      )}
      <Card title={t('portal.conversation')}>
        <TicketTimeline events={tk.events} />
        <ReplyBox ticket={tk} allowInternal={false} />
      </Card>
      <Card title={t('ticket.attachments')}>
        <TicketAttachments ticket={tk} />
      </Card>
    </Space>
  );
}
