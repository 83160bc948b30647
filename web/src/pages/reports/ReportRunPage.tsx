import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reportsApi } from '../../api/reports';
import type { ReportRun } from '../../api/reports-types';
import { LoadFailed } from '../../components/LoadFailed';
import { formatTime } from '../../lib/time';
import { REPORTS } from './ReportsPage';
import { DailyView, MonthlyView, WeeklyView } from './ReportViews';

function Body({ run }: { run: ReportRun }) {
  const data = run.data as never;
  if (!run.data) return null;
  switch (run.kind) {
    case 'daily_problems':
      return <DailyView data={data} />;
    case 'weekly_satisfaction':
      return <WeeklyView data={data} />;
    case 'monthly':
      return <MonthlyView data={data} />;
  }
}

/** One stored report, as it was computed (the link in the subscription e-mail leads here). */
export default function ReportRunPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: [REPORTS, 'run', id], queryFn: () => reportsApi.get(id) });
  const run = query.data;
  if (!run) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Flex vertical gap={16} data-testid="report-run">
      <Flex align="center" gap={12}>
        <Link to="/reports">
          <Button icon={<ArrowLeftOutlined />}>{t('reports.back')}</Button>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(`reports.kinds.${run.kind}`)} {run.period}
        </Typography.Title>
        <Tag>{t(`reports.statuses.${run.status}`)}</Tag>
      </Flex>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('reports.startedAt')}>{formatTime(run.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.duration')}>
          {run.durationMs === null ? '' : `${(run.durationMs / 1000).toFixed(1)} s`}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.emailedTo')}>{run.emailedTo.join('、')}</Descriptions.Item>
      </Descriptions>
      {run.error && <Typography.Text type="danger">{run.error}</Typography.Text>}
      <Body run={run} />
    </Flex>
  );
}
