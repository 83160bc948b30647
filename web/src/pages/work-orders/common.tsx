import { App, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAUSES,
  type Coverage,
  WORK_ORDER_STATUSES,
  type WorkOrderEngineer,
  type WorkOrderStatus,
} from '../../api/field-types';
import { useApiErrorHandler } from '../../lib/errors';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { useCan } from '../../lib/session';

// Blue while waiting for someone in the office, warm while someone is out, green once done.
export const STATUS_COLOURS: Record<WorkOrderStatus, string> = {
  planned: 'default',
  dispatched: 'blue',
  travelling: 'geekblue',
  on_site: 'orange',
  done: 'lime',
  signed: 'green',
  closed: 'default',
  cancelled: 'default',
};

/** Colours as hex for borders on board cards (antd preset primaries). */
export const STATUS_HEX: Record<WorkOrderStatus, string> = {
  planned: '#8c8c8c',
  dispatched: '#1677ff',
  travelling: '#2f54eb',
  on_site: '#fa8c16',
  done: '#7cb305',
  signed: '#52c41a',
  closed: '#bfbfbf',
  cancelled: '#bfbfbf',
};

export const woStatusLabel = (t: TFunction, s: string) => t(`field.statuses.${s}`, { defaultValue: s });
export const stepLabel = (t: TFunction, s: string) => t(`field.stepActions.${s}`, { defaultValue: s });
export const causeLabel = (t: TFunction, s: string) => t(`field.causes.${s}`, { defaultValue: s });
export const woStatusOptions = (t: TFunction) =>
  WORK_ORDER_STATUSES.map((s) => ({ value: s, label: woStatusLabel(t, s) }));
export const causeOptions = (t: TFunction) => CAUSES.map((c) => ({ value: c, label: causeLabel(t, c) }));

export function WorkOrderStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLOURS[status as WorkOrderStatus] ?? 'default'}
      data-testid="wo-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {woStatusLabel(t, status)}
    </Tag>
  );
}

const COVERAGE_COLOURS: Record<Coverage, string> = { free: 'green', cost: 'orange', charged: 'red' };

export function CoverageTag({ coverage }: { coverage: Coverage | string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={COVERAGE_COLOURS[coverage as Coverage]}
      data-testid="charge-coverage"
      data-coverage={coverage}
    >
      {t(`field.coverages.${coverage}`, { defaultValue: coverage })}
    </Tag>
  );
}

export function PayerTag({ payer }: { payer: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={payer === 'customer' ? 'volcano' : 'cyan'} data-testid="charge-payer" data-payer={payer}>
      {t(`field.payers.${payer}`, { defaultValue: payer })}
    </Tag>
  );
}

const QUOTE_COLOURS: Record<string, string> = {
  none: 'default',
  sent: 'gold',
  accepted: 'green',
  rejected: 'red',
};

export function QuoteStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={QUOTE_COLOURS[status]} data-testid="quote-status" data-status={status}>
      {t(`field.quoteStatuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** "张三（负责）、李四": the lead first, as the forms print them. */
export function engineersText(t: TFunction, engineers: WorkOrderEngineer[]): string {
  return [...engineers]
    .sort((a, b) => Number(b.lead) - Number(a.lead))
    .map((e) => (e.lead && engineers.length > 1 ? `${e.name}（${t('field.lead')}）` : e.name))
    .join('、');
}

/** On-site work (diagnosis, items, parts, photos, signature): the engineer, or the office for them. */
export function useCanWork(): boolean {
  const can = useCan();
  return can('workorder.field') || can('workorder.write');
}

/** Blocked reasons in the reader's language. */
export function blockedText(lang: string, b: { message: string; messageEn: string }): string {
  return lang === 'en' && b.messageEn ? b.messageEn : b.message;
}

/**
 * One button's worth of work on an order: busy flag, success toast, error toast, and a reload of
 * the order after a version conflict so the user sees what changed.
 */
export function useWorkOrderAction(id: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useWorkOrderChanged();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, ok?: string): Promise<boolean> => {
    setBusy(true);
    try {
      changed(id, await fn());
      void message.success(ok ?? t('field.done'));
      return true;
    } catch (err) {
      handleError(err, { onConflict: () => changed(id) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run, changed: (next?: unknown) => changed(id, next) };
}
