import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockApi } from '../../api/parts';
import type { StockLevel, StockMove } from '../../api/parts-types';
import { useReportError } from '../../lib/errors';
import { STOCK } from '../../lib/parts-lookups';
import { formatTime } from '../../lib/time';

const KIND_COLORS: Record<string, string> = {
  receive: 'green',
  transfer: 'blue',
  reserve: 'gold',
  release: 'default',
  consume: 'red',
  adjust: 'purple',
  old_part_in: 'cyan',
};

/** The ledger of one part at one store: every receipt, transfer, reservation, use and stock-take. */
export function MovesDrawer({ level, onClose }: { level: StockLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const params = {
    partId: level?.partId,
    locationId: level?.locationId,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [STOCK, 'moves', params],
    queryFn: () => stockApi.moves(params),
    enabled: level !== null,
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  const columns: ColumnsType<StockMove> = [
    { title: t('stock.at'), dataIndex: 'createdAt', key: 'at', render: (v: string) => formatTime(v) },
    {
      title: t('stock.moveKind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: string) => (
        <Tag color={KIND_COLORS[k]}>{t(`stock.moveKinds.${k}`, { defaultValue: k })}</Tag>
      ),
    },
    {
      title: t('stock.quantity'),
      key: 'quantity',
      align: 'right',
      // Out of this store is negative, into it positive, as the ledger reads from the store's side.
      render: (_, m) => {
        const out = m.fromLocationId === level?.locationId && m.toLocationId !== level?.locationId;
        return out ? `−${m.quantity}` : `+${m.quantity}`;
      },
    },
    { title: t('stock.from'), dataIndex: 'fromLocationName', key: 'from' },
    { title: t('stock.to'), dataIndex: 'toLocationName', key: 'to' },
    { title: t('stock.by'), dataIndex: 'createdByName', key: 'by' },
    { title: t('stock.note'), dataIndex: 'note', key: 'note' },
  ];

  return (
    <Drawer
      open={level !== null}
      onClose={() => {
        setPage((p) => ({ ...p, current: 1 }));
        onClose();
      }}
      title={
        level
          ? `${t('stock.movesTitle', { part: `${level.partCode} ${level.partName}` })} · ${level.locationName}`
          : ''
      }
      size="large"
      destroyOnHidden
    >
      <Table<StockMove>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
    </Drawer>
  );
}
