import { App, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Severity } from '../../api/complaint-types';
import { complaintsApi } from '../../api/complaints';
import type { Channel } from '../../api/ticket-types';
import { AssetSelect } from '../../components/AssetSelect';
import { CustomerSelect } from '../../components/CustomerSelect';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useComplaintChanged } from '../../lib/complaint-lookups';
import { createBody } from '../../lib/forms';
import { shanghaiInstant, shanghaiPickerValue, TIME_FORMAT } from '../../lib/time';
import { channelOptions } from '../tickets/common';
import { severityOptions } from './common';

interface Values {
  customerId: string;
  assetId?: string;
  channel: Channel;
  severity: Severity;
  subject: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
  receivedAt: Dayjs;
}

/** What the complaint is about when it is filed from a customer, machine or service request page. */
export interface ComplaintPreset {
  customerId?: string;
  customerName?: string;
  assetId?: string;
  aboutTicketId?: string;
}

/**
 * 客户投诉申请单: whoever takes the complaint (phone, letter, visit…) records it; the 72-hour
 * feedback clock starts at the time it was received.
 */
export function RegisterComplaintModal({
  open,
  onClose,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  preset?: ComplaintPreset;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changed = useComplaintChanged();

  const submit = async ({ receivedAt, ...v }: Values) => {
    const c = await complaintsApi.create({
      ...createBody(v),
      customerId: v.customerId,
      channel: v.channel,
      severity: v.severity,
      subject: v.subject.trim(),
      description: v.description.trim(),
      aboutTicketId: preset?.aboutTicketId,
      receivedAt: shanghaiInstant(receivedAt),
    });
    changed(c.id, c);
    void message.success(t('complaint.registered', { number: c.number }));
    onClose();
    navigate(`/complaints/${c.id}`);
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('complaint.registerTitle')}
      width={760}
      initialValues={{
        channel: 'phone',
        severity: 'medium',
        customerId: preset?.customerId,
        assetId: preset?.assetId,
        receivedAt: shanghaiPickerValue(),
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Fields preset={preset} />
    </FormModal>
  );
}

function Fields({ preset }: { preset?: ComplaintPreset }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const customerId = Form.useWatch('customerId', form);
  const required = { required: true, message: t('users.required') };
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="customerId" label={t('complaint.customer')} rules={[required]}>
          <CustomerSelect
            data-testid="complaint-customer"
            disabled={!!preset?.customerId}
            initialOption={
              preset?.customerId ? { value: preset.customerId, label: preset.customerName ?? '' } : undefined
            }
            onChange={() => form.setFieldValue('assetId', undefined)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="assetId" label={t('complaint.asset')}>
          <AssetSelect customerId={customerId} allowClear disabled={!customerId} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="channel" label={t('complaint.channel')} rules={[required]}>
          <Select options={channelOptions(t)} data-testid="complaint-channel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="severity" label={t('complaint.severity')} rules={[required]}>
          <Select options={severityOptions(t)} data-testid="complaint-severity-select" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="receivedAt" label={t('complaint.receivedAt')} rules={[required]}>
          <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="subject" label={t('complaint.subject')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={200} data-testid="complaint-subject" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="description"
          label={t('complaint.description')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="complaint-description" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="contactName" label={t('complaint.contactName')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="contactPhone" label={t('complaint.contactPhone')}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
    </Row>
  );
}
