import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Rate, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visitsApi } from '../../api/followup';
import { useReportError } from '../../lib/errors';
import { VISITS } from '../../lib/followup-lookups';
import { formatTime } from '../../lib/time';
import { FollowUpTag, VisitScore, VisitStatusTag } from './common';
import { questionText } from './VisitCompleteModal';

/** One visit read-only: the answers as given, the follow-up, and its history (calls, notes). */
export function VisitDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [VISITS, 'detail', id],
    queryFn: () => visitsApi.get(id!),
    enabled: id !== null,
  });
  useReportError(query.error);
  const v = query.data;
  const answer = (code: string) => v?.answers.find((a) => a.code === code);

  return (
    <Drawer open={id !== null} onClose={onClose} size={560} title={t('visits.detailTitle')} destroyOnHidden>
      {!v ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'customer', label: t('visits.customer'), children: v.customerName },
              { key: 'status', label: t('common.status'), children: <VisitStatusTag status={v.status} /> },
              { key: 'kind', label: t('visits.kindFilter'), children: t(`visits.kinds.${v.kind}`) },
              {
                key: 'ticket',
                label: t('visits.ticket'),
                children: v.ticketId ? <Link to={`/tickets/${v.ticketId}`}>{v.ticketNumber}</Link> : null,
              },
              {
                key: 'wo',
                label: t('visits.workOrders'),
                children: v.workOrders.map((w) => w.number).join('、'),
              },
              { key: 'engineer', label: t('visits.engineer'), children: v.engineerName },
              { key: 'dealer', label: t('visits.dealer'), children: v.dealerName },
              { key: 'assignee', label: t('visits.assignee'), children: v.assigneeName },
              { key: 'due', label: t('visits.dueAt'), children: formatTime(v.dueAt) },
              { key: 'done', label: t('visits.completedAt'), children: formatTime(v.completedAt) },
              { key: 'score', label: t('visits.score'), children: <VisitScore visit={v} /> },
              {
                key: 'followUp',
                label: t('visits.followUpAction'),
                children: (
                  <>
                    <FollowUpTag status={v.followUpStatus} /> {v.followUpAction}
                  </>
                ),
              },
            ]}
          />
          {v.status === 'done' && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('visits.answers')}
              </Typography.Title>
              {v.questions.map((q, i) => {
                const a = answer(q.code);
                return (
                  <div key={q.code} style={{ marginBottom: 8 }}>
                    <Typography.Text>
                      {i + 1}. {questionText(q)}
                    </Typography.Text>
                    <div>
                      {q.scored && <Rate disabled value={a?.score ?? 0} style={{ fontSize: 16 }} />}{' '}
                      <Typography.Text type="secondary">
                        {q.scored ? a?.comment : a?.comment || v.suggestions}
                      </Typography.Text>
                    </div>
                  </div>
                );
              })}
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('visits.history')}
          </Typography.Title>
          <Timeline
            items={v.history.map((h) => ({
              key: `${h.at}:${h.action}`,
              content: (
                <>
                  <Typography.Text type="secondary">{formatTime(h.at)}</Typography.Text>{' '}
                  {t(`visits.actions.${h.action}`, { defaultValue: h.action })}
                  {h.actorName ? ` · ${h.actorName}` : ''}
                  {h.note && <div>{h.note}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
