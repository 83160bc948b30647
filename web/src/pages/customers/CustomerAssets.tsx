import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetsApi } from '../../api/catalog';
import type { Asset, Customer } from '../../api/catalog-types';
import { ASSETS } from '../../lib/catalog-lookups';
import { useReportError } from '../../lib/errors';
import { formatHours } from '../../lib/format';
import { useCan } from '../../lib/session';
import { formatDate } from '../../lib/time';
import { AssetFormModal, type AssetModalState } from '../assets/AssetFormModal';

const PAGE_SIZE = 10;

/** The customer's machines, with a shortcut to register another one for this customer. */
export function CustomerAssets({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [modal, setModal] = useState<AssetModalState>(null);

  const params = { customerId: customer.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const query = useQuery({
    queryKey: [ASSETS, 'list', params],
    queryFn: () => assetsApi.list(params),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  // Archived customers keep their machines on record but get no new ones.
  const canAdd = can('asset.write') && customer.status === 'active';

  return (
    <Card
      title={t('customers.assets')}
      style={{ marginTop: 16 }}
      data-testid="customer-assets"
      extra={
        canAdd && (
          <Button
            icon={<PlusOutlined aria-hidden />}
            data-testid="add-customer-asset"
            onClick={() =>
              setModal({
                mode: 'create',
                customer: { value: customer.id, label: `${customer.name}（${customer.code}）` },
                dealerId: customer.dealerId,
              })
            }
          >
            {t('customers.addAsset')}
          </Button>
        )
      }
    >
      <Table<Asset>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('customers.noAssets') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('assets.serialNo'),
            dataIndex: 'serialNo',
            render: (s: string, a) => (
              <Link to={`/assets/${a.id}`} data-testid="asset-link">
                {s}
              </Link>
            ),
          },
          { title: t('assets.model'), key: 'model', render: (_, a) => `${a.modelCode} ${a.modelName}` },
          {
            title: t('assets.deliveredAt'),
            dataIndex: 'deliveredAt',
            render: (v: string | null) => formatDate(v),
          },
          { title: t('assets.plan'), dataIndex: 'plan' },
          {
            title: t('assets.latestHours'),
            dataIndex: 'latestHours',
            render: (h: number | null) => formatHours(h),
          },
          { title: t('assets.location'), dataIndex: 'location' },
        ]}
      />
      <AssetFormModal state={modal} onChange={setModal} />
    </Card>
  );
}
