import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ArchiveRequest, archiveApi } from '../../api/archive';
import type { Me } from '../../api/types';
import { useApiErrorHandler } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { ARCHIVE_REQUESTS, RequestStatusTag, useCustomerNames, useUserName } from './common';
import { DecideModal, type Deciding } from './DecideModal';

type View = 'mine' | 'toDecide' | 'all';
const PARAMS: Record<View, { mine?: boolean; toDecide?: boolean }> = {
  mine: { mine: true },
  toDecide: { toDecide: true },
  all: {},
};
// The two sign-offs of a request (the document gives a decision's role as a plain string).
const ROLES = ['applicant_head', 'owner_head'] as const;
type SignerRole = (typeof ROLES)[number];
const headOf = (r: ArchiveRequest, role: SignerRole) =>
  role === 'applicant_head' ? r.applicantHeadId : r.ownerHeadId;

/**
 * The roles the viewer may still sign for. Mirrors the server: a department without a head is
 * signed for by administrators, so no request gets stuck.
 */
function openRoles(r: ArchiveRequest, me: Me): SignerRole[] {
  if (r.status !== 'pending') return [];
  return ROLES.filter((role) => {
    const head = headOf(r, role);
    const holds = head === me.id || (head === null && me.roleCode === 'admin');
    return holds && !r.decisions.some((d) => d.role === role);
  });
}

function Decisions({ r, userName }: { r: ArchiveRequest; userName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const waiting =
    r.status === 'pending' ? ROLES.filter((role) => !r.decisions.some((d) => d.role === role)) : [];
  return (
    <Space vertical size={2}>
      {r.decisions.map((d) => (
        <span key={d.role} data-testid="request-decision" data-role={d.role} data-decision={d.decision}>
          <Typography.Text type="secondary">{t(`archiveRequests.roles.${d.role}`)}：</Typography.Text>
          {userName(d.userId)}{' '}
          <Tag color={d.decision === 'approve' ? 'green' : 'red'}>
            {t(`archiveRequests.decisionValues.${d.decision}`)}
          </Tag>
          <Typography.Text type="secondary">{formatTime(d.at)}</Typography.Text>
          {d.note && <div style={{ paddingLeft: 12 }}>“{d.note}”</div>}
        </span>
      ))}
      {r.decisions.length === 0 && r.status === 'pending' && (
        <Typography.Text type="secondary">{t('archiveRequests.noDecisions')}</Typography.Text>
      )}
      {waiting.length > 0 && (
        <Tooltip
          title={waiting.some((role) => headOf(r, role) === null) ? t('archiveRequests.adminFallback') : ''}
        >
          <Typography.Text type="warning">
            {t('archiveRequests.waitingFor', {
              roles: waiting.map((role) => t(`archiveRequests.roles.${role}`)).join('、'),
            })}
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}

/** 档案查询申请: my own requests, the ones waiting for my signature, and (admins) every request. */
export default function ArchiveRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const handleError = useApiErrorHandler();
  const [view, setView] = useState<View>('mine');
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  // The server's toDecide list matches named heads only; administrators also sign for departments
  // without a head, so for them "waiting for me" is worked out from the full list.
  const adminSigns = me.roleCode === 'admin';
  const params = view === 'toDecide' && adminSigns ? PARAMS.all : PARAMS[view];
  const query = useQuery({
    queryKey: [ARCHIVE_REQUESTS, 'list', params],
    queryFn: () => archiveApi.requests(params),
  });
  // For the count on the tab, whichever tab is open.
  const waiting = useQuery({
    queryKey: [ARCHIVE_REQUESTS, 'list', adminSigns ? PARAMS.all : PARAMS.toDecide],
    queryFn: () => archiveApi.requests(adminSigns ? PARAMS.all : PARAMS.toDecide),
  });
  useEffect(() => {
    if (query.error) handleError(query.error);
  }, [query.error, handleError]);

  const mineToSign = (list: ArchiveRequest[] | undefined) =>
    (list ?? []).filter((r) => openRoles(r, me).length > 0);
  const items = view === 'toDecide' ? mineToSign(query.data?.items) : (query.data?.items ?? []);
  const customerName = useCustomerNames(items.map((r) => r.customerId));
  const userName = useUserName();

  const columns: ColumnsType<ArchiveRequest> = [
    {
      title: t('archiveRequests.customer'),
      key: 'customer',
      render: (_, r) => (
        <Link to={`/customers/${r.customerId}`} data-testid="request-customer">
          {customerName(r.customerId)}
        </Link>
      ),
    },
    {
      title: t('archiveRequests.applicant'),
      dataIndex: 'applicantId',
      key: 'applicant',
      render: (id: string) => userName(id),
    },
    {
      title: t('archiveRequests.reason'),
      dataIndex: 'reason',
      key: 'reason',
      render: (v: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ maxWidth: 260, margin: 0 }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('archiveRequests.status'),
      dataIndex: 'status',
      key: 'status',
      render: (_, r) => <RequestStatusTag status={r.status} />,
    },
    {
      title: t('archiveRequests.decisions'),
      key: 'decisions',
      render: (_, r) => <Decisions r={r} userName={userName} />,
    },
    {
      title: t('archiveRequests.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('archiveRequests.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) =>
        openRoles(r, me).length > 0 && (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              data-testid="approve-request"
              onClick={() =>
                setDeciding({ request: r, decision: 'approve', customerName: customerName(r.customerId) })
              }
            >
              {t('archiveRequests.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              data-testid="reject-request"
              onClick={() =>
                setDeciding({ request: r, decision: 'reject', customerName: customerName(r.customerId) })
              }
            >
              {t('archiveRequests.reject')}
            </Button>
          </Space>
        ),
    },
  ];

  const tab = (key: View, testId: string, label: string) => ({
    key,
    label: <span data-testid={testId}>{label}</span>,
  });
  const toDecideCount = mineToSign(waiting.data?.items).length;

  return (
    <Card title={t('archiveRequests.title')}>
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as View)}
        items={[
          tab('mine', 'tab-mine', t('archiveRequests.mine')),
          {
            key: 'toDecide',
            label: (
              <Badge count={toDecideCount} size="small" offset={[8, -2]}>
                <span data-testid="tab-to-decide">{t('archiveRequests.toDecide')}</span>
              </Badge>
            ),
          },
          // The server lists every request only for administrators.
          ...(adminSigns ? [tab('all', 'tab-all', t('archiveRequests.all'))] : []),
        ]}
      />
      <Table<ArchiveRequest>
        rowKey="id"
        size="middle"
        data-testid="requests-table"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        locale={{ emptyText: t('archiveRequests.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-request-id': r.id, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
      />
      <DecideModal deciding={deciding} onChange={setDeciding} />
    </Card>
  );
}
