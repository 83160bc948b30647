import { CheckCircleFilled, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { workOrdersApi } from '../../api/field';
import type { NextStep, TransitionTarget, WorkOrder } from '../../api/field-types';
import { ticketsApi } from '../../api/tickets';
import { LoadFailed } from '../../components/LoadFailed';
import { useWorkOrder } from '../../lib/field-lookups';
import { useCan } from '../../lib/session';
import { TICKETS } from '../../lib/ticket-lookups';
import { formatTime } from '../../lib/time';
import { blockedText, stepLabel, useWorkOrderAction, WorkOrderStatusTag } from '../work-orders/common';
import { DiagnosisForm, diagnosisEditable } from '../work-orders/DiagnosisForm';
import { TravelKmField } from '../work-orders/EditWorkOrderModal';
import { ItemsPanel } from '../work-orders/ItemsPanel';
import { PartsPanel } from '../work-orders/PartsPanel';
import { PhotosPanel } from '../work-orders/PhotosPanel';
import { MobileShell } from './MobileShell';
import { MobileSign } from './MobileSign';

// The engineer's own steps, in the order they happen on the day.
const FIELD_STEPS = ['travelling', 'on_site', 'done'] as const;
const AT_WORK = ['on_site', 'done', 'signed', 'closed'];

/** The big buttons: 出发 → 到达签到 → 完工签退; a blocked step says why right under it. */
function StepButtons({ order }: { order: WorkOrder }) {
  const { t, i18n } = useTranslation();
  const { busy, run } = useWorkOrderAction(order.id);
  const steps = FIELD_STEPS.map((to) => order.nextSteps.find((s) => s.to === to)).filter(
    (s): s is NextStep => !!s,
  );
  if (steps.length === 0) {
    if (order.status === 'done')
      return <Alert type="info" showIcon title={t('mobile.waitingSign')} data-testid="m-waiting-sign" />;
    if (['signed', 'closed'].includes(order.status))
      return (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={t('mobile.allDone')}
          data-testid="m-all-done"
        />
      );
    return null;
  }
  return (
    <Flex vertical gap={8} data-testid="m-steps">
      {steps.map((s, i) => (
        <div key={s.to}>
          <Button
            type={i === 0 ? 'primary' : 'default'}
            size="large"
            block
            disabled={busy || !!s.blocked}
            data-testid={`m-step-${s.to}`}
            style={{ height: i === 0 ? 64 : 52, fontSize: i === 0 ? 20 : 17, fontWeight: 600 }}
            onClick={() =>
              void run(
                () =>
                  workOrdersApi.transition(order.id, {
                    version: order.version,
                    to: s.to as TransitionTarget,
                    at: new Date().toISOString(),
                  }),
                stepLabel(t, s.to),
              )
            }
          >
            {stepLabel(t, s.to)}
          </Button>
          {s.blocked && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 6 }}
              data-testid={`m-blocked-${s.to}`}
              title={blockedText(i18n.language, s.blocked)}
            />
          )}
        </div>
      ))}
    </Flex>
  );
}

function Facts({ order: o }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const can = useCan();
  // The contact person and phone live on the ticket the order was opened from.
  const ticket = useQuery({
    queryKey: [TICKETS, 'detail', o.ticketId],
    queryFn: () => ticketsApi.get(o.ticketId),
    enabled: can('ticket.read'),
    staleTime: 5 * 60_000,
  }).data;
  const phone = ticket?.contactPhone;
  const address = o.address ?? ticket?.address;
  return (
    <Card style={{ marginBottom: 12 }} data-testid="m-facts">
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="m-customer">
          {o.customerName}
        </Typography.Text>
        <WorkOrderStatusTag status={o.status} />
      </Flex>
      <Space vertical size={8} style={{ width: '100%', fontSize: 16 }}>
        {address && (
          <span data-testid="m-address">
            <EnvironmentOutlined aria-hidden /> {address}
          </span>
        )}
        {phone && (
          <Button
            href={`tel:${phone.replace(/[^\d+]/g, '')}`}
            icon={<PhoneOutlined aria-hidden />}
            size="large"
            block
            data-testid="m-call"
          >
            {t('mobile.call')} {ticket?.contactName ?? ''} {phone}
          </Button>
        )}
        <div>
          <Typography.Text type="secondary">{t('mobile.task')}：</Typography.Text>
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="m-task">
            {o.task}
          </span>
        </div>
        {(o.assetSerialNo || o.modelName) && (
          <Typography.Text type="secondary">
            {[o.modelName, o.assetSerialNo].filter(Boolean).join(' · ')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {o.number}
          {o.plannedDate && ` · ${t('mobile.planned')} ${o.plannedDate}`}
          {o.deadlineAt && ` · ${t('mobile.deadline')} ${formatTime(o.deadlineAt)}`}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** /m/work-orders/:id: one job on the phone, top to bottom in the order the work happens. */
export default function MobileWorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useWorkOrder(id);
  const o = query.data;
  const section = (title: string, testId: string, body: ReactNode) => (
    <Card title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      {body}
    </Card>
  );

  return (
    <MobileShell title={o ? o.number : t('mobile.title')} back="/m">
      {!o ? (
        <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Facts order={o} />
          <div style={{ marginBottom: 12 }}>
            <StepButtons order={o} />
          </div>
          {AT_WORK.includes(o.status) && (
            <>
              {section(t('mobile.diagnosis'), 'm-diagnosis', <DiagnosisForm order={o} large />)}
              {section(t('mobile.items'), 'm-items', <ItemsPanel order={o} large />)}
              {section(t('mobile.parts'), 'm-parts', <PartsPanel order={o} large />)}
              {diagnosisEditable(o) && section(t('mobile.travel'), 'm-travel', <TravelKmField order={o} />)}
              {section(t('mobile.photos'), 'm-photos', <PhotosPanel order={o} large />)}
            </>
          )}
          {['done', 'signed', 'closed'].includes(o.status) && <MobileSign order={o} />}
        </>
      )}
    </MobileShell>
  );
}
