import { App, Button, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder } from '../../api/field-types';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useApiErrorHandler } from '../../lib/errors';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { patchBody } from '../../lib/forms';
import { dateFieldProps, shanghaiInstant, shanghaiPickerValue, TIME_FORMAT } from '../../lib/time';
import { TRADES } from './CreateWorkOrderModal';

interface Values {
  task: string;
  trade?: string | null;
  region?: string | null;
  address?: string | null;
  deadlineAt?: Dayjs | null;
  plannedDate?: string | null;
  travelKm: number;
}

const toValues = (o: WorkOrder): Values => ({
  task: o.task,
  trade: o.trade,
  region: o.region,
  address: o.address,
  deadlineAt: o.deadlineAt ? shanghaiPickerValue(o.deadlineAt) : null,
  plannedDate: o.plannedDate,
  travelKm: o.travelKm,
});

// Day pickers compare as instants; PATCH only what really changed.
const comparable = ({ deadlineAt, ...v }: Values) => ({
  ...v,
  deadlineAt: deadlineAt ? shanghaiInstant(deadlineAt) : null,
});

/** Edits the job itself (task, place, deadline) and the travel distance the travel charge is priced on. */
export function EditWorkOrderModal({
  order,
  open,
  onClose,
}: {
  order: WorkOrder;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const changed = useWorkOrderChanged();
  const required = { required: true, whitespace: true, message: t('users.required') };
  return (
    <FormModal<Values>
      open={open}
      title={t('wo.editTitle', { number: order.number })}
      width={720}
      initialValues={toValues(order)}
      resetKey={`${order.id}:${order.version}`}
      onSubmit={async (v) => {
        const patch = patchBody(comparable(toValues(order)), comparable(v));
        if (Object.keys(patch).length > 0) {
          // travelKm is not nullable: an emptied box means 0 km.
          if ('travelKm' in patch && patch.travelKm === null) patch.travelKm = 0;
          changed(order.id, await workOrdersApi.update(order.id, { ...patch, version: order.version }));
        }
        onClose();
      }}
      onCancel={onClose}
      onConflict={() => changed(order.id)}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="task" label={t('wo.task')} rules={[required]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="trade" label={t('wo.trade')}>
            <Select allowClear options={TRADES.map((v) => ({ value: v, label: t(`field.trades.${v}`) }))} />
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
        <Col xs={24} md={8}>
          <Form.Item name="deadlineAt" label={t('wo.deadline')}>
            <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="plannedDate" label={t('wo.planned')} {...dateFieldProps}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="travelKm" label={t('wo.travelKm')}>
            <InputNumber
              min={0}
              max={100_000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="wo-travel-km"
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

/** The engineer's phone: only the kilometres driven, which price the travel line. */
export function TravelKmField({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useWorkOrderChanged();
  const [km, setKm] = useState<number | null>(order.travelKm);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      changed(order.id, await workOrdersApi.update(order.id, { version: order.version, travelKm: km ?? 0 }));
      void message.success(t('common.saved'));
    } catch (err) {
      handleError(err, { onConflict: () => changed(order.id) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={8} align="center">
      <InputNumber
        min={0}
        max={100_000}
        precision={0}
        value={km}
        onChange={setKm}
        size="large"
        aria-label={t('wo.travelKm')}
        addonAfter={t('field.units.km')}
        style={{ flex: 1 }}
        data-testid="m-travel-km"
      />
      <Button size="large" disabled={busy || km === order.travelKm} onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Flex>
  );
}
