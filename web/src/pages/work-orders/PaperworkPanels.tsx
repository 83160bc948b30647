import { Alert, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { OldPartReturn, WorkOrder } from '../../api/field-types';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { useWorkOrderAction } from './common';

const RETURN_COLOURS: Record<string, string> = { pending: 'gold', received: 'blue', appraised: 'green' };

/** 旧件返回: every replaced in-warranty part goes back for appraisal; finance waits for all of them. */
export function OldPartReturns({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  return (
    <Table<OldPartReturn>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={order.oldPartReturns}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('returns.empty') }}
      data-testid="wo-returns"
      columns={[
        {
          title: t('returns.part'),
          key: 'part',
          render: (_, r) => `${r.partCode} ${r.partName} × ${r.quantity}`,
        },
        { title: t('returns.serial'), dataIndex: 'serialNo', key: 'serial' },
        {
          title: t('returns.due'),
          key: 'due',
          render: (_, r) => (
            <Space size={4}>
              {formatTime(r.dueAt)}
              {r.overdue && r.status === 'pending' && <Tag color="red">{t('returns.overdue')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('returns.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={RETURN_COLOURS[r.status]} data-testid="return-status" data-status={r.status}>
              {t(`field.returnStatuses.${r.status}`, { defaultValue: r.status })}
            </Tag>
          ),
        },
        {
          title: t('returns.appraisal'),
          key: 'appraisal',
          render: (_, r) =>
            r.appraisal ? t(`field.appraisals.${r.appraisal}`, { defaultValue: r.appraisal }) : '',
        },
      ]}
    />
  );
}

/**
 * 结算: finance settles the warranty cost (三包核销) and the travel expenses. The server refuses
 * either while the paperwork is missing (409 paperwork_blocked) and says which paper; that message
 * is shown as is.
 */
export function SettlePanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const can = useCan();
  const { busy, run } = useWorkOrderAction(order.id);
  const settle = can('workorder.settle');
  return (
    <div data-testid="wo-settle">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('settle.hint')}
      </Typography.Paragraph>
      <Space vertical style={{ width: '100%' }}>
        {order.writtenOffAt ? (
          <Alert
            type="success"
            showIcon
            title={t('settle.writtenOff', { at: formatTime(order.writtenOffAt) })}
          />
        ) : (
          settle && (
            <Popconfirm
              title={t('settle.writeOffConfirm')}
              onConfirm={() => void run(() => workOrdersApi.writeOff(order.id, { version: order.version }))}
            >
              <Button disabled={busy} data-testid="wo-write-off">
                {t('settle.writeOff')}
              </Button>
            </Popconfirm>
          )
        )}
        {order.reimbursedAt ? (
          <Alert
            type="success"
            showIcon
            title={t('settle.reimbursed', { at: formatTime(order.reimbursedAt) })}
          />
        ) : (
          settle && (
            <Popconfirm
              title={t('settle.reimburseConfirm')}
              onConfirm={() => void run(() => workOrdersApi.reimburse(order.id, { version: order.version }))}
            >
              <Button disabled={busy} data-testid="wo-reimburse">
                {t('settle.reimburse')}
              </Button>
            </Popconfirm>
          )
        )}
      </Space>
    </div>
  );
}
