import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard, Figure, Headline } from '../../api/reports-types';
import { FIGURES } from '../../api/reports-types';
import { formatTime } from '../../lib/time';
import { HeadlineCards } from '../dashboard/DashboardPage';
import { figureColumns } from '../dashboard/figure-columns';

// The stored data of each scheduled report, as tables.

type Reason = { code: string; label: string; count: number; refs: string[] };
type Customer = { customerId: string; customerName: string; dealerName: string | null; reasons: Reason[] };
type DailyData = {
  asOf: string;
  totals: {
    customers: number;
    slaOverdue: number;
    slaAtRisk: number;
    unhappyVisits: number;
    openComplaints: number;
  };
  customers: Customer[];
};

export function DailyView({ data }: { data: DailyData }) {
  const { t } = useTranslation();
  const x = data.totals;
  return (
    <Card
      size="small"
      title={`${t('reports.daily.customers')} · ${t('reports.daily.asOf')} ${formatTime(data.asOf)}`}
    >
      <Typography.Paragraph>
        {t('reports.daily.totals', {
          customers: x.customers,
          overdue: x.slaOverdue,
          risk: x.slaAtRisk,
          visits: x.unhappyVisits,
          complaints: x.openComplaints,
        })}
      </Typography.Paragraph>
      <Table<Customer>
        rowKey="customerId"
        size="small"
        data-testid="daily-customers"
        dataSource={data.customers}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('dashboard.cols.customer'),
            dataIndex: 'customerName',
            render: (v: string, c) => <Link to={`/customers/${c.customerId}`}>{v}</Link>,
          },
          { title: t('dashboard.dims.dealer'), dataIndex: 'dealerName' },
          {
            title: t('reports.daily.reasons'),
            dataIndex: 'reasons',
            render: (rs: Reason[]) => (
              <Flex wrap gap={4}>
                {rs.map((r) => (
                  <Tag
                    key={r.code}
                    color={r.code.includes('overdue') || r.code.includes('late') ? 'red' : 'orange'}
                  >
                    {r.label} × {r.count}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('reports.daily.refs'),
            key: 'refs',
            render: (_, c) => [...new Set(c.reasons.flatMap((r) => r.refs))].join('、'),
          },
        ]}
      />
    </Card>
  );
}

type ScoreLine = {
  id: string | null;
  name: string | null;
  answered: number;
  meanScore: number | null;
  unhappy: number;
  nps: number | null;
};
type Part = { total: ScoreLine; byEngineer: ScoreLine[]; byDealer: ScoreLine[] };
type Unhappy = {
  source: string;
  id: string;
  customerId: string;
  customerName: string;
  dealerName: string | null;
  engineerName: string | null;
  score: number | null;
  at: string;
  ref: string | null;
  comment: string | null;
};
type WeeklyData = {
  from: string;
  to: string;
  visits: Part;
  surveys: Part;
  unhappy: Unhappy[];
  complaints: { opened: number; closed: number };
};

function Scores({ title, part, by }: { title: string; part: Part; by: 'byEngineer' | 'byDealer' }) {
  const { t } = useTranslation();
  const f = (v: number | null, d = 2) => (v === null ? '—' : v.toFixed(d));
  return (
    <Table<ScoreLine>
      rowKey={(r) => r.id ?? '-'}
      size="small"
      title={() => title}
      dataSource={part[by]}
      pagination={false}
      columns={[
        {
          title: t(by === 'byEngineer' ? 'reports.weekly.engineer' : 'dashboard.dims.dealer'),
          dataIndex: 'name',
          render: (v) => v ?? t('dashboard.none'),
        },
        { title: t('reports.weekly.answered'), dataIndex: 'answered', align: 'right' },
        { title: t('reports.weekly.meanScore'), dataIndex: 'meanScore', align: 'right', render: (v) => f(v) },
        { title: t('reports.weekly.unhappy'), dataIndex: 'unhappy', align: 'right' },
        { title: 'NPS', dataIndex: 'nps', align: 'right', render: (v) => f(v, 1) },
      ]}
    />
  );
}

export function WeeklyView({ data }: { data: WeeklyData }) {
  const { t } = useTranslation();
  const line = (p: Part) =>
    `${p.total.answered} · ${t('reports.weekly.meanScore')} ${p.total.meanScore?.toFixed(2) ?? '—'} · ${t('reports.weekly.unhappy')} ${p.total.unhappy}`;
  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        {data.from} ~ {data.to} · {t('reports.weekly.complaints', data.complaints)}
      </Typography.Text>
      {(['visits', 'surveys'] as const).map((k) => (
        <Card key={k} size="small" title={`${t(`reports.weekly.${k}`)}：${line(data[k])}`}>
          <Flex gap={12} wrap>
            <div style={{ flex: '1 1 360px' }}>
              <Scores title={t('reports.weekly.byEngineer')} part={data[k]} by="byEngineer" />
            </div>
            <div style={{ flex: '1 1 360px' }}>
              <Scores title={t('reports.weekly.byDealer')} part={data[k]} by="byDealer" />
            </div>
          </Flex>
        </Card>
      ))}
      <Card size="small" title={t('reports.weekly.unhappyCustomers')}>
        <Table<Unhappy>
          rowKey="id"
          size="small"
          dataSource={data.unhappy}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('dashboard.cols.customer'),
              dataIndex: 'customerName',
              render: (v, u) => <Link to={`/customers/${u.customerId}`}>{v}</Link>,
            },
            {
              title: t('reports.weekly.source'),
              dataIndex: 'source',
              render: (v: string) => t(`dashboard.drill.kinds.${v}`),
            },
            { title: t('reports.weekly.score'), dataIndex: 'score', align: 'right' },
            { title: t('reports.weekly.engineer'), dataIndex: 'engineerName' },
            { title: t('dashboard.dims.dealer'), dataIndex: 'dealerName' },
            { title: t('dashboard.drill.at'), dataIndex: 'at', render: formatTime },
            { title: t('reports.weekly.comment'), dataIndex: 'comment', ellipsis: true },
          ]}
        />
      </Card>
    </Flex>
  );
}

type MonthlyData = { from: string; to: string; headline: Headline; figures: Dashboard['figures'] };

function FigureTable({ figure, rows }: { figure: Figure; rows: { key: string }[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t(`dashboard.figures.${figure}`)}>
      <Table
        rowKey="key"
        size="small"
        dataSource={rows}
        columns={figureColumns(figure, t)}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
      />
    </Card>
  );
}

export function MonthlyView({ data }: { data: MonthlyData }) {
  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        {data.from} ~ {data.to}
      </Typography.Text>
      <HeadlineCards h={data.headline} />
      {FIGURES.filter((f) => f !== 'backlog').map((f) => (
        <FigureTable key={f} figure={f} rows={data.figures[f].rows} />
      ))}
    </Flex>
  );
}
