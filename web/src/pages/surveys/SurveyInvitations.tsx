import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { surveysApi } from '../../api/followup';
import { INVITATION_STATUSES, type Invitation, type InvitationStatus } from '../../api/followup-types';
import { useReportError } from '../../lib/errors';
import { SURVEYS } from '../../lib/followup-lookups';
import { formatTime } from '../../lib/time';
import { PeriodSelect } from './SurveyResults';

// The document gives the status as a plain string: an unknown one gets the default colour.
const COLORS: Partial<Record<Invitation['status'], string>> = {
  open: 'gold',
  answered: 'green',
  expired: 'default',
};

/** 发送情况: who was invited for which period, by e-mail or not, reminders, and who answered. */
export function SurveyInvitations({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<string>();
  const [status, setStatus] = useState<InvitationStatus>();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const params = { period, status, limit: page.pageSize, offset: (page.current - 1) * page.pageSize };
  const query = useQuery({
    queryKey: [SURVEYS, 'invitations', surveyId, params],
    queryFn: () => surveysApi.invitations(surveyId, params),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);

  const columns: ColumnsType<Invitation> = [
    { title: t('surveys.inv.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('surveys.inv.dealer'), dataIndex: 'dealerName', key: 'dealer' },
    { title: t('surveys.period'), dataIndex: 'period', key: 'period' },
    { title: t('surveys.inv.email'), dataIndex: 'email', key: 'email' },
    { title: t('surveys.inv.sentAt'), key: 'sentAt', render: (_, i) => formatTime(i.sentAt) },
    { title: t('surveys.inv.reminders'), dataIndex: 'reminders', key: 'reminders', align: 'right' },
    { title: t('surveys.expiresAt'), key: 'expiresAt', render: (_, i) => formatTime(i.expiresAt) },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, i) => <Tag color={COLORS[i.status]}>{t(`surveys.inv.statuses.${i.status}`)}</Tag>,
    },
    { title: t('surveys.inv.respondedAt'), key: 'respondedAt', render: (_, i) => formatTime(i.respondedAt) },
  ];
  const s = query.data?.summary;

  return (
    <>
      <Flex gap="small" wrap align="center" style={{ marginBottom: 16 }}>
        <PeriodSelect
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        <Select<InvitationStatus>
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={INVITATION_STATUSES.map((x) => ({
            value: x,
            label: t(`surveys.inv.statuses.${x}`),
          }))}
          style={{ width: 130 }}
        />
        {s && (
          <Typography.Text type="secondary" data-testid="survey-invitations-summary">
            {t('surveys.inv.summary', s)}
          </Typography.Text>
        )}
      </Flex>
      <Table<Invitation>
        rowKey="id"
        size="small"
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
    </>
  );
}
