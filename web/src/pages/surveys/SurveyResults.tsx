import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Segmented, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { surveysApi } from '../../api/followup';
import { RESULT_DIMENSIONS, type ResultDimension, type ResultRow } from '../../api/followup-types';
import { useApiErrorHandler, useReportError } from '../../lib/errors';
import { recentQuarters, SURVEYS, scoreText } from '../../lib/followup-lookups';

const DIMS = RESULT_DIMENSIONS;

/** A period picker: the recent quarters, or all of them. */
export function PeriodSelect({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select<string>
      allowClear
      aria-label={t('surveys.period')}
      placeholder={t('surveys.allPeriods')}
      value={value}
      onChange={(v) => onChange(v)}
      options={recentQuarters().map((p) => ({ value: p, label: p }))}
      style={{ width: 140 }}
    />
  );
}

/** 调查结果: responses, mean satisfaction and NPS per engineer, dealer, product, region or period. */
export function SurveyResults({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [by, setBy] = useState<ResultDimension>('period');
  const [period, setPeriod] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const query = useQuery({
    queryKey: [SURVEYS, 'results', surveyId, by, period],
    queryFn: () => surveysApi.results(surveyId, by, period),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await surveysApi.exportResults(surveyId, by, period);
    } catch (err) {
      handleError(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<ResultRow> = [
    {
      title: t(`surveys.results.dims.${by}`),
      key: 'label',
      render: (_, r) =>
        r.label ?? <Typography.Text type="secondary">{t('surveys.results.unspecified')}</Typography.Text>,
    },
    { title: t('surveys.results.responses'), dataIndex: 'responses', key: 'responses', align: 'right' },
    {
      title: t('surveys.results.avg'),
      key: 'avg',
      align: 'right',
      render: (_, r) => scoreText(r.avgScoreX100),
    },
    { title: t('surveys.results.nps'), dataIndex: 'nps', key: 'nps', align: 'right' },
    { title: t('surveys.results.promoters'), dataIndex: 'promoters', key: 'promoters', align: 'right' },
    { title: t('surveys.results.detractors'), dataIndex: 'detractors', key: 'detractors', align: 'right' },
  ];
  const data = query.data;

  return (
    <>
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <Segmented<ResultDimension>
          value={by}
          onChange={setBy}
          options={DIMS.map((d) => ({ value: d, label: t(`surveys.results.dims.${d}`) }))}
          data-testid="survey-results-by"
        />
        <PeriodSelect value={period} onChange={setPeriod} />
        <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={() => void exportXlsx()}>
          {t('surveys.results.export')}
        </Button>
      </Flex>
      <Table<ResultRow>
        rowKey={(r) => r.key ?? '(none)'}
        size="small"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={query.isFetching}
        pagination={false}
        data-testid="survey-results"
        locale={{ emptyText: t('surveys.results.empty') }}
        summary={() =>
          data && data.rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('surveys.results.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.total.responses}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {scoreText(data.total.avgScoreX100)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {data.total.nps}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {data.total.promoters}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {data.total.detractors}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
