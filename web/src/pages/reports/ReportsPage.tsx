import { PlayCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Input, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { reportsApi } from '../../api/reports';
import { REPORT_KINDS, type ReportKind, type ReportRunSummary } from '../../api/reports-types';
import { useApiErrorHandler } from '../../lib/errors';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';

export const REPORTS = 'reports';
// The document gives a run's status as a plain string: an unknown one gets the default colour.
const STATUS_COLOR: Partial<Record<string, string>> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
};

function Runs({ kind }: { kind: ReportKind }) {
  const canRun = useCan()('report.run');
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState('');
  const [running, setRunning] = useState(false);
  const query = useQuery({ queryKey: [REPORTS, kind], queryFn: () => reportsApi.list(kind) });
  useEffect(() => {
    if (query.error) handleError(query.error);
  }, [query.error, handleError]);

  const run = async () => {
    setRunning(true);
    try {
      const r = await reportsApi.run(kind, period.trim() || undefined);
      void message.success(t('reports.ran'));
      await queryClient.invalidateQueries({ queryKey: [REPORTS] });
      navigate(`/reports/${r.id}`);
    } catch (err) {
      handleError(err);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t(`reports.schedule.${kind}`)}</Typography.Text>
      {canRun && (
        <Flex gap={8} wrap>
          <Input
            style={{ width: 260 }}
            placeholder={t('reports.periodPlaceholder')}
            title={t('reports.periodHint')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            data-testid={`report-period-${kind}`}
          />
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={running}
            onClick={() => void run()}
            data-testid={`report-run-${kind}`}
          >
            {t('reports.runNow')}
          </Button>
        </Flex>
      )}
      <Table<ReportRunSummary>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('reports.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('reports.period'),
            dataIndex: 'period',
            render: (v: string, r) => <Link to={`/reports/${r.id}`}>{v}</Link>,
          },
          {
            title: t('reports.status'),
            dataIndex: 'status',
            render: (v: ReportRunSummary['status'], r) => (
              <Tag color={STATUS_COLOR[v]} title={r.error ?? undefined}>
                {t(`reports.statuses.${v}`)}
              </Tag>
            ),
          },
          { title: t('reports.startedAt'), dataIndex: 'startedAt', render: formatTime },
          {
            title: t('reports.duration'),
            dataIndex: 'durationMs',
            render: (v: number | null) => (v === null ? '' : `${(v / 1000).toFixed(1)} s`),
          },
          { title: t('reports.emailedTo'), dataIndex: 'emailedTo', render: (v: string[]) => v.join('、') },
        ]}
      />
    </Flex>
  );
}

function Subscriptions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useQuery({ queryKey: [REPORTS, 'subscriptions'], queryFn: () => reportsApi.subscriptions() });
  const [kinds, setKinds] = useState<ReportKind[] | null>(null);
  const [saving, setSaving] = useState(false);
  const value = kinds ?? query.data?.kinds ?? [];
  const save = async () => {
    setSaving(true);
    try {
      const r = await reportsApi.setSubscriptions(value);
      setKinds(r.kinds);
      void message.success(t('reports.saved'));
    } catch (err) {
      handleError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('reports.subscriptions')} data-testid="report-subscriptions">
      <Typography.Paragraph type="secondary">{t('reports.subscriptionsHint')}</Typography.Paragraph>
      <Checkbox.Group
        value={value}
        onChange={(v) => setKinds(v as ReportKind[])}
        options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
      />
      <div style={{ marginTop: 12 }}>
        <Button onClick={() => void save()} loading={saving} disabled={query.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </Card>
  );
}

/** 定期报表: stored runs of each scheduled report, running one now, and the user's e-mail subscriptions. */
export default function ReportsPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="reports">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Card size="small">
        <Tabs
          items={REPORT_KINDS.map((k) => ({
            key: k,
            label: t(`reports.kinds.${k}`),
            children: <Runs kind={k} />,
          }))}
        />
      </Card>
      <Subscriptions />
    </Flex>
  );
}
