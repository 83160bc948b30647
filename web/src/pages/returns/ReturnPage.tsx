import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReturnRequest } from '../../api/return-types';
import { LoadFailed } from '../../components/LoadFailed';
import { formatFen } from '../../lib/format';
import { useReturn } from '../../lib/return-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import {
  categoryLabel,
  componentLabel,
  DueCountdown,
  ReturnStatusTag,
  remedyLabel,
  viaLabel,
} from './common';
import { ReturnActions, ReturnSteps } from './ReturnActions';
import { ChecklistPanel, DeadlinesPanel, EligibilityPanel, ReturnTimeline } from './ReturnPanels';

function Facts({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  const can = useCan();
  const link = (ok: boolean, to: string, text: string | null) =>
    ok && text ? <Link to={to}>{text}</Link> : text;
  const yes = (b: boolean) => (b ? t('rma.yes') : t('rma.no'));
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="return-facts"
      items={[
        {
          key: 'customer',
          label: t('rma.customer'),
          children: link(can('customer.read'), `/customers/${r.customerId}`, r.customerName),
        },
        {
          key: 'asset',
          label: t('rma.asset'),
          children: link(
            can('asset.read') && !!r.assetId,
            `/assets/${r.assetId}`,
            [r.modelName, r.serialNo].filter(Boolean).join(' · ') || null,
          ),
        },
        { key: 'category', label: t('rma.category'), children: categoryLabel(t, r.productCategory) },
        { key: 'purchased', label: t('rma.purchasedAt'), children: r.purchasedAt },
        { key: 'received', label: t('rma.receivedAt'), children: r.receivedAt ?? '—' },
        { key: 'submitted', label: t('rma.submittedAt'), children: formatTime(r.submittedAt) },
        { key: 'requested', label: t('rma.requested'), children: remedyLabel(t, r.requested) },
        {
          key: 'option',
          label: t('rma.option'),
          children: r.option
            ? remedyLabel(t, r.option)
            : r.approved === false
              ? t('rma.statuses.rejected')
              : '—',
        },
        { key: 'via', label: t('rma.form.via'), children: r.receiptVia ? viaLabel(t, r.receiptVia) : '—' },
        { key: 'quality', label: t('rma.qualityFault'), children: yes(r.qualityFault) },
        { key: 'fault', label: t('rma.faultCode'), children: r.faultCode ?? '—' },
        {
          key: 'component',
          label: t('rma.majorComponent'),
          children: r.majorComponent ? componentLabel(t, r.majorComponent) : '—',
        },
        { key: 'complete', label: t('rma.goodsComplete'), children: yes(r.goodsComplete) },
        { key: 'phone', label: t('rma.contactPhone'), children: r.contactPhone ?? '—' },
        { key: 'city', label: t('rma.city'), children: r.city ?? '—' },
        {
          key: 'ticket',
          label: t('rma.ticket'),
          children: link(can('ticket.read'), `/tickets/${r.ticketId}`, r.ticketNumber) ?? '—',
        },
        {
          key: 'source',
          label: t('rma.source'),
          children: t(`rma.sources.${r.source}`, { defaultValue: r.source }),
        },
        { key: 'invoice', label: t('rma.invoice'), children: formatFen(r.invoiceFen) || '—' },
        {
          key: 'refund',
          label: t('rma.refund'),
          children: r.refundFen ? (
            <span data-testid="return-refund">
              {formatFen(r.refundFen)}（
              {t(`rma.refundStatuses.${r.refundStatus}`, { defaultValue: r.refundStatus })}）
            </span>
          ) : (
            '—'
          ),
        },
        ...(r.replacementSerialNo
          ? [
              {
                key: 'replacement',
                label: t('rma.form.replacementSerialNo'),
                children: r.replacementSerialNo,
              },
            ]
          : []),
        ...(r.decisionNote
          ? [{ key: 'decisionNote', label: t('rma.form.note'), span: 3, children: r.decisionNote }]
          : []),
        {
          key: 'reason',
          label: t('rma.reason'),
          span: 3,
          children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</Typography.Text>,
        },
      ]}
    />
  );
}

/** 退换货申请: the 三包 decision with its reasons, every deadline with its clause, the steps and their history. */
export default function ReturnPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useReturn(id);
  const r = query.data;
  if (!r) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  const card = (title: string, body: ReactNode, testId?: string) => (
    <Card title={title} style={{ marginTop: 16 }} data-testid={testId}>
      {body}
    </Card>
  );
  return (
    <>
      <Card
        data-testid="return-card"
        title={
          <Space wrap>
            <span data-testid="return-number">{r.number}</span>
            <ReturnStatusTag status={r.status} />
            <DueCountdown r={r} />
          </Space>
        }
        extra={
          <Space>
            <Link to={`/returns/${r.id}/print`} target="_blank" data-testid="return-print">
              <Button icon={<PrinterOutlined aria-hidden />}>{t('rma.print')}</Button>
            </Link>
            <Link to="/returns">
              <ArrowLeftOutlined aria-hidden /> {t('rma.back')}
            </Link>
          </Space>
        }
      >
        <ReturnSteps r={r} />
        <div style={{ margin: '16px 0' }}>
          <ReturnActions r={r} />
        </div>
        <Facts r={r} />
      </Card>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          {card(t('rma.eligibility.title'), <EligibilityPanel r={r} />)}
          {card(t('rma.timeline'), <ReturnTimeline r={r} />)}
        </Col>
        <Col xs={24} xl={10}>
          {card(t('rma.deadlinesTitle'), <DeadlinesPanel r={r} />)}
          {card(t('rma.checklist.title'), <ChecklistPanel r={r} />)}
        </Col>
      </Row>
    </>
  );
}
