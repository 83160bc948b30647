import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockingPlansApi } from '../../api/parts';
import { PLAN_STATUSES, type PlanStatus, type StockingPlan } from '../../api/parts-types';
import { useApiErrorHandler, useReportError } from '../../lib/errors';
import { STOCKING_PLANS } from '../../lib/parts-lookups';
import { useCan, useMe } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { PlanTimingTag } from './common';
import { PlanFormModal, type PlanModalState } from './PlanFormModal';

// The document gives the status as a plain string: an unknown one gets the default colour.
const STATUS_COLORS: Partial<Record<StockingPlan['status'], string>> = {
  draft: 'default',
  submitted: 'blue',
  approved: 'green',
};

/** 备件储备计划: dealers file 30 days before the selling season; the company approves. */
export default function StockingPlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const canPlan = can('stock.plan') && me.role.scope !== 'customer';
  const canApprove = can('stock.write');
  const [status, setStatus] = useState<PlanStatus>();
  const [lateOnly, setLateOnly] = useState(false);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [modal, setModal] = useState<PlanModalState | null>(null);

  const params = {
    status,
    late: lateOnly || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [STOCKING_PLANS, 'list', params],
    queryFn: () => stockingPlansApi.list(params),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      void message.success(done);
    } catch (err) {
      handleError(err);
    } finally {
      await queryClient.invalidateQueries({ queryKey: [STOCKING_PLANS] });
    }
  };

  const columns: ColumnsType<StockingPlan> = [
    { title: t('stockingPlans.dealer'), dataIndex: 'dealerName', key: 'dealer' },
    { title: t('stockingPlans.season'), dataIndex: 'season', key: 'season' },
    { title: t('stockingPlans.seasonStart'), dataIndex: 'seasonStart', key: 'seasonStart' },
    {
      title: t('stockingPlans.dueOn'),
      key: 'dueOn',
      render: (_, p) => (
        <Space size={4}>
          <span>{p.dueOn}</span>
          <PlanTimingTag plan={p} />
        </Space>
      ),
    },
    {
      title: t('stockingPlans.lines'),
      key: 'lines',
      render: (_, p) => (
        <Typography.Text
          ellipsis={{ tooltip: p.lines.map((l) => `${l.partCode} ${l.partName} × ${l.quantity}`).join('\n') }}
          style={{ maxWidth: 260 }}
        >
          {p.lines.length === 0
            ? '—'
            : `${t('stockingPlans.lineCount', { n: p.lines.length })}：${p.lines
                .map((l) => `${l.partName ?? l.partCode} × ${l.quantity}`)
                .join('，')}`}
        </Typography.Text>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: StockingPlan['status']) => (
        <Tag color={STATUS_COLORS[s]}>{t(`stockingPlans.statuses.${s}`)}</Tag>
      ),
    },
    {
      title: t('stockingPlans.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      render: (v: string | null) => formatTime(v),
    },
    { title: t('stockingPlans.approvedBy'), dataIndex: 'approvedByName', key: 'approvedBy' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size="small" wrap>
          {canPlan && p.status === 'draft' && (
            <>
              <Button type="link" size="small" onClick={() => setModal({ plan: p })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={
                  p.late
                    ? t('stockingPlans.submitLateConfirm', { dueOn: p.dueOn })
                    : t('stockingPlans.submitConfirm')
                }
                onConfirm={() =>
                  act(() => stockingPlansApi.submit(p.id, p.version), t('stockingPlans.submitted'))
                }
              >
                <Button type="link" size="small">
                  {t('stockingPlans.submit')}
                </Button>
              </Popconfirm>
            </>
          )}
          {canApprove && p.status === 'submitted' && (
            <Popconfirm
              title={t('stockingPlans.approveConfirm')}
              onConfirm={() =>
                act(() => stockingPlansApi.approve(p.id, p.version), t('stockingPlans.approved'))
              }
            >
              <Button type="link" size="small">
                {t('stockingPlans.approve')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('stockingPlans.title')}>
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select<PlanStatus>
            allowClear
            aria-label={t('stockingPlans.statusFilter')}
            placeholder={t('stockingPlans.statusFilter')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage((p) => ({ ...p, current: 1 }));
            }}
            options={PLAN_STATUSES.map((s) => ({
              value: s,
              label: t(`stockingPlans.statuses.${s}`),
            }))}
            style={{ width: 150 }}
          />
          <Checkbox
            checked={lateOnly}
            onChange={(e) => {
              setLateOnly(e.target.checked);
              setPage((p) => ({ ...p, current: 1 }));
            }}
          >
            {t('stockingPlans.lateOnly')}
          </Checkbox>
        </Space>
        {canPlan && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            data-testid="create-stocking-plan"
            onClick={() => setModal({ plan: null })}
          >
            {t('stockingPlans.create')}
          </Button>
        )}
      </Flex>
      <Table<StockingPlan>
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
      <PlanFormModal state={modal} onClose={() => setModal(null)} />
    </Card>
  );
}
