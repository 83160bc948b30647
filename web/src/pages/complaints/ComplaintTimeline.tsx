import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../api/ticket-types';
import { formatFen } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { causeLabel } from './common';

type Data = {
  step?: string;
  departmentName?: string;
  causeClass?: string;
  ownerName?: string;
  amountFen?: number;
};

/**
 * 处理记录: the complaint ticket's events, oldest first. Complaint steps read as steps; internal ones
 * are marked (customers never receive them).
 */
export function ComplaintTimeline({ events }: { events: TicketEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  return (
    <Timeline
      data-testid="complaint-timeline"
      items={events.map((e) => {
        const d = (e.data && typeof e.data === 'object' ? e.data : {}) as Data;
        const title =
          e.kind === 'complaint' && d.step
            ? t(`complaint.events.${d.step}`, { defaultValue: d.step })
            : t(`timeline.kinds.${e.kind}`, { defaultValue: e.kind });
        const gist = d.departmentName ?? (d.causeClass ? causeLabel(t, d.causeClass) : null);
        const internal = e.visibility === 'internal';
        return {
          key: e.id,
          color: e.kind === 'escalation' ? 'red' : internal ? 'gray' : 'blue',
          content: (
            <div data-testid="complaint-event" data-step={d.step ?? e.kind}>
              <Space size={6} wrap>
                <Typography.Text strong>{title}</Typography.Text>
                {gist && <Tag>{gist}</Tag>}
                {typeof d.amountFen === 'number' && <Tag color="gold">{formatFen(d.amountFen)}</Tag>}
                {internal && <Tag color="orange">{t('timeline.internal')}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName ?? t('timeline.system')} · {formatTime(e.at)}
                </Typography.Text>
              </Space>
              {e.body && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                  {e.body}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
