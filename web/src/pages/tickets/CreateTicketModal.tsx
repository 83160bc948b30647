import { App, Col, Form, Input, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Channel, TicketType } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { AssetSelect } from '../../components/AssetSelect';
import { CustomerSelect } from '../../components/CustomerSelect';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { createBody } from '../../lib/forms';
import { shanghaiInstant, shanghaiPickerValue, TIME_FORMAT } from '../../lib/time';
import { channelOptions, typeOptions } from './common';

interface Values {
  customerId: string;
  assetId?: string;
  channel: Channel;
  type: TicketType;
  urgent: boolean;
  description: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  reportedAt: Dayjs;
  occurredAt?: Dayjs | null;
}

function Fields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const customerId = Form.useWatch('customerId', form);
  const required = { required: true, message: t('users.required') };
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="customerId" label={t('tickets.customer')} rules={[required]}>
          {/* A machine of the previous customer would be refused by the server. */}
          <CustomerSelect onChange={() => form.setFieldValue('assetId', undefined)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="assetId" label={t('tickets.pickAsset')}>
          <AssetSelect
            key={customerId ?? 'none'}
            customerId={customerId}
            disabled={!customerId}
            placeholder={customerId ? undefined : t('tickets.pickCustomerFirst')}
            allowClear
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="channel" label={t('tickets.channel')} rules={[required]}>
          <Select options={channelOptions(t)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="type" label={t('tickets.type')} rules={[required]}>
          <Select options={typeOptions(t)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="urgent" label={t('tickets.urgent')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="description"
          label={t('tickets.description')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="contactName" label={t('tickets.contactName')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="contactPhone" label={t('tickets.contactPhone')}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="address" label={t('tickets.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="reportedAt" label={t('tickets.reportedAt')} rules={[required]}>
          <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="occurredAt" label={t('tickets.occurredAt')}>
          <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 登记服务请求: a call, letter or visit taken by the desk; opens the new ticket when saved. */
export function CreateTicketModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();

  const submit = async ({ reportedAt, occurredAt, ...v }: Values) => {
    const ticket = await ticketsApi.create({
      ...createBody(v),
      customerId: v.customerId,
      channel: v.channel,
      type: v.type,
      description: v.description.trim(),
      urgent: v.urgent,
      // Picked times are Beijing wall-clock times, whatever the browser's zone.
      reportedAt: shanghaiInstant(reportedAt),
      occurredAt: occurredAt ? shanghaiInstant(occurredAt) : undefined,
    });
    void message.success(t('tickets.created', { number: ticket.number }));
    onClose();
    navigate(`/tickets/${ticket.id}`);
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('tickets.create')}
      width={760}
      initialValues={{ channel: 'phone', type: 'repair', urgent: false, reportedAt: shanghaiPickerValue() }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Fields />
    </FormModal>
  );
}
