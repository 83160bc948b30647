import { App, Space, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAUSE_CLASSES,
  COMPLAINT_STATUSES,
  type ComplaintSummary,
  SEVERITIES,
  SUGGESTION_STATUSES,
  SUGGESTION_TARGETS,
} from '../../api/complaint-types';
import { useComplaintChanged } from '../../lib/complaint-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDuration } from '../../lib/format';
import { formatTime } from '../../lib/time';

// Labels, tags and the one-action hook shared by the complaint pages.

export const statusLabel = (t: TFunction, s: string) => t(`complaint.statuses.${s}`, { defaultValue: s });
export const severityLabel = (t: TFunction, s: string) => t(`complaint.severities.${s}`, { defaultValue: s });
export const causeLabel = (t: TFunction, s: string) => t(`complaint.causes.${s}`, { defaultValue: s });
export const stepLabel = (t: TFunction, s: string) => t(`complaint.steps.${s}`, { defaultValue: s });
export const targetLabel = (t: TFunction, s: string) => t(`suggestion.targets.${s}`, { defaultValue: s });
export const suggestionStatusLabel = (t: TFunction, s: string) =>
  t(`suggestion.statuses.${s}`, { defaultValue: s });

const options = (values: readonly string[], label: (t: TFunction, s: string) => string) => (t: TFunction) =>
  values.map((v) => ({ value: v, label: label(t, v) }));
export const statusOptions = options(COMPLAINT_STATUSES, statusLabel);
export const severityOptions = options(SEVERITIES, severityLabel);
export const causeOptions = options(CAUSE_CLASSES, causeLabel);
export const targetOptions = options(SUGGESTION_TARGETS, targetLabel);
export const suggestionStatusOptions = options(SUGGESTION_STATUSES, suggestionStatusLabel);

const STATUS_COLOURS: Record<string, string> = {
  received: 'blue',
  investigating: 'geekblue',
  action: 'orange',
  feedback_sent: 'cyan',
  rechecked: 'green',
  closed: 'default',
  cancelled: 'default',
};
const SEVERITY_COLOURS: Record<string, string> = {
  low: 'default',
  medium: 'gold',
  high: 'orange',
  critical: 'red',
};

export function ComplaintStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="complaint-status" data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOURS[severity]} data-testid="complaint-severity" data-severity={severity}>
      {severityLabel(t, severity)}
    </Tag>
  );
}

/**
 * The 72-hour feedback deadline at a glance: time left (or overdue) while the feedback is owed, then
 * whether it came in time.
 */
export function FeedbackDue({ c }: { c: ComplaintSummary }) {
  const { t } = useTranslation();
  if (!c.feedbackDueAt) return null;
  if (c.feedbackAt)
    return (
      <Tag color={c.feedbackOnTime === false ? 'red' : 'green'} data-testid="complaint-feedback-result">
        {c.feedbackOnTime === false ? t('complaint.late') : t('complaint.onTime')}
      </Tag>
    );
  if (c.status === 'cancelled') return <span>{formatTime(c.feedbackDueAt)}</span>;
  const minutes = (Date.parse(c.feedbackDueAt) - Date.now()) / 60_000;
  const colour = c.overdue || minutes < 0 ? 'red' : minutes < 12 * 60 ? 'orange' : 'blue';
  return (
    <Space vertical size={0} data-testid="complaint-due" data-overdue={c.overdue ? 'true' : 'false'}>
      <span>{formatTime(c.feedbackDueAt)}</span>
      <Tag color={colour} style={{ marginInlineEnd: 0 }}>
        {minutes < 0
          ? t('complaint.overdueBy', { time: formatDuration(t, minutes) })
          : t('complaint.dueIn', { time: formatDuration(t, minutes) })}
      </Tag>
    </Space>
  );
}

/** One action on a complaint: busy flag, success toast, error toast, reload after a conflict. */
export function useComplaintAction(id: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useComplaintChanged();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      changed(id, await fn());
      void message.success(t('complaint.done'));
      return true;
    } catch (err) {
      handleError(err, { onConflict: () => changed(id) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
