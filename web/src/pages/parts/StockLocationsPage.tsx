import { Form, Input, Select, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockLocationsApi } from '../../api/parts';
import { LOCATION_KINDS, type LocationKind, type StockLocation } from '../../api/parts-types';
import { ActiveTag, CrudPage } from '../../components/CrudPage';
import { useDealerOptions, useServiceCentreOptions } from '../../lib/lookups';
import { oneOf } from '../../lib/one-of';
import { STOCK_LOCATIONS } from '../../lib/parts-lookups';
import { useCan } from '../../lib/session';

type Values = {
  code: string;
  name: string;
  kind?: LocationKind;
  serviceCentreId?: string | null;
  dealerId?: string | null;
  active?: boolean;
};

const toValues = (l: StockLocation): Values => ({
  code: l.code,
  name: l.name,
  kind: oneOf(LOCATION_KINDS, l.kind),
  serviceCentreId: l.serviceCentreId,
  dealerId: l.dealerId,
  active: l.active,
});

// The owner field that does not belong to the kind is cleared, as the server requires.
const toBody = (v: Values): Values => ({
  ...v,
  serviceCentreId: v.kind === 'centre' ? (v.serviceCentreId ?? null) : null,
  dealerId: v.kind === 'dealer' ? (v.dealerId ?? null) : null,
});

// The document gives the kind as a plain string: an unknown one gets the default colour.
export const KIND_COLORS: Partial<Record<StockLocation['kind'], string>> = {
  company: 'gold',
  centre: 'blue',
  dealer: 'green',
};

function LocationFields({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const kind = Form.useWatch<LocationKind | undefined>('kind');
  const centres = useServiceCentreOptions(kind === 'centre');
  const dealers = useDealerOptions(kind === 'dealer');
  const required = { required: true, message: t('users.required') };
  return (
    <>
      <Form.Item
        name="code"
        label={t('common.code')}
        rules={[
          { ...required, whitespace: true },
          { pattern: /^[A-Za-z0-9_.-]+$/, message: t('parts.codeRule') },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('common.name')} rules={[{ ...required, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('stockLocations.kind')} rules={[required]}>
        <Select
          options={LOCATION_KINDS.map((k) => ({
            value: k,
            label: t(`stockLocations.kinds.${k}`),
          }))}
        />
      </Form.Item>
      {kind === 'centre' && (
        <Form.Item name="serviceCentreId" label={t('stockLocations.serviceCentre')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={centres.options} />
        </Form.Item>
      )}
      {kind === 'dealer' && (
        <Form.Item name="dealerId" label={t('stockLocations.dealer')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={dealers.options} />
        </Form.Item>
      )}
      {mode === 'edit' && (
        <Form.Item name="active" label={t('common.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </>
  );
}

/** 库存地点: the company store, service centre stores and dealer stores. */
export default function StockLocationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<LocationKind>();

  const columns: ColumnsType<StockLocation> = [
    { title: t('common.code'), dataIndex: 'code', key: 'code' },
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('stockLocations.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: StockLocation['kind']) => (
        <Tag color={KIND_COLORS[k]}>{t(`stockLocations.kinds.${k}`)}</Tag>
      ),
    },
    {
      title: t('stockLocations.owner'),
      key: 'owner',
      render: (_, l) => l.serviceCentreName ?? l.dealerName ?? '',
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (v: boolean) => <ActiveTag active={v} />,
    },
  ];

  return (
    <CrudPage<StockLocation, Values>
      resource={STOCK_LOCATIONS}
      title={t('stockLocations.title')}
      createLabel={t('stockLocations.create')}
      createTestId="create-stock-location"
      list={(p) => stockLocationsApi.list(p)}
      extraParams={{ kind }}
      filters={
        <Select<LocationKind>
          allowClear
          aria-label={t('stockLocations.kindFilter')}
          placeholder={t('stockLocations.kindFilter')}
          value={kind}
          onChange={setKind}
          options={LOCATION_KINDS.map((k) => ({
            value: k,
            label: t(`stockLocations.kinds.${k}`),
          }))}
          style={{ width: 150 }}
        />
      }
      columns={columns}
      canWrite={can('stock.write')}
      form={{
        createTitle: t('stockLocations.create'),
        editTitle: t('stockLocations.editTitle'),
        fields: (mode) => <LocationFields mode={mode} />,
        toValues,
        toBody,
        createDefaults: { kind: 'centre' },
        create: (body) => stockLocationsApi.create(body),
        update: (l, patch) => stockLocationsApi.update(l.id, { ...patch, version: l.version }),
      }}
    />
  );
}
