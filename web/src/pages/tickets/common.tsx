import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  OPEN_STATUSES,
  type Reason,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketSummary,
} from '../../api/ticket-types';
import { formatDuration } from '../../lib/format';
import { formatTime } from '../../lib/time';

// New and waiting tickets need someone to act; resolved ones only a confirmation.
const STATUS_COLOURS: Record<string, string> = {
  new: 'blue',
  arranged: 'cyan',
  in_progress: 'geekblue',
  waiting_customer: 'gold',
  resolved: 'green',
  closed: 'default',
  cancelled: 'default',
};

export const statusLabel = (t: TFunction, s: string) => t(`tickets.statuses.${s}`, { defaultValue: s });
export const typeLabel = (t: TFunction, s: string) => t(`tickets.types.${s}`, { defaultValue: s });
export const channelLabel = (t: TFunction, s: string) => t(`tickets.channels.${s}`, { defaultValue: s });
export const metricLabel = (t: TFunction, s: string) => t(`clock.metrics.${s}`, { defaultValue: s });

export const statusOptions = (t: TFunction) =>
  TICKET_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }));
export const typeOptions = (t: TFunction) => TICKET_TYPES.map((s) => ({ value: s, label: typeLabel(t, s) }));
export const channelOptions = (t: TFunction) =>
  CHANNELS.map((s) => ({ value: s, label: channelLabel(t, s) }));

export function TicketStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="ticket-status" data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export function UrgentTag({ urgent }: { urgent: boolean }) {
  const { t } = useTranslation();
  return urgent ? (
    <Tag color="red" data-testid="urgent-tag">
      {t('tickets.urgent')}
    </Tag>
  ) : null;
}

/** Still taking replies and files: everything but closed and cancelled (resolved may be reopened). */
export const isOpen = (ticket: Pick<TicketSummary, 'status'>) =>
  !['closed', 'cancelled'].includes(ticket.status);

export type DueLevel = 'none' | 'done' | 'paused' | 'overdue' | 'risk' | 'ok';

const HOUR_MS = 3_600_000;
const RISK_SHARE = 0.25;

/**
 * How urgent the next deadline is. The list carries due instants, not business minutes, so the share
 * left is measured on the wall clock from the clock's start: close enough to colour a queue.
 */
export function dueLevel(ticket: TicketSummary, now: number): DueLevel {
  if (!OPEN_STATUSES.some((s) => s === ticket.status) || ticket.slaState === 'done') return 'done';
  if (ticket.slaState === 'paused') return 'paused';
  if (!ticket.nextDueAt) return 'none';
  const due = Date.parse(ticket.nextDueAt);
  const left = due - now;
  if (left < 0) return 'overdue';
  const clock = ticket.sla.find((c) => c.dueAt === ticket.nextDueAt);
  const span = clock ? due - Date.parse(clock.startedAt) : 0;
  return left < HOUR_MS || (span > 0 && left / span < RISK_SHARE) ? 'risk' : 'ok';
}

const LEVEL_COLOURS: Record<DueLevel, string> = {
  none: 'default',
  done: 'default',
  paused: 'default',
  overdue: 'red',
  risk: 'orange',
  ok: 'green',
};

/** The queue's deadline cell: due time in Beijing time and a coloured tag with the time left. */
export function DueCell({ ticket }: { ticket: TicketSummary }) {
  const { t } = useTranslation();
  const now = Date.now();
  const level = dueLevel(ticket, now);
  const minutes = ticket.nextDueAt ? (Date.parse(ticket.nextDueAt) - now) / 60_000 : 0;
  const text =
    level === 'overdue'
      ? t('tickets.dueCell.overdue', { d: formatDuration(t, minutes) })
      : level === 'risk' || level === 'ok'
        ? t('tickets.dueCell.left', { d: formatDuration(t, minutes) })
        : t(`tickets.dueCell.${level}`);
  return (
    <Space vertical size={0} data-testid="due-cell" data-level={level}>
      {ticket.nextDueAt && level !== 'done' && <span>{formatTime(ticket.nextDueAt)}</span>}
      <Tag color={LEVEL_COLOURS[level]} style={{ marginInlineEnd: 0 }}>
        {text}
      </Tag>
    </Space>
  );
}

/** Reasons in the reader's language; clauses first so they can be quoted to the customer. */
export function ReasonList({ reasons, testId }: { reasons: Reason[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <ol data-testid={testId} style={{ margin: '4px 0 0', paddingLeft: 20 }}>
      {reasons.map((r, i) => (
        <li key={`${r.code}:${i}`} data-testid="reason" data-code={r.code} style={{ padding: '2px 0' }}>
          {/* A clock's reasons may carry more fields than the document names (clause among them). */}
          {typeof r.clause === 'string' && r.clause && (
            <Tag color="blue">{t('entitlement.clause', { ref: r.clause })}</Tag>
          )}
          <Typography.Text>{en && r.messageEn ? r.messageEn : r.message}</Typography.Text>
        </li>
      ))}
    </ol>
  );
}
