import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, InputNumber, List, Popconfirm, Table } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder, WorkOrderItem } from '../../api/field-types';
import { FormModal } from '../../components/FormModal';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { useCanWork, useWorkOrderAction } from './common';
import { diagnosisEditable } from './DiagnosisForm';

interface Values {
  description: string;
  method?: string;
  quantity: number;
  labourMinutes: number;
}

export function AddItemModal({
  order,
  open,
  onClose,
}: {
  order: WorkOrder;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const changed = useWorkOrderChanged();
  const required = { required: true, message: t('users.required') };
  return (
    <FormModal<Values>
      open={open}
      title={t('items.add')}
      initialValues={{ quantity: 1, labourMinutes: 60 }}
      onSubmit={async (v) => {
        const next = await workOrdersApi.addItem(order.id, {
          description: v.description.trim(),
          method: v.method?.trim() || null,
          quantity: v.quantity,
          labourMinutes: v.labourMinutes,
        });
        changed(order.id, next);
        onClose();
      }}
      onCancel={onClose}
    >
      <Form.Item
        name="description"
        label={t('items.description')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={500} size="large" data-testid="item-description" />
      </Form.Item>
      <Form.Item name="method" label={t('items.method')}>
        <Input maxLength={500} size="large" data-testid="item-method" />
      </Form.Item>
      <Form.Item name="quantity" label={t('items.quantity')} rules={[required]}>
        <InputNumber min={1} max={10_000} precision={0} size="large" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="labourMinutes" label={t('items.labourMinutes')} rules={[required]}>
        <InputNumber
          min={0}
          max={100_000}
          step={15}
          precision={0}
          size="large"
          style={{ width: '100%' }}
          data-testid="item-minutes"
        />
      </Form.Item>
    </FormModal>
  );
}

/** 维修项目: what was done, how, and the labour minutes the charges are priced on. */
export function ItemsPanel({ order, large = false }: { order: WorkOrder; large?: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const { busy, run } = useWorkOrderAction(order.id);
  const editable = useCanWork() && diagnosisEditable(order);
  const remove = (item: WorkOrderItem) => run(() => workOrdersApi.removeItem(order.id, item.id));
  const removeButton = (item: WorkOrderItem) =>
    editable && (
      <Popconfirm title={t('items.removeConfirm')} onConfirm={() => void remove(item)}>
        <Button
          type="text"
          danger
          size={large ? 'large' : 'small'}
          icon={<DeleteOutlined aria-hidden />}
          aria-label={t('items.remove')}
          disabled={busy}
          data-testid="item-remove"
        />
      </Popconfirm>
    );

  return (
    <div data-testid="wo-items">
      {large ? (
        <List
          dataSource={order.items}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.empty')} />,
          }}
          renderItem={(i) => (
            <List.Item data-testid="item-row" extra={removeButton(i)}>
              <List.Item.Meta
                title={<span style={{ fontSize: 16 }}>{i.description}</span>}
                description={`${i.method ? `${i.method} · ` : ''}× ${i.quantity} · ${i.labourMinutes} ${t('field.units.min')}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<WorkOrderItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={order.items}
          locale={{ emptyText: t('items.empty') }}
          onRow={() => ({ 'data-testid': 'item-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('items.description'), dataIndex: 'description', key: 'description' },
            { title: t('items.method'), dataIndex: 'method', key: 'method' },
            { title: t('items.quantity'), dataIndex: 'quantity', key: 'quantity', align: 'right' },
            { title: t('items.labourMinutes'), dataIndex: 'labourMinutes', key: 'minutes', align: 'right' },
            ...(editable
              ? [{ key: 'x', width: 48, render: (_: unknown, i: WorkOrderItem) => removeButton(i) }]
              : []),
          ]}
        />
      )}
      {editable && (
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setAdding(true)}
          data-testid="item-add"
          size={large ? 'large' : 'middle'}
          block={large}
          style={{ marginTop: 8, ...(large ? { height: 52, fontSize: 16 } : {}) }}
        >
          {t('items.add')}
        </Button>
      )}
      <AddItemModal order={order} open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
