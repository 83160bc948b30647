import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Descriptions, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_ITEMS, type ReturnDeadline, type ReturnRequest } from '../../api/return-types';
import { currentLang } from '../../i18n';
import { formatDuration, formatFen } from '../../lib/format';
import { useNow } from '../../lib/return-lookups';
import { formatTime } from '../../lib/time';
import { deadlineLabel, dueColour, remedyLabel, viaLabel } from './common';

// The explainable parts of a request: why these remedies, when each step is due and why, what the
// inspection found, and what happened when.

const say = (x: { message: string; messageEn?: string }) =>
  currentLang() === 'en' && x.messageEn ? x.messageEn : x.message;

export function EligibilityPanel({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  const e = r.eligibility;
  return (
    <div data-testid="return-eligibility">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('rma.eligibility.options')}：</Typography.Text>
        {e.options.length === 0 ? (
          <Tag color="red">{t('rma.eligibility.none')}</Tag>
        ) : (
          e.options.map((o) => (
            <Tag key={o} color="green" data-testid="return-option-allowed" data-option={o}>
              {remedyLabel(t, o)}
            </Tag>
          ))
        )}
      </Space>
      <div style={{ marginBottom: 8 }}>
        <Tag color={e.requestedAllowed ? 'green' : 'orange'} data-testid="return-requested-allowed">
          {e.requestedAllowed ? t('rma.eligibility.requestedAllowed') : t('rma.eligibility.requestedNot')}（
          {remedyLabel(t, r.requested)}）
        </Tag>
      </div>
      <List
        size="small"
        dataSource={e.reasons}
        renderItem={(x) => (
          <List.Item data-testid="return-reason" data-code={x.code}>
            <div>
              <div>{say(x)}</div>
              {x.clause && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('rma.eligibility.clause')}：{x.clause}
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}

/** When each deadline's step was done (null while it is still owed). */
const doneAt = (r: ReturnRequest, key: string): string | null =>
  ({
    review: r.decidedAt,
    pickup: r.goodsReceivedAt,
    process: r.inspectedAt,
    exchange: r.shippedAt,
    refund: r.refundApprovedAt,
    sendBack: r.sentBackAt,
  })[key] ?? null;

const ORDER = ['review', 'pickup', 'process', 'exchange', 'refund', 'sendBack'];

export function DeadlinesPanel({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  const now = useNow();
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  const entries = Object.entries(r.deadlines).sort(([a], [b]) => rank(a) - rank(b));
  const closedUnfinished = r.closedAt !== null;
  return (
    <List
      data-testid="return-deadlines"
      dataSource={entries}
      renderItem={([key, d]: [string, ReturnDeadline]) => {
        const done = doneAt(r, key);
        const due = Date.parse(d.dueAt);
        const state = done ? (Date.parse(done) <= due ? 'met' : 'missed') : closedUnfinished ? 'n/a' : 'open';
        const minutes = (due - now) / 60_000;
        return (
          <List.Item data-testid="return-deadline" data-key={key} data-state={state}>
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{deadlineLabel(t, key)}</Typography.Text>
                <span data-testid="return-deadline-due">{formatTime(d.dueAt)}</span>
                {state === 'met' && <Tag color="green">{t('rma.met')}</Tag>}
                {state === 'missed' && <Tag color="red">{t('rma.missed')}</Tag>}
                {state === 'open' && (
                  <Tag color={dueColour(d.dueAt, null, now)}>
                    {minutes < 0
                      ? t('rma.overdueBy', { time: formatDuration(t, minutes) })
                      : t('rma.dueIn', { time: formatDuration(t, minutes) })}
                  </Tag>
                )}
              </Space>
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary" data-testid="return-deadline-reason">
                  {say(d)}（{t('rma.eligibility.clause')}：{d.clause}）
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}

export function ChecklistPanel({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  if (!r.inspectedAt)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rma.checklist.notYet')} />;
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="return-checklist-result"
      items={[
        ...CHECKLIST_ITEMS.map((k) => ({
          key: k,
          label: t(`rma.checklist.${k}`),
          children:
            r.checklist === null ? (
              '—'
            ) : r.checklist[k] ? (
              <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('rma.yes')} />
            ) : (
              <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label={t('rma.no')} />
            ),
        })),
        {
          key: 'result',
          label: t('rma.form.passed'),
          children: (
            <Tag color={r.inspectionPassed ? 'green' : 'red'}>
              {r.inspectionPassed ? t('rma.form.pass') : t('rma.form.fail')}
            </Tag>
          ),
        },
        ...(r.inspectionNote ? [{ key: 'note', label: t('rma.form.note'), children: r.inspectionNote }] : []),
      ]}
    />
  );
}

type EventData = { option?: string; via?: string; amountFen?: number; replacementSerialNo?: string };

export function ReturnTimeline({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  if (r.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="return-timeline"
      items={r.events.map((e) => {
        const d = (e.data && typeof e.data === 'object' ? e.data : {}) as EventData;
        return {
          key: e.id,
          color:
            e.kind === 'escalation' || e.kind.includes('failed') || e.kind === 'rejected' ? 'red' : 'blue',
          content: (
            <div data-testid="return-event" data-kind={e.kind}>
              <Space size={6} wrap>
                <Typography.Text strong>
                  {t(`rma.events.${e.kind}`, { defaultValue: e.kind })}
                </Typography.Text>
                {d.option && <Tag>{remedyLabel(t, d.option)}</Tag>}
                {d.via && <Tag>{viaLabel(t, d.via)}</Tag>}
                {typeof d.amountFen === 'number' && <Tag color="gold">{formatFen(d.amountFen)}</Tag>}
                {d.replacementSerialNo && <Tag>{d.replacementSerialNo}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName ?? t('timeline.system')} · {formatTime(e.at)}
                </Typography.Text>
              </Space>
              {e.note && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                  {e.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
