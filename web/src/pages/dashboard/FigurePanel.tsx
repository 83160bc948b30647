import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tabs } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dashboardApi } from '../../api/reports';
import type { Dashboard, DashboardParams, Figure } from '../../api/reports-types';
import { EChart } from '../../components/EChart';
import { useApiErrorHandler } from '../../lib/errors';
import { chartOption } from './chart-options';
import { figureColumns, rowKeyForDrill } from './figure-columns';

/**
 * One figure: its chart and its table (tabs), an Excel export of the table, and a drill-down from any
 * bar, point or row. The chart stays mounted while the table tab is open so it never re-renders blank.
 */
export function FigurePanel<F extends Figure>({
  figure,
  data,
  params,
  onDrill,
  height,
}: {
  figure: F;
  data: Dashboard;
  params: DashboardParams;
  onDrill: (figure: Figure, key: string) => void;
  height?: number;
}) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [exporting, setExporting] = useState(false);
  const rows = data.figures[figure].rows;
  const option = useMemo(() => chartOption(figure, rows, t), [figure, rows, t]);
  const columns = useMemo(() => figureColumns(figure, t), [figure, t]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await dashboardApi.exportXlsx(figure, params);
    } catch (err) {
      handleError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      size="small"
      title={t(`dashboard.figures.${figure}`)}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportXlsx()}
          data-testid={`export-${figure}`}
        >
          {t('dashboard.export')}
        </Button>
      }
    >
      <Tabs
        size="small"
        destroyOnHidden={false}
        items={[
          {
            key: 'chart',
            label: t('dashboard.chart'),
            forceRender: true,
            children: (
              <>
                {rows.length === 0 && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.empty')} />
                )}
                <EChart
                  option={option}
                  testId={`chart-${figure}`}
                  height={rows.length === 0 ? 120 : height}
                  onClick={(e) => e.key && onDrill(figure, e.key)}
                />
              </>
            ),
          },
          {
            key: 'table',
            label: t('dashboard.table'),
            forceRender: true,
            children: (
              <Table
                data-testid={`table-${figure}`}
                rowKey="key"
                size="small"
                scroll={{ x: true }}
                dataSource={rows as { key: string }[]}
                columns={columns}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                onRow={(r) =>
                  ({
                    onClick: () => onDrill(figure, rowKeyForDrill(figure, r)),
                    style: { cursor: 'pointer' },
                    'data-key': r.key,
                  }) as HTMLAttributes<HTMLElement>
                }
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
