import { Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetsApi } from '../../api/catalog';
import type { Asset } from '../../api/catalog-types';
import { CrudPage } from '../../components/CrudPage';
import { CustomerSelect } from '../../components/CustomerSelect';
import { ExcelActions } from '../../components/excel/ExcelActions';
import { ASSETS, useModelOptions } from '../../lib/catalog-lookups';
import { formatHours } from '../../lib/format';
import { useDealerOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { formatDate } from '../../lib/time';
import { AssetFields } from './AssetFields';
import { ASSET_DEFAULTS, type AssetValues, assetToBody, assetToValues } from './asset-values';

// Serial numbers are typed from a nameplate one character at a time; search as they come in.
const SEARCH_DEBOUNCE_MS = 300;

export default function AssetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canOrg = can('org.read');
  const dealers = useDealerOptions(canOrg);
  const modelOptions = useModelOptions(can('product.read'));
  const [customerId, setCustomerId] = useState<string>();
  const [modelId, setModelId] = useState<string>();

  const columns: ColumnsType<Asset> = [
    {
      title: t('assets.serialNo'),
      dataIndex: 'serialNo',
      key: 'serialNo',
      render: (serial: string, a) => (
        <Link to={`/assets/${a.id}`} data-testid="asset-link">
          {serial}
        </Link>
      ),
    },
    { title: t('assets.model'), key: 'model', render: (_, a) => `${a.modelCode} ${a.modelName}` },
    {
      title: t('assets.customer'),
      key: 'customer',
      render: (_, a) =>
        can('customer.read') ? (
          <Link to={`/customers/${a.customerId}`}>{a.customerName}</Link>
        ) : (
          a.customerName
        ),
    },
    {
      title: t('assets.dealer'),
      dataIndex: 'dealerId',
      key: 'dealer',
      render: (id: string | null) => (id ? (dealers.byId.get(id) ?? '') : ''),
    },
    {
      title: t('assets.deliveredAt'),
      dataIndex: 'deliveredAt',
      key: 'deliveredAt',
      render: (v: string | null) => formatDate(v),
    },
    { title: t('assets.plan'), dataIndex: 'plan', key: 'plan' },
    {
      title: t('assets.latestHours'),
      key: 'latestHours',
      align: 'right',
      render: (_, a) => (
        <Space vertical size={0} align="end">
          <span data-testid="latest-hours">{formatHours(a.latestHours)}</span>
          {a.latestReadAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(a.latestReadAt)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <CrudPage<Asset, AssetValues>
      resource={ASSETS}
      title={t('assets.title')}
      createLabel={t('assets.create')}
      createTestId="create-asset"
      search={{
        param: 'serialPrefix',
        placeholder: t('assets.serialSearch'),
        debounceMs: SEARCH_DEBOUNCE_MS,
        testId: 'serial-search',
      }}
      toolbar={<ExcelActions kind="assets" resource={ASSETS} />}
      list={(p) => assetsApi.list(p)}
      extraParams={{ customerId, modelId }}
      filters={
        <>
          {can('customer.read') && (
            <CustomerSelect
              allowClear
              activeOnly={false}
              aria-label={t('assets.customerFilter')}
              placeholder={t('assets.customerFilter')}
              value={customerId}
              onChange={(v) => setCustomerId(v)}
              style={{ width: 220 }}
            />
          )}
          {can('product.read') && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('assets.modelFilter')}
              placeholder={t('assets.modelFilter')}
              options={modelOptions}
              value={modelId}
              onChange={setModelId}
              style={{ width: 200 }}
            />
          )}
        </>
      }
      columns={columns}
      canWrite={can('asset.write')}
      rowActions={(a) => <Link to={`/assets/${a.id}`}>{t('catalog.detail')}</Link>}
      form={{
        createTitle: t('assets.create'),
        editTitle: t('assets.editTitle'),
        modalWidth: 820,
        fields: (mode, record) => (
          <AssetFields
            mode={mode}
            record={record}
            customerOption={record ? { value: record.customerId, label: record.customerName } : undefined}
            dealers={canOrg ? dealers.options : undefined}
          />
        ),
        toValues: assetToValues,
        toBody: assetToBody,
        createDefaults: ASSET_DEFAULTS,
        create: (body) => assetsApi.create(body),
        update: (a, patch) => assetsApi.update(a.id, { ...patch, version: a.version }),
        fetchOne: assetsApi.get,
      }}
    />
  );
}
