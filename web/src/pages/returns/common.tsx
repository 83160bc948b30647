import { Space, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  MAJOR_COMPONENTS,
  PRODUCT_CATEGORIES,
  REMEDIES,
  RETURN_STATUSES,
  type ReturnSummary,
} from '../../api/return-types';
import { formatDuration } from '../../lib/format';
import { useNow } from '../../lib/return-lookups';
import { formatTime } from '../../lib/time';

// Labels, tags, the deadline countdown and the one-step hook shared by the return pages.

export const statusLabel = (t: TFunction, s: string) => t(`rma.statuses.${s}`, { defaultValue: s });
export const remedyLabel = (t: TFunction, s: string) => t(`rma.remedies.${s}`, { defaultValue: s });
export const categoryLabel = (t: TFunction, s: string) => t(`rma.categories.${s}`, { defaultValue: s });
export const componentLabel = (t: TFunction, s: string) => t(`rma.components.${s}`, { defaultValue: s });
export const deadlineLabel = (t: TFunction, s: string) => t(`rma.deadlines.${s}`, { defaultValue: s });
export const viaLabel = (t: TFunction, s: string) => t(`rma.via.${s}`, { defaultValue: s });

const options = (values: readonly string[], label: (t: TFunction, s: string) => string) => (t: TFunction) =>
  values.map((v) => ({ value: v, label: label(t, v) }));
export const statusOptions = options(RETURN_STATUSES, statusLabel);
export const remedyOptions = options(REMEDIES, remedyLabel);
export const categoryOptions = options(PRODUCT_CATEGORIES, categoryLabel);
export const componentOptions = options(MAJOR_COMPONENTS, componentLabel);

const STATUS_COLOURS: Record<string, string> = {
  submitted: 'blue',
  approved: 'geekblue',
  rejected: 'default',
  received: 'orange',
  passed: 'cyan',
  failed: 'volcano',
  refunded: 'green',
  exchanged: 'green',
  repaired: 'green',
  sent_back: 'default',
};

export function ReturnStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="return-status" data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

/** Which deadline the open step runs against (the key in `deadlines`). */
export const openDeadlineKey = (r: ReturnSummary): string | null => {
  switch (r.status) {
    case 'submitted':
      return 'review';
    case 'approved':
      return r.pickupDueAt ? 'pickup' : null;
    case 'received':
      return 'process';
    case 'passed':
      if (r.option === 'refund') return 'refund';
      if (r.option === 'exchange' || r.option === 'replacement')
        return r.exchangeDueAt ? 'exchange' : 'process';
      return 'process';
    case 'failed':
      return 'sendBack';
    default:
      return null;
  }
};

/** Colour as the ticket clocks do: blue with time to spare, orange in the last quarter or 2 h, red late. */
export function dueColour(dueAt: string, startedAt: string | null, now: number): string {
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'red';
  const span = startedAt ? Date.parse(dueAt) - Date.parse(startedAt) : 0;
  return left <= Math.max(2 * 3_600_000, span / 4) ? 'orange' : 'blue';
}

/** The open step's deadline: when it is, what it is for, time left or overdue, coloured. */
export function DueCountdown({ r }: { r: ReturnSummary }) {
  const { t } = useTranslation();
  const now = useNow();
  const key = openDeadlineKey(r);
  if (!r.nextDueAt) {
    if (r.status === 'approved')
      return (
        <span data-testid="return-due" data-state="waiting">
          {t('rma.waitingCustomer')}
        </span>
      );
    return null;
  }
  const minutes = (Date.parse(r.nextDueAt) - now) / 60_000;
  const colour = dueColour(r.nextDueAt, r.updatedAt, now);
  return (
    <Space vertical size={0} data-testid="return-due" data-colour={colour} data-deadline={key ?? ''}>
      <span>
        {key ? `${deadlineLabel(t, key)} ` : ''}
        {formatTime(r.nextDueAt)}
      </span>
      <Tag color={colour} style={{ marginInlineEnd: 0 }}>
        {minutes < 0
          ? t('rma.overdueBy', { time: formatDuration(t, minutes) })
          : t('rma.dueIn', { time: formatDuration(t, minutes) })}
      </Tag>
    </Space>
  );
}
