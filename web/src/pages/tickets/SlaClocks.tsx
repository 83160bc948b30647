import { Card, Col, Collapse, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaClock, Ticket } from '../../api/ticket-types';
import { formatDuration } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { metricLabel, ReasonList } from './common';

const CLOCK_COLOURS: Record<string, string> = {
  running: 'processing',
  paused: 'default',
  met: 'success',
  breached: 'error',
  cancelled: 'default',
};

export function ClockStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={CLOCK_COLOURS[status]} data-testid="clock-status" data-status={status}>
      {t(`clock.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** One deadline: when it is due, how much business time is used and left, and why. */
function ClockCard({ clock, showReasons }: { clock: SlaClock; showReasons: boolean }) {
  const { t } = useTranslation();
  const remaining = clock.remainingMinutes;
  const stopped = clock.stoppedAt !== null;
  const items = [
    {
      key: 'due',
      label: t('clock.dueAt'),
      children: (
        <span data-testid="clock-due">{clock.dueAt ? formatTime(clock.dueAt) : t('clock.dueUnknown')}</span>
      ),
    },
    { key: 'target', label: t('clock.target'), children: formatDuration(t, clock.targetMinutes) },
    ...(clock.elapsedMinutes !== null
      ? [{ key: 'elapsed', label: t('clock.elapsed'), children: formatDuration(t, clock.elapsedMinutes) }]
      : []),
    ...(remaining !== null && !stopped
      ? [
          {
            key: 'remaining',
            label: remaining < 0 ? t('clock.overdueBy') : t('clock.remaining'),
            children: (
              <Typography.Text type={remaining < 0 ? 'danger' : undefined} data-testid="clock-remaining">
                {formatDuration(t, remaining)}
              </Typography.Text>
            ),
          },
        ]
      : []),
    ...(clock.pausedMinutes > 0
      ? [{ key: 'paused', label: t('clock.pausedFor'), children: formatDuration(t, clock.pausedMinutes) }]
      : []),
    ...(stopped
      ? [{ key: 'stopped', label: t('clock.stoppedAt'), children: formatTime(clock.stoppedAt) }]
      : []),
  ];
  return (
    <Card
      size="small"
      data-testid="sla-clock"
      data-metric={clock.metric}
      data-status={clock.status}
      title={
        <Space wrap>
          <span>{metricLabel(t, clock.metric)}</span>
          <ClockStatusTag status={clock.status} />
          {clock.clause && <Tag color="blue">{t('clock.clause', { ref: clock.clause })}</Tag>}
        </Space>
      }
    >
      <Descriptions size="small" column={1} items={items} />
      {showReasons && clock.reasons.length > 0 && (
        <Collapse
          size="small"
          ghost
          defaultActiveKey={['reasons']}
          items={[
            {
              key: 'reasons',
              label: t('clock.reasons', { n: clock.reasons.length }),
              children: <ReasonList reasons={clock.reasons} testId="clock-reasons" />,
            },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * The ticket's deadlines, one card per metric, and which policy set them. Staff see every reason
 * (the point: why is this due when it is); the portal shows the deadlines only.
 */
export function SlaClocks({
  ticket,
  showReasons = true,
}: {
  /** A ticket, or anything carrying its clocks (a complaint shows its ticket's). */
  ticket: Pick<Ticket, 'sla' | 'slaMatch'>;
  showReasons?: boolean;
}) {
  const { t } = useTranslation();
  const match = ticket.slaMatch;
  return (
    <div data-testid="sla-clocks">
      {match && (
        <div style={{ marginBottom: 12 }} data-testid="sla-match">
          <Typography.Text strong>
            {match.policyName ? t('ticket.slaPolicy', { name: match.policyName }) : t('ticket.noPolicy')}
          </Typography.Text>
          {showReasons && match.reasons.length > 0 && (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'match',
                  label: t('ticket.matchReasons'),
                  children: <ReasonList reasons={match.reasons} testId="match-reasons" />,
                },
              ]}
            />
          )}
        </div>
      )}
      {ticket.sla.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.noPolicy')} />
      ) : (
        <Row gutter={[12, 12]}>
          {ticket.sla.map((c) => (
            <Col key={c.metric} xs={24} md={12}>
              <ClockCard clock={c} showReasons={showReasons} />
            </Col>
          ))}
        </Row>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('clock.businessHint')}
      </Typography.Paragraph>
    </div>
  );
}
