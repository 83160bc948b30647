import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oldPartReturnsApi } from '../../api/parts';
import { type OldPartReturn, RETURN_STATUSES, type ReturnStatus } from '../../api/parts-types';
import { useApiErrorHandler, useReportError } from '../../lib/errors';
import { OLD_PART_RETURNS } from '../../lib/parts-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { AppraiseModal } from './AppraiseModal';

// The document gives the status as a plain string: an unknown one gets the default colour.
const STATUS_COLORS: Partial<Record<OldPartReturn['status'], string>> = {
  pending: 'gold',
  received: 'blue',
  appraised: 'green',
};
const APPRAISAL_COLORS: Record<string, string> = {
  reusable: 'green',
  scrap: 'default',
  supplier_claim: 'purple',
};

/** 旧件返回: in-warranty parts replaced on work orders, until the technical department has appraised them. */
export default function OldPartReturnsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canAppraise = can('oldpart.appraise');
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ReturnStatus>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [appraising, setAppraising] = useState<OldPartReturn | null>(null);

  const params = {
    status,
    overdue: overdueOnly || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [OLD_PART_RETURNS, 'list', params],
    queryFn: () => oldPartReturnsApi.list(params),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  const receive = async (r: OldPartReturn) => {
    try {
      await oldPartReturnsApi.receive(r.id, r.version);
      void message.success(t('oldParts.received'));
    } catch (err) {
      handleError(err);
    } finally {
      await queryClient.invalidateQueries({ queryKey: [OLD_PART_RETURNS] });
    }
  };

  const columns: ColumnsType<OldPartReturn> = [
    { title: t('oldParts.workOrder'), dataIndex: 'workOrderNumber', key: 'workOrder' },
    {
      title: t('oldParts.part'),
      key: 'part',
      render: (_, r) => (
        <Space size={4}>
          <Typography.Text strong>{r.partCode}</Typography.Text>
          <span>{r.partName}</span>
        </Space>
      ),
    },
    { title: t('oldParts.quantity'), dataIndex: 'quantity', key: 'quantity', align: 'right' },
    { title: t('oldParts.serialNo'), dataIndex: 'serialNo', key: 'serialNo' },
    { title: t('oldParts.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('oldParts.dealer'), dataIndex: 'dealerName', key: 'dealer' },
    {
      title: t('oldParts.dueAt'),
      key: 'dueAt',
      render: (_, r) => (
        <Space size={4}>
          <span>{formatTime(r.dueAt)}</span>
          {r.overdue && <Tag color="red">{t('oldParts.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: OldPartReturn['status']) => (
        <Tag color={STATUS_COLORS[s]}>{t(`oldParts.statuses.${s}`)}</Tag>
      ),
    },
    {
      title: t('oldParts.appraisal'),
      key: 'appraisal',
      render: (_, r) =>
        r.appraisal ? (
          <Space vertical size={0}>
            <Tag color={APPRAISAL_COLORS[r.appraisal]}>{t(`oldParts.appraisals.${r.appraisal}`)}</Tag>
            {r.storeLocationName && <Typography.Text type="secondary">{r.storeLocationName}</Typography.Text>}
            {r.appraisalNote && <Typography.Text type="secondary">{r.appraisalNote}</Typography.Text>}
          </Space>
        ) : null,
    },
    {
      title: t('oldParts.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      render: (v: string | null) => formatTime(v),
    },
    ...(canAppraise
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: OldPartReturn) => (
              <Space size="small">
                {r.status === 'pending' && (
                  <Popconfirm title={t('oldParts.receiveConfirm')} onConfirm={() => receive(r)}>
                    <Button type="link" size="small">
                      {t('oldParts.receive')}
                    </Button>
                  </Popconfirm>
                )}
                {r.status === 'received' && (
                  <Button type="link" size="small" onClick={() => setAppraising(r)}>
                    {t('oldParts.appraise')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('oldParts.title')}>
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <Select<ReturnStatus>
          allowClear
          aria-label={t('oldParts.statusFilter')}
          placeholder={t('oldParts.statusFilter')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={RETURN_STATUSES.map((s) => ({
            value: s,
            label: t(`oldParts.statuses.${s}`),
          }))}
          style={{ width: 150 }}
        />
        <Checkbox
          checked={overdueOnly}
          onChange={(e) => {
            setOverdueOnly(e.target.checked);
            setPage((p) => ({ ...p, current: 1 }));
          }}
        >
          {t('oldParts.overdueOnly')}
        </Checkbox>
      </Flex>
      <Table<OldPartReturn>
        rowKey="id"
        size="middle"
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
      <AppraiseModal item={appraising} onClose={() => setAppraising(null)} />
    </Card>
  );
}
