import { LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { archiveApi } from '../../api/archive';
import type { Asset, Customer } from '../../api/catalog-types';
import { LoadFailed } from '../../components/LoadFailed';
import { formatHours } from '../../lib/format';
import { useMe } from '../../lib/session';
import { formatDate, formatTime } from '../../lib/time';
import {
  ARCHIVE_LOG,
  ARCHIVE_REQUESTS,
  BasisTag,
  CUSTOMER_ARCHIVE,
  needsAccessRequest,
  RequestStatusTag,
} from '../archive/common';
import { BusinessTag, GradeTag, kindLabel, StatusTag } from './common';
import { RequestAccessModal } from './RequestAccessModal';

/**
 * 完整档案 (GK-03): the customer's history card with machines, service records and contracts.
 * Rendered only when its tab is opened, because every successful view is written to the access log.
 */
export function FullArchive({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [CUSTOMER_ARCHIVE, customer.id],
    queryFn: async () => {
      const archive = await archiveApi.view(customer.id);
      // The view itself was just logged; an open access-log page should show it.
      void queryClient.invalidateQueries({ queryKey: [ARCHIVE_LOG] });
      return archive;
    },
    staleTime: 5 * 60_000,
  });
  if (query.error && needsAccessRequest(query.error)) {
    return <AccessRequired customer={customer} onRetry={() => void query.refetch()} />;
  }
  const a = query.data;
  if (!a) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  const c = a.customer;

  return (
    <Card data-testid="full-archive" data-basis={a.access.basis}>
      <Alert
        type={a.access.basis === 'request' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            {t('archive.basis')}
            <BasisTag basis={a.access.basis} />
          </Space>
        }
        description={t('archive.logged')}
        action={
          <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()}>
            {t('archive.reload')}
          </Button>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'code', label: t('customers.code'), children: c.code },
          { key: 'name', label: t('customers.name'), children: c.name },
          { key: 'kind', label: t('customers.kind'), children: kindLabel(t, c.kind) },
          { key: 'grade', label: t('customers.grade'), children: <GradeTag grade={c.grade} /> },
          { key: 'status', label: t('customers.status'), children: <StatusTag status={c.status} /> },
          {
            key: 'business',
            label: t('business.label'),
            children: <BusinessTag status={c.businessStatus} />,
          },
          { key: 'region', label: t('customers.region'), children: c.region },
          { key: 'phone', label: t('customers.phone'), children: c.phone },
          { key: 'coop', label: t('customers.completedCooperations'), children: c.completedCooperations },
          { key: 'address', label: t('customers.address'), children: c.address, span: 3 },
        ]}
      />
      <Table<Asset>
        style={{ marginTop: 16 }}
        data-testid="archive-assets"
        title={() => t('archive.assets')}
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={a.assets}
        locale={{ emptyText: t('customers.noAssets') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('assets.serialNo'),
            dataIndex: 'serialNo',
            render: (s: string, x) => <Link to={`/assets/${x.id}`}>{s}</Link>,
          },
          { title: t('assets.model'), key: 'model', render: (_, x) => `${x.modelCode} ${x.modelName}` },
          {
            title: t('assets.deliveredAt'),
            dataIndex: 'deliveredAt',
            render: (v: string | null) => formatDate(v),
          },
          { title: t('assets.plan'), dataIndex: 'plan' },
          {
            title: t('assets.latestHours'),
            dataIndex: 'latestHours',
            render: (h: number | null) => formatHours(h),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('archive.serviceRecords')}
      </Typography.Title>
      <Empty data-testid="archive-service-records" description={t('archive.noServiceRecords')} />
      <Typography.Title level={5}>{t('archive.contracts')}</Typography.Title>
      <Empty data-testid="archive-contracts" description={t('archive.noContracts')} />
    </Card>
  );
}

/** The archive belongs to another department: explain GK-03 and offer the request form. */
function AccessRequired({ customer, onRetry }: { customer: Customer; onRetry: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const mine = useQuery({
    queryKey: [ARCHIVE_REQUESTS, 'list', { mine: true }],
    queryFn: () => archiveApi.requests({ mine: true }),
  });
  // The newest of my own requests for this customer says whether asking again makes sense.
  const latest = (mine.data?.items ?? [])
    .filter((r) => r.customerId === customer.id && r.applicantId === me.id)
    .sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  const pending = latest?.status === 'pending';

  return (
    <Card data-testid="archive-access-required">
      <Result
        icon={<LockOutlined aria-hidden />}
        title={t('archive.requiredTitle')}
        subTitle={t('archive.requiredText')}
        extra={
          <Space wrap>
            <Button
              type="primary"
              data-testid="request-archive-access"
              disabled={pending || mine.isLoading}
              onClick={() => setOpen(true)}
            >
              {t('archive.request')}
            </Button>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={onRetry}>
              {t('archive.reload')}
            </Button>
            <Link to="/archive-requests">{t('archive.myRequests')}</Link>
          </Space>
        }
      >
        {latest && (
          <Space data-testid="archive-request-status" data-status={latest.status}>
            <RequestStatusTag status={latest.status} />
            {latest.status === 'pending' && t('archive.pending', { at: formatTime(latest.createdAt) })}
            {latest.status === 'rejected' && t('archive.rejected')}
            {latest.status === 'approved' && t('archive.expired', { at: formatTime(latest.expiresAt) })}
          </Space>
        )}
      </Result>
      <RequestAccessModal customer={customer} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
