import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { surveysApi } from '../../api/followup';
import type { SurveyQuestion } from '../../api/followup-types';
import { LoadFailed } from '../../components/LoadFailed';
import { SURVEYS } from '../../lib/followup-lookups';
import { useCan } from '../../lib/session';
import { SurveyFormModal } from './SurveyFormModal';
import { SurveyInvitations } from './SurveyInvitations';
import { SurveyResults } from './SurveyResults';
import { SurveySend } from './SurveySend';
import { SURVEY_STATUS_COLORS } from './SurveysPage';

function Questions({ questions }: { questions: SurveyQuestion[] }) {
  const { t } = useTranslation();
  return (
    <Table<SurveyQuestion>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={questions}
      columns={[
        { title: t('surveys.question.code'), dataIndex: 'code', key: 'code' },
        { title: t('surveys.question.type'), key: 'type', render: (_, q) => t(`surveys.types.${q.type}`) },
        { title: t('surveys.question.text'), dataIndex: 'text', key: 'text' },
        { title: t('surveys.question.textEn'), dataIndex: 'textEn', key: 'textEn' },
        {
          title: t('surveys.question.options'),
          key: 'options',
          render: (_, q) => (q.options ?? []).join(' / '),
        },
        {
          title: t('surveys.question.required'),
          key: 'required',
          render: (_, q) => (q.required ? t('common.yes') : ''),
        },
      ]}
    />
  );
}

/** One questionnaire: results per dimension, who was invited, sending, and its questions. */
export default function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: [SURVEYS, 'detail', id], queryFn: () => surveysApi.get(id) });
  const s = query.data;
  if (!s) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Card
      data-testid="survey-card"
      title={
        <Space wrap>
          <span>{s.name}</span>
          <Tag color={SURVEY_STATUS_COLORS[s.status]}>{t(`surveys.statuses.${s.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          {can('survey.write') && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          <Link to="/surveys">
            <ArrowLeftOutlined aria-hidden /> {t('surveys.back')}
          </Link>
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'results', label: t('surveys.tabs.results'), children: <SurveyResults surveyId={s.id} /> },
          {
            key: 'invitations',
            label: t('surveys.tabs.invitations'),
            children: <SurveyInvitations surveyId={s.id} />,
          },
          ...(can('survey.write')
            ? [{ key: 'send', label: t('surveys.tabs.send'), children: <SurveySend survey={s} /> }]
            : []),
          {
            key: 'questions',
            label: t('surveys.tabs.questions'),
            children: <Questions questions={s.questions} />,
          },
        ]}
      />
      <SurveyFormModal state={editing ? { survey: s } : null} onClose={() => setEditing(false)} />
    </Card>
  );
}
