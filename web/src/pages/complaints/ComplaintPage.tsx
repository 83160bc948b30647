import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Complaint, Suggestion } from '../../api/complaint-types';
import { LoadFailed } from '../../components/LoadFailed';
import { useComplaint } from '../../lib/complaint-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { channelLabel } from '../tickets/common';
import { SlaClocks } from '../tickets/SlaClocks';
import { CompensationPanel } from './CompensationPanel';
import { ComplaintActions, ComplaintSteps } from './ComplaintActions';
import { ComplaintTimeline } from './ComplaintTimeline';
import { ComplaintStatusTag, causeLabel, FeedbackDue, SeverityTag } from './common';
import { CreateSuggestionModal, EditSuggestionModal } from './SuggestionModals';
import { SuggestionTable } from './SuggestionTable';

const pre = (s: string | null) =>
  s ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s}</Typography.Text> : null;

function Facts({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const can = useCan();
  const link = (ok: boolean, to: string, text: string | null) =>
    ok && text ? <Link to={to}>{text}</Link> : text;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="complaint-facts"
      items={[
        {
          key: 'customer',
          label: t('complaint.customer'),
          children: link(can('customer.read'), `/customers/${c.customerId}`, c.customerName),
        },
        { key: 'channel', label: t('complaint.channel'), children: channelLabel(t, c.channel) },
        { key: 'received', label: t('complaint.receivedAt'), children: formatTime(c.receivedAt) },
        { key: 'by', label: t('complaint.receivedBy'), children: c.receivedByName },
        {
          key: 'ticket',
          label: t('complaint.ticket'),
          children: link(can('ticket.read'), `/tickets/${c.ticketId}`, c.ticketNumber),
        },
        {
          key: 'asset',
          label: t('complaint.asset'),
          children: link(can('asset.read'), `/assets/${c.assetId}`, c.serialNo),
        },
        { key: 'department', label: t('complaint.department'), children: c.departmentName },
        { key: 'due', label: t('complaint.feedbackDue'), children: <FeedbackDue c={c} /> },
        ...(c.aboutTicketId
          ? [
              {
                key: 'about',
                label: t('complaint.aboutTicket'),
                children: link(true, `/tickets/${c.aboutTicketId}`, t('common.yes')),
              },
            ]
          : []),
        { key: 'subject', label: t('complaint.subject'), span: 3, children: c.subject },
        { key: 'description', label: t('complaint.description'), span: 3, children: pre(c.description) },
      ]}
    />
  );
}

function Investigation({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('complaint.noneYet')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="complaint-investigation"
      items={[
        {
          key: 'cause',
          label: t('complaint.causeClass'),
          children: c.causeClass ? causeLabel(t, c.causeClass) : none,
        },
        { key: 'root', label: t('complaint.rootCause'), children: pre(c.rootCause) ?? none },
        { key: 'action', label: t('complaint.correctiveAction'), children: pre(c.correctiveAction) ?? none },
        { key: 'owner', label: t('complaint.actionOwner'), children: c.actionOwnerName ?? none },
        {
          key: 'actionDue',
          label: t('complaint.actionDue'),
          children: c.actionDueAt ? formatTime(c.actionDueAt) : none,
        },
        { key: 'feedback', label: t('complaint.feedbackText'), children: pre(c.feedbackText) ?? none },
        {
          key: 'feedbackAt',
          label: t('complaint.feedbackAt'),
          children: c.feedbackAt ? formatTime(c.feedbackAt) : none,
        },
        { key: 'recheck', label: t('complaint.recheckResult'), children: pre(c.recheckResult) ?? none },
      ]}
    />
  );
}

/** 客户投诉: the workflow, the 72-hour clock with its reasons, cause and action, compensation, suggestions. */
export default function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useComplaint(id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Suggestion | null>(null);
  const c = query.data;
  if (!c) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  const card = (title: string, body: ReactNode, extra?: ReactNode, testId?: string) => (
    <Card title={title} extra={extra} style={{ marginTop: 16 }} data-testid={testId}>
      {body}
    </Card>
  );

  return (
    <>
      <Card
        data-testid="complaint-card"
        title={
          <Space wrap>
            <span data-testid="complaint-number">{c.number}</span>
            <ComplaintStatusTag status={c.status} />
            <SeverityTag severity={c.severity} />
          </Space>
        }
        extra={
          <Link to="/complaints">
            <ArrowLeftOutlined aria-hidden /> {t('complaint.back')}
          </Link>
        }
      >
        <ComplaintSteps complaint={c} />
        <div style={{ margin: '16px 0' }}>
          <ComplaintActions complaint={c} />
        </div>
        <Facts complaint={c} />
      </Card>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          {card(t('complaint.investigation'), <Investigation complaint={c} />)}
          {card(
            t('suggestion.title'),
            <SuggestionTable items={c.suggestions} onEdit={setEditing} />,
            can('improvement.write') && (
              <Button
                size="small"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setAdding(true)}
                data-testid="suggestion-add"
              >
                {t('suggestion.add')}
              </Button>
            ),
          )}
          {card(t('complaint.timeline'), <ComplaintTimeline events={c.events} />)}
        </Col>
        <Col xs={24} xl={10}>
          {card(
            t('complaint.clockTitle'),
            <div
              data-testid="complaint-clock"
              data-status={c.sla.find((k) => k.metric === 'resolve')?.status}
            >
              <SlaClocks ticket={c} />
            </div>,
          )}
          {card(t('complaint.compensation.title'), <CompensationPanel complaint={c} />)}
        </Col>
      </Row>
      <CreateSuggestionModal open={adding} onClose={() => setAdding(false)} complaintId={c.id} />
      <EditSuggestionModal suggestion={editing} onClose={() => setEditing(null)} />
    </>
  );
}
