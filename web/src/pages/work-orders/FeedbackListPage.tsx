import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { feedbackApi } from '../../api/field';
import type { FeedbackListItem } from '../../api/field-types';
import { useReportError } from '../../lib/errors';
import { FIELD_FEEDBACK } from '../../lib/field-lookups';
import { FeedbackStatusTag } from './FeedbackPanel';

const names = (v: FeedbackListItem['engineerNames']) => (Array.isArray(v) ? v.join('、') : (v ?? ''));

/** 外部质量信息反馈单: due 10 days after the trip; the overdue ones are what the head chases. */
export default function FeedbackListPage() {
  const { t } = useTranslation();
  const [overdue, setOverdue] = useState(false);
  const query = useQuery({
    queryKey: [FIELD_FEEDBACK, 'list', overdue],
    queryFn: () => feedbackApi.list({ overdue: overdue || undefined }),
  });
  useReportError(query.error);
  return (
    <Card
      title={t('feedback.listTitle')}
      extra={
        <Checkbox
          checked={overdue}
          onChange={(e) => setOverdue(e.target.checked)}
          data-testid="feedback-overdue"
        >
          {t('feedback.overdueOnly')}
        </Checkbox>
      }
    >
      <Table<FeedbackListItem>
        rowKey="workOrderId"
        size="middle"
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('feedback.empty') }}
        data-testid="feedback-table"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('feedback.workOrder'),
            key: 'wo',
            render: (_, r) => <Link to={`/work-orders/${r.workOrderId}`}>{r.workOrderNumber}</Link>,
          },
          ...(query.data?.items.some((r) => r.customerName)
            ? [
                {
                  title: t('wo.customer'),
                  key: 'customer',
                  render: (_: unknown, r: FeedbackListItem) => r.customerName,
                },
              ]
            : []),
          { title: t('feedback.engineers'), key: 'engineers', render: (_, r) => names(r.engineerNames) },
          { title: t('feedback.returnedOn'), dataIndex: 'returnedOn', key: 'returnedOn' },
          { title: t('feedback.dueOn'), dataIndex: 'dueOn', key: 'dueOn' },
          {
            title: t('feedback.status'),
            key: 'status',
            render: (_, r) => <FeedbackStatusTag status={r.status} overdue={r.overdue} />,
          },
        ]}
      />
    </Card>
  );
}
