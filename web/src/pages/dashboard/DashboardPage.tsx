import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Select,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dashboardApi } from '../../api/reports';
import type { DashboardParams, Figure, Headline } from '../../api/reports-types';
import { LoadFailed } from '../../components/LoadFailed';
import { useApiErrorHandler } from '../../lib/errors';
import { formatFen } from '../../lib/format';
import { useDealerOptions } from '../../lib/lookups';
import { useCan, useMe } from '../../lib/session';
import { dayjs, formatTime } from '../../lib/time';
import { DrillDrawer } from './DrillDrawer';
import { FigurePanel } from './FigurePanel';

const DASHBOARD = 'dashboard';
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const fixed = (v: number | null, d = 1) => (v === null ? '—' : v.toFixed(d));

export function HeadlineCards({ h }: { h: Headline }) {
  const { t } = useTranslation();
  const cards = [
    {
      key: 'sla',
      value: pct(h.slaAttainment),
      detail: t('dashboard.cards.slaDetail', { met: h.slaMet, breached: h.slaBreached }),
    },
    {
      key: 'open',
      value: String(h.openTickets),
      detail: t('dashboard.cards.openDetail', { n: h.openOver7d }),
    },
    { key: 'ftf', value: pct(h.ftfRate), detail: t('dashboard.cards.ftfDetail', { n: h.ftfBase }) },
    {
      key: 'mttr',
      value: h.repairMeanMinutes === null ? '—' : `${fixed(h.repairMeanMinutes / 60)} h`,
      detail: t('dashboard.cards.mttrDetail', {
        h: h.resolveMeanMinutes === null ? '—' : fixed(h.resolveMeanMinutes / 60),
      }),
    },
    {
      key: 'cost',
      value: formatFen(h.warrantyCostFen),
      detail: t('dashboard.cards.costDetail', { n: h.partsConsumed }),
    },
    {
      key: 'satisfaction',
      value: fixed(h.satisfactionScore, 2),
      detail: t('dashboard.cards.satisfactionDetail', { nps: fixed(h.nps) }),
    },
    { key: 'complaints', value: String(h.complaints), detail: '' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} flex="1 1 140px">
          <Card size="small" data-testid={`card-${c.key}`}>
            <Statistic title={t(`dashboard.cards.${c.key}`)} value={c.value} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.detail}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const LAYOUT: { figure: Figure; span: number }[] = [
  { figure: 'sla', span: 24 },
  { figure: 'backlog', span: 12 },
  { figure: 'ftf', span: 12 },
  { figure: 'mttr', span: 12 },
  { figure: 'satisfaction', span: 12 },
  { figure: 'cost', span: 12 },
  { figure: 'parts', span: 12 },
  { figure: 'complaints', span: 12 },
  { figure: 'repeats', span: 12 },
];

/** 看板: headline cards and every figure of SPEC §2.14 for a period and a dealer. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const staff = me.role.scope === 'all';
  const can = useCan();
  const canRefresh = staff && can('report.run');
  const dealers = useDealerOptions(staff);
  const [params, setParams] = useState<DashboardParams>({});
  const [drill, setDrill] = useState<{ figure: Figure; key: string } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const query = useQuery({
    queryKey: [DASHBOARD, params],
    queryFn: () => dashboardApi.get(params),
    placeholderData: (p) => p,
  });
  const d = query.data;

  const refresh = async () => {
    setRefreshing(true);
    try {
      await dashboardApi.refresh();
      void message.success(t('dashboard.refreshed'));
      await queryClient.invalidateQueries({ queryKey: [DASHBOARD] });
    } catch (err) {
      handleError(err);
    } finally {
      setRefreshing(false);
    }
  };

  // The period shown is the server's (its default is the last six months up to today).
  const shown = { from: params.from ?? d?.from, to: params.to ?? d?.to };
  return (
    <div data-testid="dashboard">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <DatePicker.RangePicker
            aria-label={t('dashboard.period')}
            allowClear={false}
            value={shown.from && shown.to ? [dayjs(shown.from), dayjs(shown.to)] : null}
            onChange={(v) =>
              v?.[0] &&
              v[1] &&
              setParams((p) => ({ ...p, from: v[0]!.format('YYYY-MM-DD'), to: v[1]!.format('YYYY-MM-DD') }))
            }
          />
          {staff && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 200 }}
              placeholder={t('dashboard.allDealers')}
              options={dealers.options}
              loading={dealers.loading}
              value={params.dealerId}
              onChange={(v?: string) => setParams((p) => ({ ...p, dealerId: v }))}
              data-testid="dashboard-dealer"
            />
          )}
          {canRefresh && (
            <Button
              icon={<ReloadOutlined />}
              loading={refreshing}
              onClick={() => void refresh()}
              data-testid="dashboard-refresh"
            >
              {t('dashboard.refresh')}
            </Button>
          )}
        </Flex>
      </Flex>
      {!d ? (
        query.isError ? (
          <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Spin style={{ display: 'block', margin: '64px auto' }} />
        )
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {d.refreshedAt
              ? t('dashboard.refreshedAt', { at: formatTime(d.refreshedAt) })
              : t('dashboard.neverRefreshed')}
            {' · '}
            {t('dashboard.clickHint')}
          </Typography.Text>
          {!staff && <Alert type="info" showIcon message={t('dashboard.ownDealer')} />}
          <HeadlineCards h={d.headline} />
          <Row gutter={[12, 12]}>
            {LAYOUT.map(({ figure, span }) => (
              <Col key={figure} xs={24} xl={span}>
                <FigurePanel
                  figure={figure}
                  data={d}
                  params={params}
                  onDrill={(f, key) => setDrill({ figure: f, key })}
                />
              </Col>
            ))}
          </Row>
        </Flex>
      )}
      {drill && (
        <DrillDrawer
          figure={drill.figure}
          drillKey={drill.key}
          title={t(`dashboard.figures.${drill.figure}`)}
          params={params}
          onClose={() => setDrill(null)}
        />
      )}
    </div>
  );
}
