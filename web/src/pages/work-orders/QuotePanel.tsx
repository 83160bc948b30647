import {
  Alert,
  Button,
  Collapse,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder } from '../../api/field-types';
import { FormModal } from '../../components/FormModal';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { formatFen } from '../../lib/format';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { ChargesTable } from './ChargesTable';
import { QuoteStatusTag, useWorkOrderAction } from './common';

const isOpen = (o: WorkOrder) => !['closed', 'cancelled'].includes(o.status);

interface DecisionValues {
  accepted: boolean;
  decidedBy: string;
  note?: string;
}

/**
 * 报价: out-of-warranty work waits for the customer's yes (in the portal, or by phone/paper recorded
 * here), or for a manager's 先维保后补 approval when it cannot wait.
 */
export function QuotePanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const can = useCan();
  const changed = useWorkOrderChanged();
  const { busy, run } = useWorkOrderAction(order.id);
  const [modal, setModal] = useState<'decision' | 'urgent' | null>(null);
  const write = can('workorder.write');
  const open = isOpen(order);
  const status = order.quoteStatus;
  const canSend =
    write && open && order.quoteRequired && status !== 'accepted' && !['signed'].includes(order.status);
  const needsUrgent = order.quoteRequired && status !== 'accepted' && !order.urgentApprovedAt && open;

  return (
    <div data-testid="wo-quote">
      <Alert
        type={order.quoteRequired ? (status === 'accepted' ? 'success' : 'warning') : 'info'}
        showIcon
        title={order.quoteRequired ? t('quote.required') : t('quote.notRequired')}
        style={{ marginBottom: 12 }}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'status', label: t('quote.status'), children: <QuoteStatusTag status={status} /> },
          { key: 'total', label: t('charges.total'), children: formatFen(order.customerTotalFen) },
          ...(order.quoteSentAt
            ? [{ key: 'sent', label: t('quote.sentAt'), children: formatTime(order.quoteSentAt) }]
            : []),
          ...(order.quoteDecidedAt
            ? [
                { key: 'decided', label: t('quote.decidedAt'), children: formatTime(order.quoteDecidedAt) },
                {
                  key: 'by',
                  label: t('quote.decidedBy'),
                  children: `${order.quoteDecidedBy ?? ''}${
                    order.quoteDecidedVia
                      ? `（${t(`quote.via.${order.quoteDecidedVia}`, { defaultValue: order.quoteDecidedVia })}）`
                      : ''
                  }`,
                },
              ]
            : []),
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        {canSend && (
          <Popconfirm
            title={`${status === 'sent' ? t('quote.resend') : t('quote.send')}？`}
            onConfirm={() => void run(() => workOrdersApi.sendQuote(order.id, { version: order.version }))}
          >
            <Button type="primary" disabled={busy} data-testid="quote-send">
              {status === 'sent' || status === 'rejected' ? t('quote.resend') : t('quote.send')}
            </Button>
          </Popconfirm>
        )}
        {write && open && status === 'sent' && (
          <Button onClick={() => setModal('decision')} data-testid="quote-record">
            {t('quote.record')}
          </Button>
        )}
        {can('workorder.approve') && needsUrgent && (
          <Button danger onClick={() => setModal('urgent')} data-testid="urgent-approve">
            {t('urgent.approve')}
          </Button>
        )}
      </Space>
      {order.urgentApprovedAt && (
        <Alert
          type={order.paperworkRegularisedAt ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="urgent-info"
          title={t('urgent.title')}
          description={
            <Space vertical size={4}>
              <span>
                {t('urgent.approved', {
                  name: order.urgentApprovedByName ?? '',
                  at: formatTime(order.urgentApprovedAt),
                  reason: order.urgentReason ?? '',
                })}
              </span>
              {order.paperworkRegularisedAt ? (
                <span>{t('urgent.regularised', { at: formatTime(order.paperworkRegularisedAt) })}</span>
              ) : (
                (write || can('workorder.approve')) && (
                  <Popconfirm
                    title={`${t('urgent.regularise')}？`}
                    onConfirm={() =>
                      void run(() => workOrdersApi.regularise(order.id, { version: order.version }))
                    }
                  >
                    <Button size="small" disabled={busy} data-testid="urgent-regularise">
                      {t('urgent.regularise')}
                    </Button>
                  </Popconfirm>
                )
              )}
            </Space>
          }
        />
      )}
      {order.quote && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'snapshot',
              label: t('quote.snapshot'),
              children: (
                <ChargesTable charges={order.quote} showCompanyCost={false} testId="quote-snapshot" />
              ),
            },
          ]}
        />
      )}
      <FormModal<DecisionValues>
        open={modal === 'decision'}
        title={t('quote.recordTitle')}
        initialValues={{ accepted: true }}
        onSubmit={async (v) => {
          const next = await workOrdersApi.decideQuote(order.id, {
            version: order.version,
            accepted: v.accepted,
            decidedBy: v.decidedBy.trim(),
            note: v.note?.trim() || undefined,
          });
          changed(order.id, next);
          setModal(null);
        }}
        onCancel={() => setModal(null)}
        onConflict={() => changed(order.id)}
      >
        <Form.Item name="accepted" label={t('quote.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('quote.accept') },
              { value: false, label: t('quote.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="decidedBy"
          label={t('quote.decidedBy')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input maxLength={100} data-testid="quote-decided-by" />
        </Form.Item>
        <Form.Item name="note" label={t('quote.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }>
        open={modal === 'urgent'}
        title={t('urgent.approveTitle', { number: order.number })}
        onSubmit={async (v) => {
          const next = await workOrdersApi.urgentApproval(order.id, {
            version: order.version,
            reason: v.reason.trim(),
          });
          changed(order.id, next);
          setModal(null);
        }}
        onCancel={() => setModal(null)}
        onConflict={() => changed(order.id)}
      >
        <Typography.Paragraph type="secondary">{t('urgent.reasonHint')}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('urgent.reason')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="urgent-reason" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
