import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workOrdersApi } from '../../api/field';
import { OPEN_WORK_ORDER_STATUSES, type WorkOrderSummary } from '../../api/field-types';
import { errorText } from '../../lib/errors';
import { WORK_ORDERS } from '../../lib/field-lookups';
import { formatTime } from '../../lib/time';
import { WorkOrderStatusTag } from '../work-orders/common';
import { MobileShell } from './MobileShell';

// The engineer's day: today's and the next jobs first, then those without a date.
const byPlan = (a: WorkOrderSummary, b: WorkOrderSummary) =>
  (a.plannedDate ?? '9999').localeCompare(b.plannedDate ?? '9999') || a.number.localeCompare(b.number);

function OrderItem({ order: o }: { order: WorkOrderSummary }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/m/work-orders/${o.id}`}
      data-testid={`m-wo-${o.number}`}
      style={{ color: 'inherit', display: 'block' }}
    >
      <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: 14 } }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong style={{ fontSize: 17 }}>
            {o.customerName}
          </Typography.Text>
          <WorkOrderStatusTag status={o.status} />
        </Flex>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0', fontSize: 16 }}>
          {o.task}
        </Typography.Paragraph>
        {o.address && (
          <Typography.Text type="secondary" style={{ fontSize: 15, display: 'block' }}>
            <EnvironmentOutlined aria-hidden /> {o.address}
          </Typography.Text>
        )}
        <Flex justify="space-between" align="center" style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 15 }}>
            {o.number}
            {o.plannedDate && ` · ${t('mobile.planned')} ${o.plannedDate}`}
            {o.deadlineAt && ` · ${t('mobile.deadline')} ${formatTime(o.deadlineAt)}`}
          </Typography.Text>
          <RightOutlined aria-hidden />
        </Flex>
      </Card>
    </Link>
  );
}

/** /m: the engineer's open work orders, tap one to work on it. */
export default function MobileListPage() {
  const { t } = useTranslation();
  const params = { mine: true, status: OPEN_WORK_ORDER_STATUSES.join(','), limit: 100 };
  const query = useQuery({
    queryKey: [WORK_ORDERS, 'list', params],
    queryFn: () => workOrdersApi.list(params),
    refetchInterval: 60_000,
  });
  const items = [...(query.data?.items ?? [])].sort(byPlan);
  return (
    <MobileShell title={t('mobile.title')}>
      {query.isLoading ? (
        <Spin style={{ display: 'block', margin: '64px auto' }} />
      ) : query.error ? (
        <Alert type="error" showIcon title={errorText(t, query.error)} />
      ) : items.length === 0 ? (
        <Empty description={t('mobile.empty')} style={{ marginTop: 64 }} />
      ) : (
        <div data-testid="m-list">
          {items.map((o) => (
            <OrderItem key={o.id} order={o} />
          ))}
        </div>
      )}
    </MobileShell>
  );
}
