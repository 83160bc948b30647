import { Alert, Button, Form, Grid, Input, Popconfirm, Space, Steps, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { NextStep, TransitionTarget, WorkOrder, WorkOrderStatus } from '../../api/field-types';
import { FormModal } from '../../components/FormModal';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { blockedText, stepLabel, useWorkOrderAction, woStatusLabel } from './common';
import { DispatchModal } from './DispatchModal';
import { SignModal } from './SignModal';

const STEPS: WorkOrderStatus[] = [
  'planned',
  'dispatched',
  'travelling',
  'on_site',
  'done',
  'signed',
  'closed',
];

/** When the order reached each step, shown under the step. */
const stepTime = (o: WorkOrder, s: WorkOrderStatus): string | null => {
  const at: Partial<Record<WorkOrderStatus, string | null>> = {
    planned: o.createdAt,
    dispatched: o.dispatchedAt,
    travelling: o.travelStartedAt,
    on_site: o.checkInAt,
    done: o.checkOutAt ?? o.doneAt,
    signed: o.signedAt,
    closed: o.closedAt,
  };
  return at[s] ?? null;
};

export function WorkOrderSteps({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  if (order.status === 'cancelled')
    return <Alert type="info" showIcon title={woStatusLabel(t, 'cancelled')} data-testid="wo-cancelled" />;
  const current = Math.max(0, STEPS.indexOf(order.status));
  return (
    <Steps
      size="small"
      orientation={narrow ? 'vertical' : 'horizontal'}
      current={current}
      status={order.status === 'closed' ? 'finish' : 'process'}
      data-testid="wo-steps"
      items={STEPS.map((s, i) => {
        const at = i <= current ? stepTime(order, s) : null;
        return { title: woStatusLabel(t, s), content: at ? formatTime(at) : undefined };
      })}
    />
  );
}

type Modal = 'dispatch' | 'cancel' | 'sign' | null;

// Field steps are the engineer's; the office moves the rest (the server checks who may do what).
const FIELD_STEPS = new Set(['travelling', 'on_site', 'done']);

/**
 * The order's next steps as the server lists them: a step that cannot be taken yet stays visible
 * but disabled, with the reason as its tooltip, so nobody wonders why the button is missing.
 */
export function WorkOrderActions({ order }: { order: WorkOrder }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const changed = useWorkOrderChanged();
  const { busy, run } = useWorkOrderAction(order.id);
  const [modal, setModal] = useState<Modal>(null);
  const write = can('workorder.write');
  const field = can('workorder.field') || write;

  const allowed = (to: string) => (FIELD_STEPS.has(to) ? field : to === 'signed' ? field : write);
  const transition = (to: TransitionTarget) =>
    run(() => workOrdersApi.transition(order.id, { version: order.version, to }), stepLabel(t, to));

  const button = (step: NextStep) => {
    const to = step.to;
    const primary = to !== 'cancelled' && to !== 'planned';
    const onClick = () => {
      if (to === 'dispatched') setModal('dispatch');
      else if (to === 'cancelled') setModal('cancel');
      else if (to === 'signed') setModal('sign');
      else if (to !== 'planned') void transition(to as TransitionTarget);
    };
    const btn = (
      <Button
        type={primary ? 'primary' : 'default'}
        danger={to === 'cancelled'}
        disabled={busy || !!step.blocked}
        data-testid={`wo-step-${to}`}
        data-blocked={step.blocked?.code}
        onClick={to === 'planned' ? undefined : onClick}
      >
        {stepLabel(t, to)}
      </Button>
    );
    if (step.blocked)
      return (
        <Tooltip key={to} title={blockedText(i18n.language, step.blocked)}>
          {/* A disabled button swallows the hover; the span carries it. */}
          <span data-testid={`wo-blocked-${to}`}>{btn}</span>
        </Tooltip>
      );
    if (to === 'planned')
      return (
        <Popconfirm key={to} title={`${stepLabel(t, to)}？`} onConfirm={() => void transition('planned')}>
          {btn}
        </Popconfirm>
      );
    return <span key={to}>{btn}</span>;
  };

  const steps = order.nextSteps.filter((s) => allowed(s.to));
  // Once dispatched and before the engineer sets off, the desk may swap engineers or move the day.
  const redispatch = write && order.status === 'dispatched';

  return (
    <>
      <Space wrap data-testid="wo-actions">
        {steps.map(button)}
        {redispatch && (
          <Button onClick={() => setModal('dispatch')} data-testid="wo-redispatch" disabled={busy}>
            {t('wo.redispatch')}
          </Button>
        )}
      </Space>
      <DispatchModal order={order} open={modal === 'dispatch'} onClose={() => setModal(null)} />
      <SignModal order={order} open={modal === 'sign'} onClose={() => setModal(null)} />
      <FormModal<{ note?: string }>
        open={modal === 'cancel'}
        title={t('wo.cancelTitle')}
        onSubmit={async ({ note }) => {
          const next = await workOrdersApi.transition(order.id, {
            version: order.version,
            to: 'cancelled',
            note: note?.trim() || undefined,
          });
          changed(order.id, next);
          setModal(null);
        }}
        onCancel={() => setModal(null)}
        onConflict={() => changed(order.id)}
      >
        <Form.Item name="note" label={t('wo.note')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="wo-cancel-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}
