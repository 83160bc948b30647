import { Alert, Button, Grid, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_PATH,
  type Complaint,
  type ComplaintStatus,
  type ComplaintStep,
} from '../../api/complaint-types';
import { complaintsApi } from '../../api/complaints';
import { FormModal } from '../../components/FormModal';
import { useComplaintChanged } from '../../lib/complaint-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { statusLabel, stepLabel } from './common';
import { StepFields, type StepValues, stepBody, stepInitialValues } from './StepForms';

/** When the complaint reached each status, shown under the step. */
const stepTime = (c: Complaint, s: ComplaintStatus): string | null => {
  const at: Partial<Record<ComplaintStatus, string | null>> = {
    received: c.receivedAt,
    feedback_sent: c.feedbackAt,
    rechecked: c.recheckAt,
    closed: c.closedAt,
  };
  return at[s] ?? null;
};

export function ComplaintSteps({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  if (c.status === 'cancelled')
    return (
      <Alert type="info" showIcon title={statusLabel(t, 'cancelled')} data-testid="complaint-cancelled" />
    );
  const current = Math.max(0, COMPLAINT_PATH.indexOf(c.status));
  return (
    <Steps
      size="small"
      orientation={narrow ? 'vertical' : 'horizontal'}
      current={current}
      status={c.status === 'closed' ? 'finish' : 'process'}
      data-testid="complaint-steps"
      items={COMPLAINT_PATH.map((s, i) => {
        const at = i <= current ? stepTime(c, s) : null;
        return { title: statusLabel(t, s), content: at ? formatTime(at) : undefined };
      })}
    />
  );
}

/** The next steps the server offers, each with its form; a repeated step reads as re-route / revise. */
export function ComplaintActions({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const can = useCan();
  const changed = useComplaintChanged();
  const [open, setOpen] = useState<ComplaintStep | null>(null);
  if (!can('complaint.handle') || c.nextSteps.length === 0) return null;
  // `to` is a plain string in the document (the server's next status).
  const label = (step: ComplaintStep, to: string) =>
    to === c.status
      ? t(step === 'route' ? 'complaint.reroute' : 'complaint.reviseAction')
      : stepLabel(t, step);

  return (
    <>
      <Space wrap data-testid="complaint-actions">
        {c.nextSteps.map((n) => {
          const repeat = n.to === c.status;
          return (
            <Button
              key={n.step}
              type={n.step === 'cancel' || repeat ? 'default' : 'primary'}
              danger={n.step === 'cancel'}
              data-testid={`complaint-step-${n.to}`}
              onClick={() => setOpen(n.step)}
            >
              {label(n.step, n.to)}
            </Button>
          );
        })}
      </Space>
      {open && (
        <FormModal<StepValues>
          open
          title={label(open, c.nextSteps.find((n) => n.step === open)?.to ?? c.status)}
          width={640}
          initialValues={stepInitialValues(open, c)}
          resetKey={`${c.id}:${c.version}`}
          onSubmit={async (values) => {
            const next = await complaintsApi.step(c.id, open, { version: c.version, ...stepBody(values) });
            changed(c.id, next);
            setOpen(null);
          }}
          onCancel={() => setOpen(null)}
          onConflict={() => changed(c.id)}
        >
          <StepFields step={open} complaint={c} />
        </FormModal>
      )}
    </>
  );
}
