import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../../api/endpoints';
import type { AuditEntry, AuditParams } from '../../../api/types';
import { JsonDiff } from '../../../components/JsonDiff';
import { zhCN } from '../../../i18n/zh-CN';
import { useApiErrorHandler } from '../../../lib/errors';
import { useUserOptions } from '../../../lib/lookups';
import { useCan } from '../../../lib/session';
import { formatTime, shanghaiDayBoundary } from '../../../lib/time';

const PAGE_SIZE = 50;
const ENTITIES = Object.keys(zhCN.audit.entities);

type Filters = Pick<AuditParams, 'entity' | 'action' | 'actorId' | 'from' | 'to'>;

export default function AuditLogPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  // Picking an actor needs the user list; without user.read the filter is simply not offered.
  const users = useUserOptions(can('user.read'));
  const [filters, setFilters] = useState<Filters>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);

  const query = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => auditApi.list({ ...filters, limit: PAGE_SIZE, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useEffect(() => {
    if (query.error) handleError(query.error);
  }, [query.error, handleError]);

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', render: (v: string) => formatTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (a: string) => <Tag>{t(`audit.actions.${a}`, { defaultValue: a })}</Tag>,
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      key: 'entity',
      render: (e: string) => t(`audit.entities.${e}`, { defaultValue: e }),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      key: 'entityId',
      render: (id: string | null) => <Typography.Text copyable={!!id}>{id ?? ''}</Typography.Text>,
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          style={{ width: 150 }}
          value={filters.entity}
          onChange={(entity?: string) => set({ entity })}
          options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          aria-label={t('audit.action')}
          style={{ width: 200 }}
          onSearch={(v) => set({ action: v.trim() || undefined })}
        />
        {can('user.read') && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.actor')}
            aria-label={t('audit.actor')}
            style={{ width: 200 }}
            value={filters.actorId}
            onChange={(actorId?: string) => set({ actorId })}
            options={users.options}
          />
        )}
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          value={range}
          onChange={(r) => {
            setRange(r);
            set({
              from: r?.[0] ? shanghaiDayBoundary(r[0], 'start') : undefined,
              to: r?.[1] ? shanghaiDayBoundary(r[1], 'end') : undefined,
            });
          }}
        />
      </Space>
      <Table<AuditEntry>
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={columns}
        dataSource={items}
        loading={query.isFetching && !query.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (r) => r.before != null || r.after != null,
          expandedRowRender: (r) => (
            <>
              <JsonDiff before={r.before} after={r.after} />
              {r.requestId && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('audit.requestId')}: {r.requestId}
                </Typography.Text>
              )}
            </>
          ),
        }}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {query.hasNextPage ? (
          <Button
            data-testid="audit-load-more"
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
