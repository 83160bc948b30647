import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../api/catalog-types';
import { CustomerSelect } from '../../components/CustomerSelect';
import { DateInput } from '../../components/DateInput';
import { useAttachmentLabel, useModelOptions, useModels, usePolicy } from '../../lib/catalog-lookups';
import { formatHoursLimit } from '../../lib/format';
import type { Option } from '../../lib/lookups';
import { dateFieldProps } from '../../lib/time';
import { ASSET_DATE_FIELDS } from './asset-values';

export interface AssetFieldsProps {
  mode: 'create' | 'edit';
  record?: Asset;
  /** Label of the customer set before the form opened (editing, or "add machine" on a customer). */
  customerOption?: Option;
  /** Left out when the user may not read dealers. */
  dealers?: Option[];
}

const search = { optionFilterProp: 'label' } as const;

/** The plans on offer are those of the policy the machine is (or will be) judged by. */
function PlanSelect({
  policyId,
  ...rest
}: {
  policyId?: string;
  value?: string;
  onChange?: (v?: string) => void;
}) {
  const { t } = useTranslation();
  const policy = usePolicy(policyId).data;
  const options = (policy?.plans ?? []).map((p) => ({
    value: p.code,
    label: `${p.code} · ${t('catalog.monthsN', { n: p.months })} / ${formatHoursLimit(t, p.hoursLimit)}`,
  }));
  return <Select {...rest} allowClear options={options} loading={!!policyId && !policy} />;
}

export function AssetFields({ mode, record, customerOption, dealers }: AssetFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const attachmentLabel = useAttachmentLabel();
  const models = useModels().data ?? [];
  const modelOptions = useModelOptions(true, mode === 'create');
  const modelId = Form.useWatch('modelId', form) as string | undefined;
  // A sold machine keeps the policy version of its sale; a new one takes its model's current policy.
  const policyId =
    mode === 'edit' ? record?.warrantyPolicyId : models.find((m) => m.id === modelId)?.warrantyPolicyId;
  const required = { required: true, message: t('users.required') };

  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item
          name="serialNo"
          label={t('assets.serialNo')}
          rules={[
            { ...required, whitespace: true },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_./-]*$/, message: t('assets.serialRule') },
            { max: 60 },
          ]}
        >
          <Input disabled={mode === 'edit'} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="modelId" label={t('assets.model')} rules={[required]}>
          <Select
            options={modelOptions}
            disabled={mode === 'edit'}
            showSearch={search}
            onChange={() => form.setFieldValue('plan', undefined)}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="customerId" label={t('assets.customer')} rules={[required]}>
          <CustomerSelect initialOption={customerOption} />
        </Form.Item>
      </Col>
      {dealers && (
        <Col span={12}>
          <Form.Item name="dealerId" label={t('assets.dealer')}>
            <Select options={dealers} allowClear showSearch={search} />
          </Form.Item>
        </Col>
      )}
      {ASSET_DATE_FIELDS.map((name) => (
        <Col span={8} key={name}>
          <Form.Item name={name} label={t(`assets.${name}`)} {...dateFieldProps}>
            <DateInput />
          </Form.Item>
        </Col>
      ))}
      <Col span={12}>
        <Form.Item name="plan" label={t('assets.plan')} extra={policyId ? undefined : t('assets.planHint')}>
          <PlanSelect policyId={policyId} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="attachments" label={t('assets.attachments')} extra={t('assets.attachmentsHint')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，', ' ']}
            options={['hydraulic_breaker'].map((code) => ({ value: code, label: attachmentLabel(code) }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Divider titlePlacement="start" plain style={{ margin: '0 0 4px' }}>
          {t('assets.specialTerms')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('assets.specialTermsHint')}
        </Typography.Paragraph>
      </Col>
      <Col span={12}>
        <Form.Item name={['specialTerms', 'months']} label={t('assets.specialMonths')}>
          <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['specialTerms', 'hoursLimit']} label={t('assets.specialHours')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="specialPrice" label={t('assets.specialPrice')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="secondHand" label={t('assets.secondHand')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="location" label={t('assets.location')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notes" label={t('assets.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Col>
    </Row>
  );
}
