import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Entitlement } from '../../api/catalog-types';
import { workOrdersApi } from '../../api/field';
import type { Charges, WorkOrder } from '../../api/field-types';
import { LoadFailed } from '../../components/LoadFailed';
import { useWorkOrder } from '../../lib/field-lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { EntitlementPanel } from '../assets/EntitlementPanel';
import { ChargeReasons, ChargesTable } from './ChargesTable';
import { CoverageTag, engineersText, QuoteStatusTag, WorkOrderStatusTag } from './common';
import { DiagnosisForm, diagnosisEditable } from './DiagnosisForm';
import { EditWorkOrderModal } from './EditWorkOrderModal';
import { FeedbackPanel, feedbackDue } from './FeedbackPanel';
import { ItemsPanel } from './ItemsPanel';
import { OldPartReturns, SettlePanel } from './PaperworkPanels';
import { PartsPanel } from './PartsPanel';
import { PhotosPanel } from './PhotosPanel';
import { PrintMenu } from './PrintMenu';
import { QuotePanel } from './QuotePanel';
import { WorkOrderActions, WorkOrderSteps } from './WorkOrderActions';
import { WorkOrderTimeline } from './WorkOrderTimeline';

function Facts({ order: o }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const can = useCan();
  const item = (key: string, label: string, children: ReactNode, span = 1) => ({
    key,
    label,
    children,
    span,
  });
  const times = (
    [
      ['dispatchedAt', o.dispatchedAt],
      ['travelStartedAt', o.travelStartedAt],
      ['checkInAt', o.checkInAt],
      ['checkOutAt', o.checkOutAt],
      ['closedAt', o.closedAt],
    ] as const
  ).filter(([, at]) => at);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="wo-facts"
      items={[
        item(
          'ticket',
          t('wo.ticket'),
          can('ticket.read') ? <Link to={`/tickets/${o.ticketId}`}>{o.ticketNumber}</Link> : o.ticketNumber,
        ),
        item(
          'customer',
          t('wo.customer'),
          can('customer.read') ? (
            <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link>
          ) : (
            o.customerName
          ),
        ),
        item(
          'asset',
          t('wo.asset'),
          o.assetId && can('asset.read') ? (
            <Link to={`/assets/${o.assetId}`}>{o.assetSerialNo}</Link>
          ) : (
            o.assetSerialNo
          ),
        ),
        item('model', t('wo.model'), o.modelName),
        item('trade', t('wo.trade'), o.trade && t(`field.trades.${o.trade}`, { defaultValue: o.trade })),
        item('region', t('wo.region'), o.region),
        item('planned', t('wo.planned'), o.plannedDate),
        item('deadline', t('wo.deadline'), formatTime(o.deadlineAt)),
        item(
          'engineers',
          t('wo.engineers'),
          <span data-testid="wo-engineers">
            {o.engineers.length > 0 ? engineersText(t, o.engineers) : t('wo.unassigned')}
          </span>,
        ),
        item('address', t('wo.address'), o.address, 3),
        item(
          'task',
          t('wo.task'),
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.task}</Typography.Text>,
          3,
        ),
        ...(times.length > 0
          ? [
              item(
                'times',
                t('wo.times'),
                <Space wrap size={12}>
                  {times.map(([k, at]) => (
                    <span key={k}>
                      {t(`wo.${k}`)} {formatTime(at)}
                    </span>
                  ))}
                </Space>,
                3,
              ),
            ]
          : []),
      ]}
    />
  );
}

type JobEntitlement = Partial<Entitlement> & { coverage?: string; reasons?: Entitlement['reasons'] };

/** The job's own entitlement: the full panel when the server sent a full decision, else verdict + reasons. */
function JobEntitlement({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const e = (value && typeof value === 'object' ? value : null) as JobEntitlement | null;
  if (!e?.coverage) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.noEntitlement')} />;
  if (typeof e.inWarranty === 'boolean' && e.policy && Array.isArray(e.reasons))
    return <EntitlementPanel result={e as Entitlement} testId="wo-entitlement" />;
  return (
    <div data-testid="wo-entitlement" data-coverage={e.coverage}>
      <CoverageTag coverage={e.coverage} />
      {Array.isArray(e.reasons) && <ChargeReasons reasons={e.reasons} />}
    </div>
  );
}

function SignatureCard({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  if (!order.hasSignature) return <Typography.Text type="secondary">{t('signature.none')}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="wo-signature">
      <img
        src={workOrdersApi.signatureUrl(order.id, order.version)}
        alt={t('signature.image')}
        style={{
          maxWidth: 320,
          width: '100%',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          background: '#fff',
        }}
      />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'by', label: t('signature.signedBy'), children: order.signedBy },
          { key: 'at', label: t('signature.signedAt'), children: formatTime(order.signedAt) },
          ...(order.customerComment
            ? [{ key: 'comment', label: t('signature.comment'), children: order.customerComment }]
            : []),
        ]}
      />
    </Flex>
  );
}

/** 派工单: everything about one field job, from dispatch to the signed record, quote and settlement. */
export default function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useWorkOrder(id);
  const [editing, setEditing] = useState(false);
  const o = query.data;
  if (!o) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  const card = (title: string, body: ReactNode, extra?: ReactNode) => (
    <Card title={title} extra={extra} style={{ marginTop: 16 }}>
      {body}
    </Card>
  );

  return (
    <>
      <Card
        data-testid="wo-card"
        title={
          <Space wrap>
            <span data-testid="wo-number">{o.number}</span>
            <WorkOrderStatusTag status={o.status} />
            {o.quoteRequired && <QuoteStatusTag status={o.quoteStatus} />}
          </Space>
        }
        extra={
          <Space wrap>
            {(can('workorder.field') || can('workorder.write')) && diagnosisEditable(o) && (
              <Button
                icon={<EditOutlined aria-hidden />}
                onClick={() => setEditing(true)}
                data-testid="wo-edit"
              >
                {t('wo.edit')}
              </Button>
            )}
            <PrintMenu order={o} />
            <Link to="/work-orders">
              <ArrowLeftOutlined aria-hidden /> {t('wo.back')}
            </Link>
          </Space>
        }
      >
        <WorkOrderSteps order={o} />
        <div style={{ margin: '16px 0' }}>
          <WorkOrderActions order={o} />
        </div>
        <Facts order={o} />
        <EditWorkOrderModal order={o} open={editing} onClose={() => setEditing(false)} />
      </Card>
      {/* Who pays what is the question everyone asks first: full width, right under the facts. */}
      {card(t('charges.title'), <ChargesTable charges={o.charges as Charges | null} />)}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          {card(
            t('diagnosis.title'),
            <DiagnosisForm order={o} disabled={!can('workorder.field') && !can('workorder.write')} />,
          )}
          {card(t('items.title'), <ItemsPanel order={o} />)}
          {card(t('partLines.title'), <PartsPanel order={o} />)}
          {card(
            t('photos.title'),
            <PhotosPanel order={o} canUpload={can('workorder.field') || can('workorder.write')} />,
          )}
        </Col>
        <Col xs={24} xl={10}>
          {card(t('wo.entitlement'), <JobEntitlement value={o.entitlement} />)}
          {card(t('quote.title'), <QuotePanel order={o} />)}
          {card(t('signature.title'), <SignatureCard order={o} />)}
          {o.oldPartReturns.length > 0 && card(t('returns.title'), <OldPartReturns order={o} />)}
          {feedbackDue(o) && card(t('feedback.title'), <FeedbackPanel order={o} />)}
          {((can('workorder.settle') && ['signed', 'closed'].includes(o.status)) ||
            o.writtenOffAt ||
            o.reimbursedAt) &&
            card(t('settle.title'), <SettlePanel order={o} />)}
          {card(t('wo.timeline'), <WorkOrderTimeline events={o.events} />)}
        </Col>
      </Row>
    </>
  );
}
