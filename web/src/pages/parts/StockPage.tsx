import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockApi } from '../../api/parts';
import type { StockLevel } from '../../api/parts-types';
import { SearchSelect } from '../../components/SearchSelect';
import { useReportError } from '../../lib/errors';
import { PARTS, STOCK, searchParts, useLocationOptions } from '../../lib/parts-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { PartFlags } from './common';
import { MovesDrawer } from './MovesDrawer';
import { type StockAction, StockActionModal } from './StockModals';

const LOW_BG = '#fff1f0';

/** 库存: stock per part and store, low-stock rows first and highlighted, with receipts, transfers and counts. */
export default function StockPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('stock.write');
  const locations = useLocationOptions(true, false);
  const [partId, setPartId] = useState<string>();
  const [locationId, setLocationId] = useState<string>();
  const [lowOnly, setLowOnly] = useState(false);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [action, setAction] = useState<StockAction | null>(null);
  const [ledger, setLedger] = useState<StockLevel | null>(null);

  const params = {
    partId,
    locationId,
    low: lowOnly || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [STOCK, 'list', params],
    queryFn: () => stockApi.list(params),
    placeholderData: keepPreviousData,
  });
  const lowCount = useQuery({ queryKey: [STOCK, 'low-count'], queryFn: stockApi.lowCount }).data?.count ?? 0;
  useReportError(query.error);

  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage((p) => ({ ...p, current: 1 }));
    };

  const columns: ColumnsType<StockLevel> = [
    {
      title: t('stock.part'),
      key: 'part',
      render: (_, l) => (
        <Space size={4} wrap>
          <Typography.Text strong>{l.partCode}</Typography.Text>
          <span>{l.partName}</span>
          <PartFlags part={{ ...l, serialised: false }} />
        </Space>
      ),
    },
    { title: t('stock.location'), dataIndex: 'locationName', key: 'location' },
    { title: t('stock.onHand'), dataIndex: 'onHand', key: 'onHand', align: 'right' },
    { title: t('stock.reserved'), dataIndex: 'reserved', key: 'reserved', align: 'right' },
    {
      title: t('stock.available'),
      key: 'available',
      align: 'right',
      render: (_, l) => (
        <Typography.Text
          type={l.low ? 'danger' : undefined}
          strong
        >{`${l.available} ${l.unit}`}</Typography.Text>
      ),
    },
    { title: t('stock.minQty'), dataIndex: 'minQty', key: 'minQty', align: 'right' },
    {
      title: t('common.status'),
      key: 'low',
      render: (_, l) =>
        l.low ? (
          <Tag color="red" icon={<WarningOutlined aria-hidden />}>
            {t('stock.low')}
          </Tag>
        ) : null,
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) => (
        <Space size="small" wrap>
          {canWrite && (
            <>
              <Button type="link" size="small" onClick={() => setAction({ kind: 'transfer', level: l })}>
                {t('stock.transfer')}
              </Button>
              <Button type="link" size="small" onClick={() => setAction({ kind: 'adjust', level: l })}>
                {t('stock.adjust')}
              </Button>
              <Button type="link" size="small" onClick={() => setAction({ kind: 'min', level: l })}>
                {t('stock.setMin')}
              </Button>
            </>
          )}
          <Button type="link" size="small" onClick={() => setLedger(l)}>
            {t('stock.moves')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          {t('stock.title')}
          {lowCount > 0 && <Badge count={lowCount} title={t('stock.lowAlert', { count: lowCount })} />}
        </Space>
      }
    >
      {lowCount > 0 && !lowOnly && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('stock.lowAlert', { count: lowCount })}
          action={
            <Button size="small" onClick={() => filtered(setLowOnly)(true)}>
              {t('stock.showLow')}
            </Button>
          }
        />
      )}
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <SearchSelect
            allowClear
            queryKey={[PARTS, 'search']}
            search={searchParts}
            placeholder={t('stock.partFilter')}
            aria-label={t('stock.partFilter')}
            value={partId}
            onChange={filtered(setPartId)}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('stock.locationFilter')}
            aria-label={t('stock.locationFilter')}
            options={locations.options}
            value={locationId}
            onChange={filtered(setLocationId)}
            style={{ width: 220 }}
          />
          <Checkbox checked={lowOnly} onChange={(e) => filtered(setLowOnly)(e.target.checked)}>
            {t('stock.showLow')}
          </Checkbox>
        </Space>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setAction({ kind: 'receive' })}
          >
            {t('stock.receive')}
          </Button>
        )}
      </Flex>
      <Table<StockLevel>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(l) => (l.low ? { style: { background: LOW_BG } } : {})}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) =>
            setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
      <StockActionModal action={action} onClose={() => setAction(null)} />
      <MovesDrawer level={ledger} onClose={() => setLedger(null)} />
    </Card>
  );
}
