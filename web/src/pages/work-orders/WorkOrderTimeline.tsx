import { Empty, Space, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WorkOrderEvent } from '../../api/field-types';
import { formatFen } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { causeLabel, woStatusLabel } from './common';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The one-line gist of an event's data, from whatever of the usual fields it carries. */
function gist(t: TFunction, e: WorkOrderEvent): string | null {
  const d = (e.data && typeof e.data === 'object' ? e.data : {}) as Data;
  const parts: string[] = [];
  if (str(d.from) && str(d.to))
    parts.push(t('events.change', { from: woStatusLabel(t, String(d.from)), to: woStatusLabel(t, String(d.to)) }));
  else if (str(d.to)) parts.push(woStatusLabel(t, String(d.to)));
  const names = Array.isArray(d.engineerNames) ? d.engineerNames : Array.isArray(d.engineers) ? d.engineers : null;
  if (names)
    parts.push(
      names
        .map((n) => (typeof n === 'string' ? n : str((n as Data)?.name)))
        .filter(Boolean)
        .join('、'),
    );
  if (str(d.plannedDate)) parts.push(String(d.plannedDate));
  if (str(d.cause)) parts.push(causeLabel(t, String(d.cause)));
  if (str(d.coverage)) parts.push(t(`field.coverages.${d.coverage}`, { defaultValue: String(d.coverage) }));
  for (const k of ['description', 'partName', 'partCode', 'signedBy', 'decidedBy', 'reason', 'phase', 'fileName']) {
    const v = str(d[k]);
    if (v) parts.push(k === 'phase' ? t(`field.phases.${v}`, { defaultValue: v }) : v);
  }
  if (typeof d.accepted === 'boolean') parts.push(d.accepted ? t('quote.accept') : t('quote.reject'));
  if (typeof d.customerTotalFen === 'number') parts.push(formatFen(d.customerTotalFen));
  if (str(d.note)) parts.push(String(d.note));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** 处理记录 of the order, oldest first. */
export function WorkOrderTimeline({ events }: { events: WorkOrderEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.noEvents')} />;
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
