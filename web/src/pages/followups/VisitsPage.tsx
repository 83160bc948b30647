import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visitsApi } from '../../api/followup';
import { VISIT_KINDS, type VisitKind, type VisitStatus, type VisitSummary } from '../../api/followup-types';
import { useApiErrorHandler, useReportError } from '../../lib/errors';
import { VISITS } from '../../lib/followup-lookups';
import { useCan, useMe } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { FollowUpTag, VisitScore, VisitStatusTag } from './common';
import { VisitCompleteModal } from './VisitCompleteModal';
import { VisitDrawer } from './VisitDrawer';
import { type NoteAction, VisitNoteModal } from './VisitNoteModal';

const WAITING: VisitStatus[] = ['open', 'unreachable'];

/** 回访: the queue of visits owed after closed services and resolved complaints, most urgent first. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const canWrite = can('followup.write');
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  // The queue by default: what still needs a call.
  const [status, setStatus] = useState<string | undefined>('open,unreachable');
  const [kind, setKind] = useState<VisitKind>();
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [completing, setCompleting] = useState<VisitSummary | null>(null);
  const [noting, setNoting] = useState<{ visit: VisitSummary; action: NoteAction } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const params = {
    status,
    kind,
    mine: mine || undefined,
    overdue: overdue || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [VISITS, 'list', params],
    queryFn: () => visitsApi.list(params),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);
  const filtered = (fn: () => void) => {
    fn();
    setPage((p) => ({ ...p, current: 1 }));
  };

  const assignToMe = async (v: VisitSummary) => {
    try {
      await visitsApi.assign(v.id, v.version, me.id);
      void message.success(t('visits.assigned'));
    } catch (err) {
      handleError(err);
    } finally {
      await queryClient.invalidateQueries({ queryKey: [VISITS] });
    }
  };

  const columns: ColumnsType<VisitSummary> = [
    {
      title: t('visits.customer'),
      key: 'customer',
      render: (_, v) => (
        <Space vertical size={0}>
          <Typography.Text strong>{v.customerName}</Typography.Text>
          {v.customerPhone && <Typography.Text type="secondary">{v.customerPhone}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('visits.ticket'),
      key: 'ticket',
      render: (_, v) =>
        v.ticketId && can('ticket.read') ? (
          <Link to={`/tickets/${v.ticketId}`}>{v.ticketNumber}</Link>
        ) : (
          v.ticketNumber
        ),
    },
    { title: t('visits.kindFilter'), key: 'kind', render: (_, v) => t(`visits.kinds.${v.kind}`) },
    { title: t('visits.engineer'), dataIndex: 'engineerName', key: 'engineer' },
    { title: t('visits.dealer'), dataIndex: 'dealerName', key: 'dealer' },
    {
      title: t('visits.dueAt'),
      key: 'dueAt',
      render: (_, v) => (
        <Space size={4}>
          <span>{formatTime(v.dueAt)}</span>
          {v.overdue && (
            <Tag color="red" data-testid="visit-overdue">
              {t('visits.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('visits.assignee'),
      key: 'assignee',
      render: (_, v) =>
        v.assigneeName ?? <Typography.Text type="secondary">{t('visits.unassigned')}</Typography.Text>,
    },
    { title: t('common.status'), key: 'status', render: (_, v) => <VisitStatusTag status={v.status} /> },
    { title: t('visits.score'), key: 'score', render: (_, v) => <VisitScore visit={v} /> },
    {
      title: t('visits.followUp'),
      key: 'followUp',
      render: (_, v) => <FollowUpTag status={v.followUpStatus} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, v) => {
        const waiting = WAITING.includes(v.status);
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setViewing(v.id)}>
              {t('visits.view')}
            </Button>
            {canWrite && waiting && v.assigneeUserId !== me.id && (
              <Button
                type="link"
                size="small"
                data-testid="visit-assign-me"
                onClick={() => void assignToMe(v)}
              >
                {t('visits.assignToMe')}
              </Button>
            )}
            {canWrite && waiting && (
              <Button type="link" size="small" data-testid="visit-complete" onClick={() => setCompleting(v)}>
                {t('visits.complete')}
              </Button>
            )}
            {canWrite && waiting && (
              <Button type="link" size="small" onClick={() => setNoting({ visit: v, action: 'unreachable' })}>
                {t('visits.unreachable')}
              </Button>
            )}
            {canWrite && v.status === 'done' && v.followUpStatus === 'open' && (
              <Button
                type="link"
                size="small"
                onClick={() => setNoting({ visit: v, action: 'followUpDone' })}
              >
                {t('visits.followUpDone')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const statusOptions = [
    {
      value: 'open,unreachable',
      label: `${t('visits.statuses.open')} / ${t('visits.statuses.unreachable')}`,
    },
    ...(['open', 'unreachable', 'done', 'cancelled'] as const).map((s) => ({
      value: s,
      label: t(`visits.statuses.${s}`),
    })),
  ];

  return (
    <Card title={t('visits.title')}>
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          aria-label={t('visits.statusFilter')}
          placeholder={t('visits.statusFilter')}
          value={status}
          onChange={(v) => filtered(() => setStatus(v))}
          options={statusOptions}
          style={{ width: 180 }}
          data-testid="visit-status-filter"
        />
        <Select<VisitKind>
          allowClear
          aria-label={t('visits.kindFilter')}
          placeholder={t('visits.kindFilter')}
          value={kind}
          onChange={(v) => filtered(() => setKind(v))}
          options={VISIT_KINDS.map((k) => ({
            value: k,
            label: t(`visits.kinds.${k}`),
          }))}
          style={{ width: 150 }}
        />
        {canWrite && (
          <Checkbox checked={mine} onChange={(e) => filtered(() => setMine(e.target.checked))}>
            {t('visits.mineOnly')}
          </Checkbox>
        )}
        <Checkbox checked={overdue} onChange={(e) => filtered(() => setOverdue(e.target.checked))}>
          {t('visits.overdueOnly')}
        </Checkbox>
      </Flex>
      <Table<VisitSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'visit-row' }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
      <VisitCompleteModal visit={completing} onClose={() => setCompleting(null)} />
      <VisitNoteModal state={noting} onClose={() => setNoting(null)} />
      <VisitDrawer id={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
