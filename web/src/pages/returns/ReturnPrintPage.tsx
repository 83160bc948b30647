import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CHECKLIST_ITEMS, type ReturnRequest } from '../../api/return-types';
import { LoadFailed } from '../../components/LoadFailed';
import { fenInCapitals, formatFen } from '../../lib/format';
import { useReturn } from '../../lib/return-lookups';
import { formatTime } from '../../lib/time';
import { categoryLabel, componentLabel, remedyLabel, statusLabel, viaLabel } from './common';

// Paper gets the document only: buttons go, and a section does not break across pages.
const PRINT_CSS = `
@media print {
  .no-print { display: none !important; }
  body { background: #fff; }
  .print-section { page-break-inside: avoid; }
  @page { margin: 12mm; }
}
`;

function Voucher({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  if (!r.refundFen) return null;
  const drafted = r.events.find((e) => e.kind === 'refund_drafted');
  const approved = r.events.find((e) => e.kind === 'refunded');
  return (
    <div className="print-section" data-testid="refund-voucher" style={{ marginTop: 32 }}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {t('rma.voucher.title')}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'number', label: t('rma.number'), children: r.number },
          { key: 'payee', label: t('rma.voucher.payee'), children: r.customerName },
          {
            key: 'capital',
            label: t('rma.voucher.amountCapital'),
            span: 2,
            children: <strong data-testid="refund-capital">{fenInCapitals(r.refundFen)}</strong>,
          },
          { key: 'amount', label: t('rma.voucher.amount'), children: formatFen(r.refundFen) },
          { key: 'invoice', label: t('rma.invoice'), children: formatFen(r.invoiceFen) },
          { key: 'drafted', label: t('rma.voucher.drafted'), children: drafted?.actorName ?? '' },
          { key: 'approver', label: t('rma.voucher.approver'), children: approved?.actorName ?? '' },
          {
            key: 'approvedAt',
            label: t('rma.voucher.approvedAt'),
            span: 2,
            children: r.refundApprovedAt
              ? formatTime(r.refundApprovedAt)
              : t(`rma.refundStatuses.${r.refundStatus}`, { defaultValue: r.refundStatus }),
          },
        ]}
      />
    </div>
  );
}

/** Print view of the 退换货登记表 (and the refund voucher once a refund is drafted). */
export default function ReturnPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useReturn(id);
  const r = query.data;
  if (!r) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  const yes = (b: boolean | null | undefined) => (b ? '☑' : '☐');
  return (
    <div
      style={{ maxWidth: 1000, margin: '0 auto', padding: 24, background: '#fff' }}
      data-testid="print-view"
    >
      <style>{PRINT_CSS}</style>
      <Flex justify="space-between" className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/returns/${r.id}`)}>
          {t('rma.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('rma.print')}
        </Button>
      </Flex>
      <div className="print-section">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('rma.printTitle')}
        </Typography.Title>
        <Descriptions
          bordered
          size="small"
          column={2}
          data-testid="print-form"
          items={[
            { key: 'number', label: t('rma.number'), children: r.number },
            { key: 'status', label: t('rma.status'), children: statusLabel(t, r.status) },
            { key: 'customer', label: t('rma.customer'), children: r.customerName },
            { key: 'phone', label: t('rma.contactPhone'), children: r.contactPhone ?? '' },
            { key: 'model', label: t('rma.model'), children: r.modelName ?? '' },
            { key: 'serial', label: t('rma.serialNo'), children: r.serialNo ?? '' },
            { key: 'category', label: t('rma.category'), children: categoryLabel(t, r.productCategory) },
            {
              key: 'component',
              label: t('rma.majorComponent'),
              children: r.majorComponent ? componentLabel(t, r.majorComponent) : '',
            },
            { key: 'purchased', label: t('rma.purchasedAt'), children: r.purchasedAt },
            { key: 'received', label: t('rma.receivedAt'), children: r.receivedAt ?? '' },
            { key: 'submitted', label: t('rma.submittedAt'), children: formatTime(r.submittedAt) },
            { key: 'requested', label: t('rma.requested'), children: remedyLabel(t, r.requested) },
            { key: 'quality', label: t('rma.qualityFault'), children: yes(r.qualityFault) },
            { key: 'complete', label: t('rma.goodsComplete'), children: yes(r.goodsComplete) },
            { key: 'reason', label: t('rma.reason'), span: 2, children: r.reason },
            {
              key: 'eligibility',
              label: t('rma.eligibility.options'),
              span: 2,
              children:
                r.eligibility.options.map((o) => remedyLabel(t, o)).join('、') || t('rma.eligibility.none'),
            },
            {
              key: 'decision',
              label: t('rma.option'),
              children: r.option
                ? remedyLabel(t, r.option)
                : r.approved === false
                  ? t('rma.statuses.rejected')
                  : '',
            },
            { key: 'via', label: t('rma.form.via'), children: r.receiptVia ? viaLabel(t, r.receiptVia) : '' },
            {
              key: 'checklist',
              label: t('rma.checklist.title'),
              span: 2,
              children: CHECKLIST_ITEMS.map(
                (k) => `${yes(r.checklist?.[k])} ${t(`rma.checklist.${k}`)}`,
              ).join('　'),
            },
            { key: 'inspection', label: t('rma.form.passed'), span: 2, children: r.inspectionNote ?? '' },
            { key: 'signCustomer', label: t('rma.signature.customer'), children: '' },
            { key: 'signHandler', label: t('rma.signature.handler'), children: '' },
          ]}
        />
      </div>
      <Voucher r={r} />
    </div>
  );
}
