import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visitsApi } from '../../api/followup';
import type { VisitSummary } from '../../api/followup-types';
import type { Ticket } from '../../api/ticket-types';
import { useReportError } from '../../lib/errors';
import { VISITS } from '../../lib/followup-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { FollowUpTag, VisitScore, VisitStatusTag } from './common';
import { VisitDrawer } from './VisitDrawer';

/** 回访 of one ticket on the ticket page: created when the ticket closes. */
export function TicketVisits({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const can = useCan();
  const visible = can('followup.read');
  const [viewing, setViewing] = useState<string | null>(null);
  const params = { ticketId: ticket.id, limit: 20 };
  const query = useQuery({
    // The ticket's version in the key: closing the ticket (a new version) shows its new visit at once.
    queryKey: [VISITS, 'list', params, ticket.version],
    queryFn: () => visitsApi.list(params),
    enabled: visible,
  });
  useReportError(query.error);
  if (!visible) return null;

  const columns: ColumnsType<VisitSummary> = [
    { title: t('visits.kindFilter'), key: 'kind', render: (_, v) => t(`visits.kinds.${v.kind}`) },
    { title: t('common.status'), key: 'status', render: (_, v) => <VisitStatusTag status={v.status} /> },
    { title: t('visits.dueAt'), key: 'due', render: (_, v) => formatTime(v.dueAt) },
    {
      title: t('visits.assignee'),
      key: 'assignee',
      render: (_, v) => v.assigneeName ?? t('visits.unassigned'),
    },
    { title: t('visits.score'), key: 'score', render: (_, v) => <VisitScore visit={v} /> },
    {
      title: t('visits.followUp'),
      key: 'followUp',
      render: (_, v) => <FollowUpTag status={v.followUpStatus} />,
    },
  ];

  return (
    <Card title={t('visits.ticketSection')} style={{ marginTop: 16 }} data-testid="ticket-visits">
      <Table<VisitSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('visits.ticketEmpty') }}
        onRow={(v) => ({ onClick: () => setViewing(v.id), style: { cursor: 'pointer' } })}
      />
      <VisitDrawer id={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
