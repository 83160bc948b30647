import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Ticket } from '../../api/ticket-types';
import { LoadFailed } from '../../components/LoadFailed';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { EntitlementPanel } from '../assets/EntitlementPanel';
import { ComplaintButton } from '../complaints/ComplaintButton';
import { TicketVisits } from '../followups/TicketVisits';
import { TicketWorkOrders } from '../work-orders/TicketWorkOrders';
import { channelLabel, metricLabel, TicketStatusTag, typeLabel, UrgentTag } from './common';
import { ReplyBox } from './ReplyBox';
import { SlaClocks } from './SlaClocks';
import { TicketActions } from './TicketActions';
import { TicketAttachments } from './TicketAttachments';
import { TicketTimeline } from './TicketTimeline';
import { assigneeText } from './ticket-columns';
import { useTicket } from './use-ticket';

function TicketFacts({ ticket: tk }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const can = useCan();
  const item = (key: string, label: string, children: ReactNode, span = 1) => ({
    key,
    label,
    children,
    span,
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="ticket-facts"
      items={[
        item(
          'customer',
          t('tickets.customer'),
          can('customer.read') ? (
            <Link to={`/customers/${tk.customerId}`}>{tk.customerName}</Link>
          ) : (
            tk.customerName
          ),
        ),
        item(
          'asset',
          t('tickets.asset'),
          tk.assetId && can('asset.read') ? (
            <Link to={`/assets/${tk.assetId}`} data-testid="ticket-asset">
              {tk.serialNo}
            </Link>
          ) : (
            tk.serialNo
          ),
        ),
        item('type', t('tickets.type'), `${typeLabel(t, tk.type)} · ${channelLabel(t, tk.channel)}`),
        item('reportedAt', t('tickets.reportedAt'), formatTime(tk.reportedAt)),
        item('occurredAt', t('tickets.occurredAt'), formatTime(tk.occurredAt)),
        item('source', t('tickets.source'), t(`tickets.sources.${tk.source}`, { defaultValue: tk.source })),
        item('contact', t('tickets.contactName'), tk.contactName),
        item('phone', t('tickets.contactPhone'), tk.contactPhone),
        item(
          'assignee',
          t('tickets.assignee'),
          <span data-testid="ticket-assignee">{assigneeText(tk) ?? t('tickets.unassigned')}</span>,
        ),
        item('address', t('tickets.address'), tk.address, 3),
        item(
          'description',
          t('tickets.description'),
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{tk.description}</Typography.Text>,
          3,
        ),
        ...(tk.request ? [item('request', t('tickets.request'), tk.request, 3)] : []),
        ...(tk.resolution ? [item('resolution', t('tickets.resolution'), tk.resolution, 3)] : []),
      ]}
    />
  );
}

/** Pauses and escalations: why a clock stood still or who was told it ran out. */
function PauseAndEscalations({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  if (ticket.pauses.length === 0 && ticket.escalations.length === 0) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }}>
      {ticket.pauses.length > 0 && (
        <>
          <Typography.Text strong>{t('ticket.pauses')}</Typography.Text>
          <ul style={{ margin: '4px 0 8px', paddingLeft: 20 }} data-testid="ticket-pauses">
            {ticket.pauses.map((p) => (
              <li key={p.id}>
                {formatTime(p.from)} – {p.to ? formatTime(p.to) : t('ticket.openPause')}：{p.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {ticket.escalations.length > 0 && (
        <>
          <Typography.Text strong>{t('ticket.escalations')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid="ticket-escalations">
            {ticket.escalations.map((e) => (
              <li key={`${e.metric}:${e.stepIndex}`}>
                {formatTime(e.reachedAt)}{' '}
                {t('ticket.escalationStep', {
                  metric: metricLabel(t, e.metric),
                  percent: e.percent,
                  level: e.level,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** 服务请求处理页: facts, actions, deadlines with their reasons, warranty, history, replies, files. */
export default function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useTicket(id);
  const tk = query.data;
  if (!tk) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <Card
        data-testid="ticket-card"
        title={
          <Space wrap>
            <span data-testid="ticket-number">{tk.number}</span>
            <TicketStatusTag status={tk.status} />
            <UrgentTag urgent={tk.urgent} />
            {tk.escalationLevel > 0 && (
              <Tag color="volcano">{t('tickets.escalationLevel', { n: tk.escalationLevel })}</Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {tk.type !== 'complaint' && (
              <ComplaintButton
                preset={{
                  customerId: tk.customerId,
                  customerName: tk.customerName,
                  assetId: tk.assetId ?? undefined,
                  aboutTicketId: tk.id,
                }}
              />
            )}
            <Link to="/tickets">
              <ArrowLeftOutlined aria-hidden /> {t('ticket.back')}
            </Link>
          </Space>
        }
      >
        <div style={{ marginBottom: 16 }}>
          <TicketActions ticket={tk} />
        </div>
        <TicketFacts ticket={tk} />
      </Card>
      <TicketWorkOrders ticket={tk} />
      <TicketVisits ticket={tk} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t('ticket.sla')}>
            <SlaClocks ticket={tk} />
          </Card>
          <PauseAndEscalations ticket={tk} />
          <Card title={t('ticket.timeline')} style={{ marginTop: 16 }}>
            <TicketTimeline events={tk.events} />
            <ReplyBox ticket={tk} allowInternal={can('ticket.handle')} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('ticket.entitlement')}
            extra={
              tk.entitlement?.decidedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ticket.decidedAt', { at: formatTime(tk.entitlement.decidedAt) })}
                </Typography.Text>
              )
            }
          >
            {tk.entitlement ? (
              <EntitlementPanel result={tk.entitlement} testId="ticket-entitlement" />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.noEntitlement')} />
            )}
          </Card>
          <Card title={t('ticket.attachments')} style={{ marginTop: 16 }}>
            <TicketAttachments ticket={tk} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
