import { SyncOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Flex,
  Popconfirm,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, Key } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CustomerReview, type ReviewChange, reviewsApi } from '../../api/archive';
import { CUSTOMERS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { useCan, useMe } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { periodLabel, reviewSide } from '../customers/LastReview';
import { CUSTOMER_REVIEWS, useUserName } from './common';

function Changes({ changes }: { changes: ReviewChange[] }) {
  const { t, i18n } = useTranslation();
  if (changes.length === 0)
    return <Typography.Text type="secondary">{t('reviews.noChanges')}</Typography.Text>;
  return (
    <Table<ReviewChange>
      rowKey={(c) => `${c.customerId}:${c.change}`}
      size="small"
      data-testid="review-changes"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={changes}
      onRow={(c) => ({ 'data-change': c.change }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('reviews.customer'),
          key: 'customer',
          render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>,
        },
        {
          title: t('reviews.fromTo'),
          key: 'change',
          render: (_, c) => (
            <>
              <Tag color={c.change === 'archive' ? 'default' : 'blue'}>
                {t(`reviews.changeTypes.${c.change}`)}
              </Tag>
              {reviewSide(t, c.change, c.from)} → {reviewSide(t, c.change, c.to)}
            </>
          ),
        },
        {
          title: t('reviews.message'),
          key: 'message',
          render: (_, c) => (i18n.language === 'en' ? c.messageEn : c.message),
        },
        {
          title: t('reviews.clause'),
          dataIndex: 'clause',
          key: 'clause',
          render: (v: string) => <Tag color="geekblue">{v}</Tag>,
        },
      ]}
    />
  );
}

/** 档案调整 (GK-03 四): the half-yearly runs, what each changed, and a manual run for all-data editors. */
export default function CustomerReviewsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const me = useMe();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const userName = useUserName();
  const [mine, setMine] = useState(false);
  const [running, setRunning] = useState(false);
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const query = useQuery({ queryKey: [CUSTOMER_REVIEWS, { mine }], queryFn: () => reviewsApi.list(mine) });
  useEffect(() => {
    if (query.error) handleError(query.error);
  }, [query.error, handleError]);
  const items = query.data?.items ?? [];
  // Open the newest run by default; afterwards the user's own choice of open rows stands.
  const expandedKeys = expanded ?? items.slice(0, 1).map((r) => r.id);

  // The server runs reviews only for users who may edit every customer.
  const canRun = can('customer.write') && me.role.scope === 'all';
  const run = async () => {
    setRunning(true);
    try {
      const review = await reviewsApi.run();
      void message.success(t('reviews.ran', { n: review.changes.length }));
      setExpanded([review.id]);
      // Kinds and archive states changed: every customer list and card must refetch.
      await queryClient.invalidateQueries({ queryKey: [CUSTOMER_REVIEWS] });
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
    } catch (err) {
      handleError(err);
    } finally {
      setRunning(false);
    }
  };

  const columns: ColumnsType<CustomerReview> = [
    { title: t('reviews.period'), dataIndex: 'period', key: 'period', render: (p: string) => periodLabel(p) },
    {
      title: t('reviews.trigger'),
      dataIndex: 'trigger',
      key: 'trigger',
      render: (v: string) => (
        <Tag color={v === 'manual' ? 'blue' : 'default'}>
          {t(`reviews.triggers.${v}`, { defaultValue: v })}
        </Tag>
      ),
    },
    {
      title: t('reviews.startedBy'),
      dataIndex: 'startedBy',
      key: 'startedBy',
      render: (id: string | null) => (id ? userName(id) : t('reviews.system')),
    },
    { title: t('reviews.ranAt'), dataIndex: 'ranAt', key: 'ranAt', render: (v: string) => formatTime(v) },
    {
      title: t('reviews.changes'),
      key: 'changes',
      render: (_, r) => (
        <span data-testid="review-change-count" data-count={r.changes.length}>
          {t('reviews.changeCount', { n: r.changes.length })}
        </span>
      ),
    },
  ];

  return (
    <Card
      title={t('reviews.title')}
      extra={
        <Flex gap="middle" align="center" wrap>
          <Switch
            checked={mine}
            onChange={setMine}
            data-testid="reviews-mine"
            checkedChildren={t('reviews.mine')}
            unCheckedChildren={t('reviews.mine')}
            aria-label={t('reviews.mine')}
          />
          {canRun && (
            <Popconfirm
              title={t('reviews.runConfirm')}
              onConfirm={() => void run()}
              okButtonProps={{ 'data-testid': 'run-review-confirm' } as ButtonProps}
            >
              <Button
                type="primary"
                icon={<SyncOutlined aria-hidden />}
                data-testid="run-review"
                disabled={running}
              >
                {t('reviews.run')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      <Alert type="info" showIcon title={t('reviews.hint')} style={{ marginBottom: 16 }} />
      <Table<CustomerReview>
        rowKey="id"
        size="middle"
        data-testid="reviews-table"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        locale={{ emptyText: t('reviews.empty') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: expandedKeys,
          onExpandedRowsChange: (keys) => setExpanded([...keys]),
          expandedRowRender: (r) => <Changes changes={r.changes} />,
        }}
      />
    </Card>
  );
}
