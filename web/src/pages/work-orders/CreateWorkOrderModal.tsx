import { App, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { Ticket } from '../../api/ticket-types';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useEngineerOptions, useWorkOrderChanged } from '../../lib/field-lookups';
import { createBody } from '../../lib/forms';
import { dateFieldProps, shanghaiInstant, TIME_FORMAT } from '../../lib/time';

export const TRADES = ['mechanical', 'electrical', 'hydraulic', 'software', 'general'];

interface Values {
  task: string;
  trade?: string;
  region?: string;
  address?: string;
  deadlineAt?: Dayjs | null;
  plannedDate?: string | null;
  engineerIds?: string[];
}

/** 开派工单: a field job for this ticket; engineers may be named now or on the board later. */
export function CreateWorkOrderModal({
  ticket,
  open,
  onClose,
}: {
  ticket: Pick<Ticket, 'id' | 'description' | 'address'>;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const engineers = useEngineerOptions(open);
  const changed = useWorkOrderChanged();
  const required = { required: true, whitespace: true, message: t('users.required') };

  return (
    <FormModal<Values>
      open={open}
      title={t('wo.create')}
      width={720}
      initialValues={{ task: ticket.description.slice(0, 2000), address: ticket.address ?? undefined }}
      onSubmit={async ({ deadlineAt, engineerIds, ...v }) => {
        const order = await workOrdersApi.create(ticket.id, {
          ...createBody(v),
          task: v.task.trim(),
          deadlineAt: deadlineAt ? shanghaiInstant(deadlineAt) : undefined,
          engineerIds: engineerIds?.length ? engineerIds : undefined,
        });
        changed(order.id, order);
        void message.success(t('wo.created', { number: order.number }));
        onClose();
      }}
      onCancel={onClose}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="task" label={t('wo.task')} rules={[required]}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="wo-create-task" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="trade" label={t('wo.trade')}>
            <Select
              allowClear
              options={TRADES.map((v) => ({ value: v, label: t(`field.trades.${v}`) }))}
              data-testid="wo-create-trade"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="region" label={t('wo.region')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('wo.address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="deadlineAt" label={t('wo.deadline')}>
            <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="plannedDate" label={t('wo.planned')} {...dateFieldProps}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="engineerIds" label={t('wo.engineers')}>
            <Select
              mode="multiple"
              allowClear
              loading={engineers.loading}
              options={engineers.options}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="wo-create-engineers"
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
