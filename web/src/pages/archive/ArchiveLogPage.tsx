import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AccessLogEntry, archiveApi } from '../../api/archive';
import { CustomerSelect } from '../../components/CustomerSelect';
import { useApiErrorHandler } from '../../lib/errors';
import { useUserOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { ARCHIVE_LOG, BasisTag, useCustomerNames } from './common';

const PAGE_SIZE = 50;

/** 档案查询登记: who opened which customer's full archive, when, and on what basis (GK-03). */
export default function ArchiveLogPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  // Filtering by user needs the user list; without user.read that filter is simply not offered.
  const users = useUserOptions(can('user.read'));
  const [customerId, setCustomerId] = useState<string>();
  const [userId, setUserId] = useState<string>();

  const query = useInfiniteQuery({
    queryKey: [ARCHIVE_LOG, { customerId, userId }],
    queryFn: ({ pageParam }) => archiveApi.log({ customerId, userId, limit: PAGE_SIZE, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useEffect(() => {
    if (query.error) handleError(query.error);
  }, [query.error, handleError]);

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const customerName = useCustomerNames(items.map((e) => e.customerId));

  const columns: ColumnsType<AccessLogEntry> = [
    { title: t('archiveLog.at'), dataIndex: 'at', key: 'at', render: (v: string) => formatTime(v) },
    {
      title: t('archiveLog.user'),
      key: 'user',
      render: (_, e) => e.userName ?? users.byId.get(e.userId) ?? e.userId,
    },
    {
      title: t('archiveLog.customer'),
      key: 'customer',
      render: (_, e) => <Link to={`/customers/${e.customerId}`}>{customerName(e.customerId)}</Link>,
    },
    {
      title: t('archiveLog.what'),
      dataIndex: 'what',
      key: 'what',
      render: (w: string) => t(`archiveLog.whats.${w}`, { defaultValue: w }),
    },
    {
      title: t('archiveLog.basis'),
      dataIndex: 'basis',
      key: 'basis',
      render: (b: string) => <BasisTag basis={b} />,
    },
    {
      title: t('archiveLog.request'),
      dataIndex: 'requestId',
      key: 'requestId',
      render: (id: string | null) =>
        id && (
          <Typography.Text copyable={{ text: id }} type="secondary">
            #{id.slice(0, 8)}
          </Typography.Text>
        ),
    },
    { title: t('archiveLog.ip'), dataIndex: 'ip', key: 'ip' },
  ];

  return (
    <Card title={t('archiveLog.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <CustomerSelect
          allowClear
          activeOnly={false}
          data-testid="log-customer-filter"
          id="log-customer-filter"
          aria-label={t('archiveLog.customerFilter')}
          placeholder={t('archiveLog.customerFilter')}
          value={customerId}
          onChange={(v) => setCustomerId(v)}
          style={{ width: 240 }}
        />
        {can('user.read') && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('archiveLog.userFilter')}
            placeholder={t('archiveLog.userFilter')}
            options={users.options}
            value={userId}
            onChange={(v?: string) => setUserId(v)}
            style={{ width: 220 }}
          />
        )}
      </Space>
      <Table<AccessLogEntry>
        rowKey="id"
        size="middle"
        data-testid="archive-log-table"
        columns={columns}
        dataSource={items}
        loading={query.isFetching && !query.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {query.hasNextPage ? (
          <Button
            data-testid="archive-log-load-more"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('audit.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
