import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../api/ticket-types';
import { useDealerOptions, useDepartmentOptions, useUserOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { statusLabel } from './common';

type Data = Record<string, unknown> | null;
type Names = (kind: 'user' | 'department' | 'dealer', id: unknown) => string | null;

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The one-line gist of an event's data: what changed, to whom, which policy. */
function detail(t: TFunction, e: TicketEvent, names: Names): string | null {
  const d = (e.data && typeof e.data === 'object' ? e.data : null) as Data;
  if (!d) return null;
  switch (e.kind) {
    case 'status':
      return d.from && d.to
        ? t('timeline.change', { from: statusLabel(t, String(d.from)), to: statusLabel(t, String(d.to)) })
        : null;
    case 'assigned':
      return names('user', d.userId);
    case 'transferred':
    case 'routed':
      return names('dealer', d.dealerId) ?? names('department', d.departmentId);
    case 'sla_policy':
    case 'sla_recomputed': {
      const match = (d.match ?? d) as Data;
      return str(match?.policyName) ?? t('ticket.noPolicy');
    }
    case 'entitlement':
      return d.coverage
        ? t(`entitlement.coverages.${d.coverage}`, { defaultValue: String(d.coverage) })
        : null;
    default:
      return null;
  }
}

/**
 * 处理记录, oldest first. Internal notes are marked so staff never mistake one for a reply the
 * customer saw; customers never receive them at all (the server filters).
 */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const users = useUserOptions(can('user.read'));
  const departments = useDepartmentOptions(can('org.read'));
  const dealers = useDealerOptions(can('org.read'));
  const names: Names = (kind, id) => {
    if (typeof id !== 'string') return null;
    const map = kind === 'user' ? users.byId : kind === 'department' ? departments.byId : dealers.byId;
    return map.get(id) ?? null;
  };

  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;

  return (
    <Timeline
      data-testid="ticket-timeline"
      items={events.map((e) => {
        const internal = e.visibility === 'internal';
        const gist = detail(t, e, names);
        return {
          key: e.id,
          color: e.kind === 'escalation' ? 'red' : internal ? 'gray' : 'blue',
          content: (
            <div data-testid="timeline-event" data-kind={e.kind} data-visibility={e.visibility}>
              <Space size={6} wrap>
                <Typography.Text strong>
                  {t(`timeline.kinds.${e.kind}`, { defaultValue: e.kind })}
                </Typography.Text>
                {internal && (
                  <Tag color="orange" data-testid="internal-tag">
                    {t('timeline.internal')}
                  </Tag>
                )}
                {gist && <Typography.Text>{gist}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at)} · {e.actorName ?? t('timeline.system')}
                </Typography.Text>
              </Space>
              {e.body && (
                <Typography.Paragraph
                  style={{
                    whiteSpace: 'pre-wrap',
                    margin: '4px 0 0',
                    padding: internal ? '4px 8px' : undefined,
                    background: internal ? '#fff7e6' : undefined,
                  }}
                  data-testid="event-body"
                >
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
