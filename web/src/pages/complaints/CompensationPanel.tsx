import { Button, Descriptions, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../api/complaint-types';
import { complaintsApi } from '../../api/complaints';
import { FormModal } from '../../components/FormModal';
import { useComplaintChanged } from '../../lib/complaint-lookups';
import { fenFieldProps, formatFen } from '../../lib/format';
import { useCan } from '../../lib/session';

const COLOURS: Record<string, string> = {
  none: 'default',
  claimed: 'gold',
  approved: 'green',
  rejected: 'red',
};
const OPEN = ['received', 'investigating', 'action', 'feedback_sent', 'rechecked'];

interface ClaimValues {
  amountFen: number;
  note?: string;
}
interface DecisionValues {
  approved: boolean;
  amountFen?: number | null;
  note?: string;
}

/** 赔偿: the customer's claim in fen (shown in yuan) and the decision on it. */
export function CompensationPanel({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const can = useCan();
  const changed = useComplaintChanged();
  const [modal, setModal] = useState<'claim' | 'decide' | null>(null);
  const open = OPEN.includes(c.status);
  const canClaim = can('complaint.create') && open && ['none', 'claimed'].includes(c.compensationStatus);
  const canDecide = can('complaint.handle') && open && c.compensationStatus === 'claimed';
  const required = { required: true, message: t('users.required') };

  return (
    <div data-testid="complaint-compensation" data-status={c.compensationStatus}>
      {c.compensationStatus === 'none' ? (
        <Typography.Text type="secondary">{t('complaint.compensation.none')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'status',
              label: t('complaint.status'),
              children: (
                <Tag color={COLOURS[c.compensationStatus]}>
                  {t(`complaint.compensation.statuses.${c.compensationStatus}`)}
                </Tag>
              ),
            },
            {
              key: 'amount',
              label:
                c.compensationStatus === 'approved'
                  ? t('complaint.compensation.granted')
                  : t('complaint.compensation.claimed'),
              children: (
                <span data-testid="complaint-compensation-amount">{formatFen(c.compensationFen)}</span>
              ),
            },
          ]}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {canClaim && (
          <Button onClick={() => setModal('claim')} data-testid="complaint-claim">
            {c.compensationStatus === 'claimed'
              ? t('complaint.compensation.amend')
              : t('complaint.compensation.claim')}
          </Button>
        )}
        {canDecide && (
          <Button type="primary" onClick={() => setModal('decide')} data-testid="complaint-decide">
            {t('complaint.compensation.decide')}
          </Button>
        )}
      </Space>
      <FormModal<ClaimValues>
        open={modal === 'claim'}
        title={t('complaint.compensation.claim')}
        initialValues={{ amountFen: c.compensationFen ?? undefined }}
        onSubmit={async (v) => {
          changed(
            c.id,
            await complaintsApi.claim(c.id, { version: c.version, ...v, note: v.note?.trim() || undefined }),
          );
          setModal(null);
        }}
        onCancel={() => setModal(null)}
        onConflict={() => changed(c.id)}
      >
        <Form.Item
          name="amountFen"
          label={t('complaint.compensation.amount')}
          rules={[required]}
          {...fenFieldProps}
        >
          <InputNumber
            min={0.01}
            precision={2}
            style={{ width: '100%' }}
            data-testid="complaint-claim-amount"
          />
        </Form.Item>
        <Form.Item name="note" label={t('complaint.compensation.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<DecisionValues>
        open={modal === 'decide'}
        title={t('complaint.compensation.decide')}
        initialValues={{ approved: true }}
        onSubmit={async (v) => {
          changed(
            c.id,
            await complaintsApi.decide(c.id, {
              version: c.version,
              approved: v.approved,
              amountFen: v.approved && v.amountFen ? v.amountFen : undefined,
              note: v.note?.trim() || undefined,
            }),
          );
          setModal(null);
        }}
        onCancel={() => setModal(null)}
        onConflict={() => changed(c.id)}
      >
        <Form.Item name="approved" label={t('complaint.compensation.approved')}>
          <Radio.Group
            options={[
              { value: true, label: t('complaint.compensation.approve') },
              { value: false, label: t('complaint.compensation.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item name="amountFen" label={t('complaint.compensation.approvedAmount')} {...fenFieldProps}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('complaint.compensation.note')}
          extra={t('complaint.compensation.reasonRequired')}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
