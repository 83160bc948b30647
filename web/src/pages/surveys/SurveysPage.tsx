import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { surveysApi } from '../../api/followup';
import { SURVEY_STATUSES, type Survey, type SurveyStatus } from '../../api/followup-types';
import { useReportError } from '../../lib/errors';
import { SURVEYS } from '../../lib/followup-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { SurveyFormModal } from './SurveyFormModal';

// The document gives the status as a plain string: an unknown one gets the default colour.
export const SURVEY_STATUS_COLORS: Partial<Record<Survey['status'], string>> = {
  draft: 'default',
  active: 'green',
  closed: 'purple',
};

/** 满意度调查问卷: the questionnaires, each opening to its results, invitations and sending. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('survey.write');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<SurveyStatus>();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ survey: Survey | null } | null>(null);
  const params = {
    q: q || undefined,
    status,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [SURVEYS, 'list', params],
    queryFn: () => surveysApi.list(params),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  const columns: ColumnsType<Survey> = [
    { title: t('surveys.code'), dataIndex: 'code', key: 'code' },
    {
      title: t('surveys.name'),
      key: 'name',
      render: (_, s) => (
        <Link to={`/surveys/${s.id}`} data-testid="survey-link">
          {s.name}
        </Link>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, s) => <Tag color={SURVEY_STATUS_COLORS[s.status]}>{t(`surveys.statuses.${s.status}`)}</Tag>,
    },
    {
      title: t('surveys.questions'),
      key: 'questions',
      render: (_, s) => t('surveys.questionCount', { n: s.questions.length }),
    },
    { title: t('surveys.validDays'), dataIndex: 'validDays', key: 'validDays', align: 'right' },
    { title: t('surveys.invitations'), dataIndex: 'invitations', key: 'invitations', align: 'right' },
    { title: t('common.updatedAt'), key: 'updatedAt', render: (_, s) => formatTime(s.updatedAt) },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: Survey) => (
              <Button type="link" size="small" onClick={() => setEditing({ survey: s })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('surveys.title')}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            data-testid="survey-create"
            onClick={() => setEditing({ survey: null })}
          >
            {t('surveys.create')}
          </Button>
        )
      }
    >
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <Space.Compact>
          <Input.Search
            allowClear
            placeholder={t('common.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage((p) => ({ ...p, current: 1 }));
            }}
            style={{ width: 240 }}
          />
        </Space.Compact>
        <Select<SurveyStatus>
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={SURVEY_STATUSES.map((s) => ({
            value: s,
            label: t(`surveys.statuses.${s}`),
          }))}
          style={{ width: 140 }}
        />
      </Flex>
      <Table<Survey>
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
      <SurveyFormModal state={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
