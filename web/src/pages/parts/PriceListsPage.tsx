import { Alert, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { priceListsApi } from '../../api/parts';
import {
  PARTS_BASES,
  type PartsBasis,
  PRICE_LIST_KINDS,
  type PriceList,
  type PriceListKind,
} from '../../api/parts-types';
import { ActiveTag, CrudPage } from '../../components/CrudPage';
import { fenFieldProps, formatFen } from '../../lib/format';
import { oneOf } from '../../lib/one-of';
import { PRICE_LISTS } from '../../lib/parts-lookups';
import { useCan } from '../../lib/session';
import { localPage } from '../sla/local-page';

type Values = {
  code: string;
  name: string;
  kind?: PriceListKind;
  labourRateFen: number;
  travelPerKmFen?: number;
  travelFlatFen?: number;
  partsBasis?: PartsBasis;
  partsMarkupBp?: number;
  taxRateBp: number;
  active?: boolean;
};

const toValues = (p: PriceList): Values => ({
  code: p.code,
  name: p.name,
  kind: oneOf(PRICE_LIST_KINDS, p.kind),
  labourRateFen: p.labourRateFen,
  travelPerKmFen: p.travelPerKmFen,
  travelFlatFen: p.travelFlatFen,
  partsBasis: oneOf(PARTS_BASES, p.partsBasis),
  partsMarkupBp: p.partsMarkupBp,
  taxRateBp: p.taxRateBp,
  active: p.active,
});

/** Rates travel as basis points (1300 = 13 %); people type percent. */
const percentFieldProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'number' ? value / 100 : value }),
  normalize: (value: number | null | undefined) =>
    value === null || value === undefined ? null : Math.round(value * 100),
};
const pct = (bp: number) => (bp / 100).toFixed(bp % 100 === 0 ? 0 : 2);

// The document gives the kind as a plain string: an unknown one gets the default colour.
const KIND_COLORS: Partial<Record<PriceList['kind'], string>> = { warranty_period: 'orange', market: 'blue' };

function PriceListFields({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('users.required') };
  const money = (name: keyof Values, label: string, needed = false) => (
    <Form.Item name={name} label={label} rules={needed ? [required] : []} {...fenFieldProps}>
      <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Row gutter={16}>
      <Col span={9}>
        <Form.Item
          name="code"
          label={t('priceLists.code')}
          rules={[
            { ...required, whitespace: true },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('parts.codeRule') },
          ]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={15}>
        <Form.Item name="name" label={t('priceLists.name')} rules={[{ ...required, whitespace: true }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="kind"
          label={t('priceLists.kind')}
          extra={t('priceLists.kindHint')}
          rules={[required]}
        >
          <Select
            options={PRICE_LIST_KINDS.map((k) => ({
              value: k,
              label: t(`priceLists.kinds.${k}`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={8}>{money('labourRateFen', t('priceLists.labourRateFen'), true)}</Col>
      <Col span={8}>{money('travelPerKmFen', t('priceLists.travelPerKmFen'))}</Col>
      <Col span={8}>{money('travelFlatFen', t('priceLists.travelFlatFen'))}</Col>
      <Col span={8}>
        <Form.Item name="partsBasis" label={t('priceLists.partsBasis')} rules={[required]}>
          <Select
            options={PARTS_BASES.map((b) => ({
              value: b,
              label: t(`priceLists.partsBases.${b}`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="partsMarkupBp" label={t('priceLists.partsMarkupPct')} {...percentFieldProps}>
          <InputNumber min={0} max={1000} precision={2} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="taxRateBp"
          label={t('priceLists.taxRatePct')}
          rules={[required]}
          {...percentFieldProps}
        >
          <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
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

/** 价格表: the charge rates paid work is priced by (SPEC §2.7). */
export default function PriceListsPage() {
  const { t } = useTranslation();
  const can = useCan();

  const columns: ColumnsType<PriceList> = [
    {
      title: t('priceLists.name'),
      key: 'name',
      render: (_, p) => (
        <Space vertical size={0}>
          <span>{p.name}</span>
          <Typography.Text type="secondary">{p.code}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('priceLists.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: PriceList['kind']) => <Tag color={KIND_COLORS[k]}>{t(`priceLists.kinds.${k}`)}</Tag>,
    },
    {
      title: t('priceLists.labourRate'),
      dataIndex: 'labourRateFen',
      key: 'labour',
      render: (v: number) => t('priceLists.perHour', { money: formatFen(v) }),
    },
    {
      title: t('priceLists.travel'),
      key: 'travel',
      render: (_, p) => (
        <Space vertical size={0}>
          <span>{t('priceLists.perKm', { money: formatFen(p.travelPerKmFen) })}</span>
          {p.travelFlatFen > 0 && <span>{t('priceLists.flat', { money: formatFen(p.travelFlatFen) })}</span>}
        </Space>
      ),
    },
    {
      title: t('priceLists.partsBasis'),
      key: 'parts',
      render: (_, p) =>
        `${t(`priceLists.partsBases.${p.partsBasis}`)}${p.partsMarkupBp > 0 ? ` ${t('priceLists.markup', { pct: pct(p.partsMarkupBp) })}` : ''}`,
    },
    { title: t('priceLists.tax'), dataIndex: 'taxRateBp', key: 'tax', render: (v: number) => `${pct(v)}%` },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (v: boolean) => <ActiveTag active={v} />,
    },
  ];

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('priceLists.inUseHint')} />
      <CrudPage<PriceList, Values>
        resource={PRICE_LISTS}
        title={t('priceLists.title')}
        createLabel={t('priceLists.create')}
        createTestId="create-price-list"
        list={(p) => localPage(priceListsApi.list, p)}
        columns={columns}
        canWrite={can('pricelist.write')}
        form={{
          createTitle: t('priceLists.create'),
          editTitle: t('priceLists.editTitle'),
          modalWidth: 720,
          fields: (mode) => <PriceListFields mode={mode} />,
          toValues,
          createDefaults: { kind: 'market', partsBasis: 'list', taxRateBp: 1300, partsMarkupBp: 0 },
          create: (body) => priceListsApi.create(body),
          update: (p, patch) => priceListsApi.update(p.id, { ...patch, version: p.version }),
          fetchOne: priceListsApi.get,
        }}
      />
    </>
  );
}
