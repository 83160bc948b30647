import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket, TicketEvent, TicketSummary } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { useReportError } from '../../lib/errors';
import { useCan } from '../../lib/session';
import { TICKETS } from '../../lib/ticket-lookups';
import { formatTime } from '../../lib/time';
import { DueCell, TicketStatusTag, typeLabel } from '../tickets/common';
import { PortalComplaints } from './PortalComplaints';
import { PortalReturns } from './PortalReturns';

const PAGE_SIZE = 10;

/** The last answer from the service side; the customer's own messages are not news to them. */
function latestReply(ticket: Ticket | undefined): TicketEvent | undefined {
  return ticket?.events.findLast(
    (e) => e.kind === 'reply' && !(e.data as { fromCustomer?: boolean } | null)?.fromCustomer,
  );
}

function TicketItem({ ticket, detail }: { ticket: TicketSummary; detail: Ticket | undefined }) {
  const { t } = useTranslation();
  const reply = latestReply(detail);
  return (
    <List.Item data-testid="portal-ticket" data-number={ticket.number}>
      <div style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={4}>
          <Space size={6} wrap>
            <Link
              to={`/portal/tickets/${ticket.id}`}
              data-testid="portal-ticket-link"
              style={{ fontWeight: 600 }}
            >
              {ticket.number}
            </Link>
            <TicketStatusTag status={ticket.status} />
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(ticket.reportedAt)}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary">
          {typeLabel(t, ticket.type)}
          {ticket.serialNo && ` · ${ticket.serialNo}`}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
          {ticket.description}
        </Typography.Paragraph>
        {ticket.nextDueAt && (
          <Space size={6} wrap>
            <Typography.Text type="secondary">{t('portal.nextDeadline')}</Typography.Text>
            <DueCell ticket={ticket} />
          </Space>
        )}
        <div style={{ marginTop: 4 }} data-testid="portal-latest-reply">
          <Typography.Text type="secondary">{t('portal.latestReply')}：</Typography.Text>
          {reply ? (
            <Typography.Text>
              {reply.body} <Typography.Text type="secondary">（{formatTime(reply.at)}）</Typography.Text>
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('portal.noReply')}</Typography.Text>
          )}
        </div>
      </div>
    </List.Item>
  );
}

/** 我的报修: the customer's own requests, newest first, with where each stands. */
export default function PortalPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState(1);
  const params = { sort: 'created' as const, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const query = useQuery({
    queryKey: [TICKETS, 'list', 'portal', params],
    queryFn: () => ticketsApi.list(params),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  useReportError(query.error);
  const items = query.data?.items ?? [];
  // The list has no replies; a customer has few requests, so the page's details are fetched as well.
  const details = useQueries({
    queries: items.map((i) => ({
      queryKey: [TICKETS, 'detail', i.id],
      queryFn: () => ticketsApi.get(i.id),
      staleTime: 60_000,
    })),
  });

  return (
    <>
      <Card
        title={t('portal.title')}
        extra={
          can('ticket.create') && (
            <Link to="/portal/report">
              <Button type="primary" icon={<PlusOutlined aria-hidden />} data-testid="portal-report">
                {t('portal.report')}
              </Button>
            </Link>
          )
        }
        styles={{ body: { paddingTop: 0 } }}
      >
        <List
          data-testid="portal-tickets"
          loading={query.isFetching && !query.data}
          dataSource={items}
          locale={{ emptyText: t('portal.empty') }}
          renderItem={(ticket, i) => <TicketItem key={ticket.id} ticket={ticket} detail={details[i]?.data} />}
          pagination={
            (query.data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: query.data?.total ?? 0,
                  onChange: setPage,
                  size: 'small',
                }
              : false
          }
        />
      </Card>
      <PortalReturns />
      <PortalComplaints />
    </>
  );
}
