import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Form, Input, List, Popconfirm, Space, Table, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder, WorkOrderPart } from '../../api/field-types';
import { FormModal } from '../../components/FormModal';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { AddPartModal } from './AddPartModal';
import { useCanWork, useWorkOrderAction } from './common';
import { diagnosisEditable } from './DiagnosisForm';

function ConsumeModal({
  order,
  line,
  onClose,
}: {
  order: WorkOrder;
  line: WorkOrderPart | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const changed = useWorkOrderChanged();
  return (
    <FormModal<{ removedSerial?: string; fittedSerial?: string }>
      open={line !== null}
      title={t('partLines.consumeTitle', { name: line?.partName ?? '' })}
      initialValues={{ removedSerial: line?.removedSerial ?? '', fittedSerial: line?.fittedSerial ?? '' }}
      onSubmit={async (v) => {
        if (!line) return;
        const next = await workOrdersApi.consumePart(order.id, line.id, {
          removedSerial: v.removedSerial?.trim() || null,
          fittedSerial: v.fittedSerial?.trim() || null,
        });
        changed(order.id, next);
        onClose();
      }}
      onCancel={onClose}
    >
      <Form.Item name="removedSerial" label={t('partLines.removedSerial')}>
        <Input maxLength={100} size="large" />
      </Form.Item>
      <Form.Item name="fittedSerial" label={t('partLines.fittedSerial')}>
        <Input maxLength={100} size="large" />
      </Form.Item>
    </FormModal>
  );
}

const PART_STATUS_COLOURS: Record<string, string> = {
  reserved: 'gold',
  consumed: 'green',
  released: 'default',
};

function PartStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={PART_STATUS_COLOURS[status]} data-testid="part-status" data-status={status}>
      {t(`field.partStatuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** 备件: reserved ahead or used on site, with the serials of the removed and the fitted unit. */
export function PartsPanel({ order, large = false }: { order: WorkOrder; large?: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [consuming, setConsuming] = useState<WorkOrderPart | null>(null);
  const { busy, run } = useWorkOrderAction(order.id);
  const editable = useCanWork() && diagnosisEditable(order);
  const size = large ? 'large' : 'small';

  // A reserved part is used only once the engineer is on site (the server refuses it before).
  const onSite = ['on_site', 'done'].includes(order.status);
  const lineActions = (l: WorkOrderPart) =>
    editable &&
    l.status === 'reserved' && (
      <Space wrap>
        {onSite && (
          <Button
            size={size}
            type="primary"
            ghost
            onClick={() => setConsuming(l)}
            data-testid="part-consume-btn"
          >
            {t('partLines.consumeBtn')}
          </Button>
        )}
        <Popconfirm
          title={t('partLines.releaseConfirm')}
          onConfirm={() => void run(() => workOrdersApi.releasePart(order.id, l.id))}
        >
          <Button size={size} disabled={busy} data-testid="part-release">
            {t('partLines.release')}
          </Button>
        </Popconfirm>
      </Space>
    );
  const serials = (l: WorkOrderPart) =>
    [
      l.removedSerial && `${t('partLines.removedSerial')} ${l.removedSerial}`,
      l.fittedSerial && `${t('partLines.fittedSerial')} ${l.fittedSerial}`,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <div data-testid="wo-parts">
      {large ? (
        <List
          dataSource={order.parts}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partLines.empty')} />,
          }}
          renderItem={(l) => (
            <List.Item data-testid="part-row">
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <span style={{ fontSize: 16 }}>
                    {l.partCode} {l.partName} × {l.quantity}
                  </span>
                  <PartStatusTag status={l.status} />
                </Flex>
                <span style={{ color: '#8c8c8c' }}>
                  {l.locationName}
                  {serials(l) && ` · ${serials(l)}`}
                </span>
                {lineActions(l)}
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<WorkOrderPart>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={order.parts}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('partLines.empty') }}
          onRow={() => ({ 'data-testid': 'part-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('partLines.part'), key: 'part', render: (_, l) => `${l.partCode} ${l.partName}` },
            { title: t('partLines.location'), dataIndex: 'locationName', key: 'location' },
            { title: t('partLines.quantity'), dataIndex: 'quantity', key: 'qty', align: 'right' },
            { title: t('partLines.removedSerial'), dataIndex: 'removedSerial', key: 'removed' },
            { title: t('partLines.fittedSerial'), dataIndex: 'fittedSerial', key: 'fitted' },
            {
              title: t('partLines.status'),
              key: 'status',
              render: (_, l) => <PartStatusTag status={l.status} />,
            },
            { key: 'actions', render: (_, l) => lineActions(l) },
          ]}
        />
      )}
      {editable && (
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setAdding(true)}
          data-testid="part-add"
          size={large ? 'large' : 'middle'}
          block={large}
          style={{ marginTop: 8, ...(large ? { height: 52, fontSize: 16 } : {}) }}
        >
          {t('partLines.add')}
        </Button>
      )}
      <AddPartModal order={order} open={adding} onClose={() => setAdding(false)} large={large} />
      <ConsumeModal order={order} line={consuming} onClose={() => setConsuming(null)} />
    </div>
  );
}
