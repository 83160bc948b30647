import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnSummary } from '../../api/return-types';
import { returnsApi } from '../../api/returns';
import { useReportError } from '../../lib/errors';
import { RETURNS, useReturn } from '../../lib/return-lookups';
import { useCan, useMe } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { DueCountdown, ReturnStatusTag, remedyLabel } from '../returns/common';
import { RegisterReturnModal } from '../returns/RegisterReturnModal';
import { DeadlinesPanel, ReturnTimeline } from '../returns/ReturnPanels';

function ReturnDetail({ id }: { id: string }) {
  const r = useReturn(id).data;
  if (!r) return null;
  return (
    <div style={{ marginTop: 8 }}>
      <DeadlinesPanel r={r} />
      <ReturnTimeline r={r} />
    </div>
  );
}

/** One request as its customer follows it: where it stands, what is due next, and (opened) its history. */
function ReturnItem({ r }: { r: ReturnSummary }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <List.Item data-testid="portal-return" data-number={r.number} data-status={r.status}>
      <div style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Typography.Text strong>{r.number}</Typography.Text>
          <ReturnStatusTag status={r.status} />
          <span>{remedyLabel(t, r.option ?? r.requested)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(r.submittedAt)}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            onClick={() => setOpen((o) => !o)}
            data-testid="portal-return-toggle"
          >
            {open ? t('rma.portal.hide') : t('rma.portal.show')}
          </Button>
        </Space>
        <div>
          <DueCountdown r={r} />
        </div>
        {open && <ReturnDetail id={r.id} />}
      </div>
    </List.Item>
  );
}

/** 我的退换货: the customer asks for a refund, exchange or repair and follows each step's deadline. */
export function PortalReturns() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [filing, setFiling] = useState(false);
  const query = useQuery({
    queryKey: [RETURNS, 'list', 'portal'],
    queryFn: () => returnsApi.list({ limit: 20 }),
    enabled: can('return.read'),
    refetchInterval: 60_000,
  });
  useReportError(query.error);
  if (!can('return.read')) return null;
  return (
    <Card
      title={t('rma.portal.title')}
      style={{ marginTop: 16 }}
      extra={
        can('return.create') &&
        me.customerId && (
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setFiling(true)}
            data-testid="portal-return-file"
          >
            {t('rma.portal.file')}
          </Button>
        )
      }
      styles={{ body: { paddingTop: 0 } }}
    >
      <List
        data-testid="portal-returns"
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        locale={{ emptyText: t('rma.portal.empty') }}
        renderItem={(r) => <ReturnItem key={r.id} r={r} />}
      />
      <RegisterReturnModal portal open={filing} onClose={() => setFiling(false)} />
    </Card>
  );
}
