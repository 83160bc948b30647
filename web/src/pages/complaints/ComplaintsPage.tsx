import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ComplaintSummary, OPEN_COMPLAINT_STATUSES } from '../../api/complaint-types';
import { complaintsApi } from '../../api/complaints';
import { COMPLAINTS } from '../../lib/complaint-lookups';
import { useReportError } from '../../lib/errors';
import { formatFen } from '../../lib/format';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { channelLabel } from '../tickets/common';
import {
  ComplaintStatusTag,
  causeLabel,
  causeOptions,
  FeedbackDue,
  SeverityTag,
  severityOptions,
  statusOptions,
} from './common';
import { RegisterComplaintModal } from './RegisterComplaintModal';

const PAGE_SIZE = 20;

interface Filters {
  status: string[];
  severity: string[];
  causeClass: string[];
  overdue: boolean;
  q: string;
}

function useColumns(): TableColumnsType<ComplaintSummary> {
  const { t } = useTranslation();
  return [
    {
      title: t('complaint.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (n: string, c) => (
        <Space size={4} wrap>
          <Link to={`/complaints/${c.id}`} data-testid="complaint-link">
            {n}
          </Link>
          {c.overdue && (
            <Tag color="red" data-testid="complaint-overdue">
              {t('complaint.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('complaint.customer'), dataIndex: 'customerName' },
    { title: t('complaint.subject'), dataIndex: 'subject', ellipsis: true, width: 260 },
    {
      title: t('complaint.severity'),
      dataIndex: 'severity',
      render: (s: string) => <SeverityTag severity={s} />,
    },
    {
      title: t('complaint.status'),
      dataIndex: 'status',
      render: (s: string) => <ComplaintStatusTag status={s} />,
    },
    { title: t('complaint.feedbackDue'), key: 'due', render: (_, c) => <FeedbackDue c={c} /> },
    { title: t('complaint.department'), dataIndex: 'departmentName' },
    {
      title: t('complaint.causeClass'),
      dataIndex: 'causeClass',
      render: (c: string | null) => (c ? causeLabel(t, c) : ''),
    },
    {
      title: t('complaint.compensation.title'),
      key: 'compensation',
      render: (_, c) =>
        c.compensationStatus === 'none'
          ? ''
          : `${t(`complaint.compensation.statuses.${c.compensationStatus}`)} ${formatFen(c.compensationFen)}`,
    },
    { title: t('complaint.channel'), dataIndex: 'channel', render: (c: string) => channelLabel(t, c) },
    { title: t('complaint.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => formatTime(v) },
  ];
}

/** 客户投诉 list: open ones by default, the 72-hour countdown on each, overdue ones flagged. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const columns = useColumns();
  const [creating, setCreating] = useState(false);
  const [filters, setFilters] = useState<Filters>({
    status: [...OPEN_COMPLAINT_STATUSES],
    severity: [],
    causeClass: [],
    overdue: false,
    q: '',
  });
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const params = {
    status: filters.status.join(',') || undefined,
    severity: filters.severity.join(',') || undefined,
    causeClass: filters.causeClass.join(',') || undefined,
    overdue: filters.overdue || undefined,
    q: filters.q.trim() || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [COMPLAINTS, 'list', params],
    queryFn: ({ signal }) => complaintsApi.list(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  useReportError(query.error);

  return (
    <Card
      title={t('complaint.title')}
      extra={
        can('complaint.create') && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="complaint-create"
          >
            {t('complaint.register')}
          </Button>
        )
      }
    >
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('complaint.search')}
            aria-label={t('complaint.search')}
            data-testid="complaint-search"
            onSearch={(q) => set({ q })}
            style={{ width: 220 }}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('complaint.filterStatus')}
            aria-label={t('complaint.filterStatus')}
            options={statusOptions(t)}
            value={filters.status}
            onChange={(status) => set({ status })}
            data-testid="complaint-filter-status"
            style={{ width: 260 }}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('complaint.filterSeverity')}
            aria-label={t('complaint.filterSeverity')}
            options={severityOptions(t)}
            value={filters.severity}
            onChange={(severity) => set({ severity })}
            style={{ width: 180 }}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('complaint.filterCause')}
            aria-label={t('complaint.filterCause')}
            options={causeOptions(t)}
            value={filters.causeClass}
            onChange={(causeClass) => set({ causeClass })}
            style={{ width: 200 }}
          />
          <Checkbox
            checked={filters.overdue}
            onChange={(e) => set({ overdue: e.target.checked })}
            data-testid="complaint-filter-overdue"
          >
            {t('complaint.overdueOnly')}
          </Checkbox>
        </Space>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          aria-label={t('tickets.refresh')}
          onClick={() => void query.refetch()}
        />
      </Flex>
      <Table<ComplaintSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('complaint.empty') }}
        onRow={(r) =>
          ({
            'data-testid': 'complaint-row',
            'data-number': r.number,
            'data-status': r.status,
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) =>
            setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
      <RegisterComplaintModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
