import { Empty, Space, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WorkOrderEvent } from '../../api/field-types';
import { formatFen } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { causeLabel, woStatusLabel } from './common';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The one-line gist of an event's data (see the events the work-order services write). */
function gist(t: TFunction, e: WorkOrderEvent): string | null {
  const d = (e.data && typeof e.data === 'object' ? e.data : {}) as Data;
  const parts: string[] = [];
  if (str(d.from) && str(d.to))
    parts.push(
      t('events.change', { from: woStatusLabel(t, String(d.from)), to: woStatusLabel(t, String(d.to)) }),
    );
  if (e.kind === 'diagnosis' && str(d.cause))
    parts.push(
      str(d.from) && d.from !== d.cause
        ? t('events.change', { from: causeLabel(t, String(d.from)), to: causeLabel(t, String(d.cause)) })
        : causeLabel(t, String(d.cause)),
    );
  if (Array.isArray(d.engineers)) parts.push(d.engineers.filter((n) => typeof n === 'string').join('、'));
  if (d.redispatch === true) parts.push(t('events.redispatch'));
  if (str(d.plannedDate)) parts.push(String(d.plannedDate));
  if (str(d.part))
    parts.push(
      `${d.part} ${str(d.name) ?? ''} × ${d.quantity ?? 1}${str(d.location) ? ` · ${d.location}` : ''}`,
    );
  if (str(d.phase)) parts.push(t(`field.phases.${d.phase}`, { defaultValue: String(d.phase) }));
  for (const k of ['description', 'by', 'reason']) {
    const v = str(d[k]);
    if (v) parts.push(v);
  }
  if (str(d.via)) parts.push(t(`quote.via.${d.via}`, { defaultValue: String(d.via) }));
  if (typeof d.customerTotalFen === 'number') parts.push(formatFen(d.customerTotalFen));
  if (d.quoteRequired === true) parts.push(t('events.quoteRequired'));
  if (typeof d.companyCostFen === 'number') parts.push(formatFen(d.companyCostFen));
  if (str(d.note)) parts.push(String(d.note));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** 处理记录 of the order, oldest first. */
export function WorkOrderTimeline({ events }: { events: WorkOrderEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.noEvents')} />;
  return (
    <Timeline
      data-testid="wo-timeline"
      items={events.map((e, i) => {
        const text = gist(t, e);
        return {
          key: `${e.at}:${i}`,
          color: e.kind === 'urgent_approved' ? 'red' : 'blue',
          content: (
            <div data-testid="wo-event" data-kind={e.kind}>
              <Space size={6} wrap>
                <Typography.Text strong>{t(`events.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
                {text && <Typography.Text>{text}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at)} · {e.actorName ?? t('wo.system')}
                </Typography.Text>
              </Space>
            </div>
          ),
        };
      })}
    />
  );
}
