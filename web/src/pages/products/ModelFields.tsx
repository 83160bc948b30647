import { AutoComplete, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductModel } from '../../api/catalog-types';
import { policyLabel, usePolicy, usePolicyOptions } from '../../lib/catalog-lookups';
import { fenFieldProps } from '../../lib/format';

export type ModelValues = {
  code: string;
  name: string;
  category: string;
  warrantyPolicyId: string;
  operatingWeightT?: number | null;
  /** Fen in the form and on the wire; the input shows yuan (fenFieldProps). */
  listPriceFen?: number | null;
  hoursLimitOverride?: number | null;
  wearParts: string[];
  consumables: string[];
  active?: boolean;
};

export const modelToValues = (m: ProductModel): ModelValues => ({
  code: m.code,
  name: m.name,
  category: m.category,
  warrantyPolicyId: m.warrantyPolicyId,
  operatingWeightT: m.operatingWeightT,
  listPriceFen: m.listPriceFen,
  hoursLimitOverride: m.hoursLimitOverride,
  wearParts: m.wearParts,
  consumables: m.consumables,
  active: m.active,
});

export const MODEL_DEFAULTS: Partial<ModelValues> = { wearParts: [], consumables: [] };

/** Part codes are free text the parts catalogue will later own; tags keep entry quick. */
const partsSelect = (
  <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ', '、']} suffixIcon={null} />
);

export function ModelFields({
  mode,
  record,
  categories,
}: {
  mode: 'create' | 'edit';
  record?: ProductModel;
  categories: string[];
}) {
  const { t } = useTranslation();
  const required = { required: true, message: t('users.required') };
  const options = usePolicyOptions();
  // A model may still point at a superseded version; keep it selectable and readable.
  const own = usePolicy(record?.warrantyPolicyId).data;
  if (own && !options.some((o) => o.value === own.id))
    options.push({ value: own.id, label: policyLabel(own) });

  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item
          name="code"
          label={t('models.code')}
          rules={[
            { ...required, whitespace: true },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('policies.codeRule') },
          ]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="name" label={t('models.name')} rules={[{ ...required, whitespace: true }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="category" label={t('models.category')} rules={[{ ...required, whitespace: true }]}>
          <AutoComplete
            options={categories.map((c) => ({ value: c }))}
            showSearch={{
              filterOption: (input, option) => String(option?.value ?? '').includes(input),
            }}
          />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="warrantyPolicyId" label={t('models.warrantyPolicy')} rules={[required]}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="operatingWeightT" label={t('models.operatingWeightT')}>
          <InputNumber min={0.01} max={10_000} step={0.1} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="listPriceFen"
          label={t('models.listPriceFen')}
          extra={t('models.listPriceHint')}
          {...fenFieldProps}
        >
          <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="hoursLimitOverride"
          label={t('models.hoursLimitOverride')}
          extra={t('models.hoursLimitOverrideHint')}
        >
          <InputNumber min={0} max={1_000_000} precision={0} suffix="h" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="wearParts" label={t('models.wearParts')} extra={t('models.partsHint')}>
          {partsSelect}
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="consumables" label={t('models.consumables')} extra={t('models.partsHint')}>
          {partsSelect}
        </Form.Item>
      </Col>
      {mode === 'edit' && (
        <Col span={8}>
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
