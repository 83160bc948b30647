import { App, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MajorComponent, ProductCategory, Remedy } from '../../api/return-types';
import { returnsApi } from '../../api/returns';
import { AssetSelect } from '../../components/AssetSelect';
import { CustomerSelect } from '../../components/CustomerSelect';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { fenFieldProps } from '../../lib/format';
import { createBody } from '../../lib/forms';
import { useReturnChanged } from '../../lib/return-lookups';
import { useMe } from '../../lib/session';
import {
  DATE_FORMAT,
  dateFieldProps,
  shanghaiInstant,
  shanghaiPickerValue,
  TIME_FORMAT,
} from '../../lib/time';
import { categoryOptions, componentOptions, remedyOptions } from './common';

interface Values {
  customerId: string;
  assetId?: string;
  productCategory: ProductCategory;
  purchasedAt: string;
  receivedAt?: string | null;
  submittedAt?: Dayjs;
  requested: Remedy;
  qualityFault: boolean;
  faultCode?: string;
  majorComponent?: MajorComponent;
  goodsComplete: boolean;
  reason: string;
  contactPhone?: string;
  city?: string;
  invoiceFen?: number;
}

/** Where the request comes from: a ticket of type return fills in its customer, unit and ticket. */
export interface ReturnPreset {
  customerId?: string;
  customerName?: string;
  assetId?: string;
  ticketId?: string;
}

/**
 * 退换货登记表: the desk registers a request received by phone or letter (with when it was made), a
 * customer files their own from the portal. The 三包 decision and the review deadline come back with it.
 */
export function RegisterReturnModal({
  open,
  onClose,
  preset,
  portal = false,
}: {
  open: boolean;
  onClose: () => void;
  preset?: ReturnPreset;
  portal?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changed = useReturnChanged();
  const me = useMe();

  const submit = async ({ submittedAt, ...v }: Values) => {
    const r = await returnsApi.create({
      ...createBody(v),
      customerId: portal ? (me.customerId ?? '') : v.customerId,
      productCategory: v.productCategory,
      purchasedAt: v.purchasedAt,
      requested: v.requested,
      qualityFault: !!v.qualityFault,
      goodsComplete: !!v.goodsComplete,
      reason: v.reason.trim(),
      ticketId: preset?.ticketId,
      ...(!portal && submittedAt ? { submittedAt: shanghaiInstant(submittedAt) } : {}),
    });
    changed(r.id, r);
    void message.success(t('rma.registered', { number: r.number }));
    onClose();
    if (!portal) navigate(`/returns/${r.id}`);
  };

  return (
    <FormModal<Values>
      open={open}
      title={portal ? t('rma.portal.file') : t('rma.registerTitle')}
      width={820}
      initialValues={{
        customerId: preset?.customerId,
        assetId: preset?.assetId,
        productCategory: 'equipment',
        requested: 'repair',
        qualityFault: true,
        goodsComplete: true,
        ...(portal ? {} : { submittedAt: shanghaiPickerValue() }),
      }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Fields preset={preset} portal={portal} />
    </FormModal>
  );
}

function Fields({ preset, portal }: { preset?: ReturnPreset; portal: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const form = Form.useFormInstance<Values>();
  const customerId = portal ? (me.customerId ?? undefined) : Form.useWatch('customerId', form);
  const category = Form.useWatch('productCategory', form);
  const quality = Form.useWatch('qualityFault', form);
  const required = { required: true, message: t('users.required') };
  return (
    <Row gutter={16}>
      {!portal && (
        <Col xs={24} md={12}>
          <Form.Item name="customerId" label={t('rma.customer')} rules={[required]}>
            <CustomerSelect
              data-testid="return-customer"
              disabled={!!preset?.customerId}
              initialOption={
                preset?.customerId
                  ? { value: preset.customerId, label: preset.customerName ?? '' }
                  : undefined
              }
              onChange={() => form.setFieldValue('assetId', undefined)}
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="assetId" label={t('rma.asset')}>
          <AssetSelect customerId={customerId} allowClear disabled={!customerId} data-testid="return-asset" />
        </Form.Item>
      </Col>
      <Col xs={24} md={portal ? 12 : 8}>
        <Form.Item name="productCategory" label={t('rma.category')} rules={[required]}>
          <Select options={categoryOptions(t)} data-testid="return-category" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="purchasedAt" label={t('rma.purchasedAt')} rules={[required]} {...dateFieldProps}>
          <DateInput format={DATE_FORMAT} data-testid="return-purchased" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="receivedAt" label={t('rma.receivedAt')} {...dateFieldProps}>
          <DateInput format={DATE_FORMAT} data-testid="return-received" />
        </Form.Item>
      </Col>
      {!portal && (
        <Col xs={24} md={8}>
          <Form.Item name="submittedAt" label={t('rma.submittedAt')} rules={[required]}>
            <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={8}>
        <Form.Item name="requested" label={t('rma.requested')} rules={[required]}>
          <Select options={remedyOptions(t)} data-testid="return-requested" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="qualityFault" valuePropName="checked" label=" " colon={false}>
          <Checkbox data-testid="return-quality">{t('rma.qualityFault')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="goodsComplete" valuePropName="checked" label=" " colon={false}>
          <Checkbox data-testid="return-complete">{t('rma.goodsComplete')}</Checkbox>
        </Form.Item>
      </Col>
      {quality && (
        <Col xs={24} md={8}>
          <Form.Item name="faultCode" label={t('rma.faultCode')}>
            <Input maxLength={60} data-testid="return-fault" />
          </Form.Item>
        </Col>
      )}
      {category === 'equipment' && (
        <Col xs={24} md={8}>
          <Form.Item name="majorComponent" label={t('rma.majorComponent')}>
            <Select allowClear options={componentOptions(t)} data-testid="return-component" />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name="reason" label={t('rma.reason')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="return-reason" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="contactPhone" label={t('rma.contactPhone')}>
          <Input maxLength={40} data-testid="return-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="city" label={t('rma.city')}>
          <Input maxLength={40} data-testid="return-city" />
        </Form.Item>
      </Col>
      {!portal && (
        <Col xs={24} md={8}>
          <Form.Item name="invoiceFen" label={t('rma.form.invoice')} {...fenFieldProps}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="return-invoice" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
