import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Grid, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrderSummary } from '../../api/field-types';
import { useReportError } from '../../lib/errors';
import { useWorkOrder, WORK_ORDERS } from '../../lib/field-lookups';
import { formatFen } from '../../lib/format';
import { useCan } from '../../lib/session';
import { ChargesSummary, ChargesTable } from '../work-orders/ChargesTable';
import { QuoteStatusTag, useWorkOrderAction, WorkOrderStatusTag } from '../work-orders/common';

/** One quote waiting for the customer: what they would pay for, with tax, and their two buttons. */
function QuoteCard({ summary }: { summary: WorkOrderSummary }) {
  const { t } = useTranslation();
  const can = useCan();
  const order = useWorkOrder(summary.id).data;
  const { busy, run } = useWorkOrderAction(summary.id);
  // A phone has no room for the table's columns: one line per charge instead.
  const narrow = !Grid.useBreakpoint().md;
  const quote = order?.quote ?? order?.charges ?? null;
  const total = quote?.customerTotalFen ?? summary.customerTotalFen;
  const decide = (accepted: boolean) =>
    run(
      () => workOrdersApi.decideQuote(summary.id, { version: order?.version ?? summary.version, accepted }),
      accepted ? t('quote.portalAccepted') : t('quote.portalRejected'),
    );
  return (
    <Card
      type="inner"
      size="small"
      title={t('quote.portalTitle')}
      data-testid={`portal-quote-${summary.number}`}
      style={{ marginTop: 12 }}
    >
      <Typography.Paragraph type="secondary">{t('quote.portalHint')}</Typography.Paragraph>
      {narrow ? (
        <ChargesSummary charges={quote} />
      ) : (
        <ChargesTable charges={quote} showCompanyCost={false} testId="portal-quote-lines" />
      )}
      {can('quote.accept') && (
        <Flex justify="flex-end" gap={8} wrap style={{ marginTop: 12 }}>
          <Popconfirm title={t('quote.portalRejectConfirm')} onConfirm={() => void decide(false)}>
            <Button size="large" danger disabled={busy || !order} data-testid="quote-reject">
              {t('quote.portalReject')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('quote.portalAcceptConfirm', { total: formatFen(total) })}
            onConfirm={() => void decide(true)}
          >
            <Button size="large" type="primary" disabled={busy || !order} data-testid="quote-accept">
              {t('quote.portalAccept')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </Card>
  );
}

/**
 * The customer's view of the ticket's field jobs: where each stands, and any quote that waits for
 * their decision (out-of-warranty work starts only once they accept it).
 */
export function PortalWorkOrders({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const params = { ticketId, limit: 50 };
  const query = useQuery({
    queryKey: [WORK_ORDERS, 'list', params],
    queryFn: () => workOrdersApi.list(params),
    enabled: can('workorder.read'),
  });
  useReportError(query.error);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('wo.ticketSection')} data-testid="portal-work-orders">
      {items.map((o) => (
        <div key={o.id} data-testid={`portal-wo-${o.number}`} style={{ marginBottom: 16 }}>
          <Flex justify="space-between" wrap gap={8}>
            <Space wrap>
              <Typography.Text strong>{o.number}</Typography.Text>
              <WorkOrderStatusTag status={o.status} />
              {o.quoteRequired && <QuoteStatusTag status={o.quoteStatus} />}
            </Space>
            <Typography.Text type="secondary">
              {[o.plannedDate, o.engineers.map((e) => e.name).join('、')].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0 0' }}>{o.task}</Typography.Paragraph>
          {o.quoteStatus === 'sent' && <QuoteCard summary={o} />}
          {o.quoteStatus === 'accepted' && (
            <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('quote.portalAccepted')} />
          )}
          {o.quoteStatus === 'rejected' && (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('quote.portalRejected')} />
          )}
        </div>
      ))}
    </Card>
  );
}
