import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Flex, Form, Input, InputNumber, List, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partPickerApi, workOrdersApi } from '../../api/field';
import type { PartOption, WorkOrder, WorkOrderPart } from '../../api/field-types';
import { FormModal } from '../../components/FormModal';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { formatFen } from '../../lib/format';
import { useWorkOrderAction } from './common';
import { diagnosisEditable } from './DiagnosisForm';

const DEBOUNCE_MS = 300;

/** Parts searched on the server by code or name; the chosen part is reported whole (serialised?). */
function PartPicker({
  value,
  onChange,
  onPick,
  picked,
  size,
}: {
  value?: string;
  onChange?: (v: string) => void;
  onPick: (p: PartOption | null) => void;
  /** Kept among the options after the search moves on, so its label never turns into an id. */
  picked?: PartOption | null;
  size?: 'large' | 'middle';
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useQuery({
    queryKey: ['parts', 'picker', q],
    queryFn: async () => (await partPickerApi.parts(q)).items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const found = query.data ?? [];
  const parts = picked && !found.some((p) => p.id === picked.id) ? [picked, ...found] : found;
  return (
    <Select<string>
      value={value}
      size={size}
      placeholder={t('partLines.partSearch')}
      loading={query.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      data-testid="part-picker"
      options={parts.map((p) => ({
        value: p.id,
        label: `${p.code} ${p.name}`,
      }))}
      optionRender={(o) => {
        const p = parts.find((x) => x.id === o.value);
        return (
          <Space size={4} wrap>
            <span>{o.label}</span>
            {p?.wear && <Tag color="orange">{t('partLines.wear')}</Tag>}
            {p?.consumable && <Tag color="gold">{t('partLines.consumable')}</Tag>}
            {p && <span style={{ color: '#8c8c8c' }}>{formatFen(p.listFen)}</span>}
          </Space>
        );
      }}
      onChange={(v) => {
        onChange?.(v);
        onPick(parts.find((p) => p.id === v) ?? null);
      }}
    />
  );
}

/** Locations holding the part, with what is free to take there; empty ones cannot be picked. */
function LocationPicker({
  partId,
  value,
  onChange,
  size,
}: {
  partId?: string;
  value?: string;
  onChange?: (v: string) => void;
  size?: 'large' | 'middle';
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['stock', 'picker', partId],
    queryFn: async () => (await partPickerApi.stock(partId!)).items,
    enabled: !!partId,
  });
  const rows = query.data ?? [];
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      size={size}
      disabled={!partId}
      loading={query.isFetching}
      placeholder={partId ? undefined : t('partLines.pickPartFirst')}
      notFoundContent={partId ? t('partLines.noStock') : undefined}
      data-testid="location-picker"
      options={rows.map((s) => ({
        value: s.locationId,
        label: `${s.locationName}（${t('partLines.available', { n: s.available })}）`,
        disabled: s.available <= 0,
      }))}
    />
  );
}

interface Values {
  partId: string;
  locationId: string;
  quantity: number;
  removedSerial?: string;
  fittedSerial?: string;
  consume: boolean;
}

function PartFields({
  large,
  part,
  onPick,
}: {
  large: boolean;
  part: PartOption | null;
  onPick: (p: PartOption | null) => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const partId = Form.useWatch('partId', form);
  const required = { required: true, message: t('users.required') };
  const size = large ? 'large' : 'middle';
  return (
    <div data-testid="part-form">
      <Form.Item name="partId" label={t('partLines.part')} rules={[required]}>
        <PartPicker
          size={size}
          picked={part}
          onPick={(p) => {
            onPick(p);
            // Stock of the previous part says nothing about this one.
            form.setFieldValue('locationId', undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="locationId" label={t('partLines.location')} rules={[required]}>
        <LocationPicker key={partId ?? 'none'} partId={partId} size={size} />
      </Form.Item>
      <Form.Item name="quantity" label={t('partLines.quantity')} rules={[required]}>
        <InputNumber min={1} max={10_000} precision={0} size={size} style={{ width: '100%' }} data-testid="part-qty" />
      </Form.Item>
      {(part?.serialised ?? true) && (
        <>
          <Form.Item name="removedSerial" label={t('partLines.removedSerial')}>
            <Input maxLength={100} size={size} data-testid="part-removed-serial" />
          </Form.Item>
          <Form.Item name="fittedSerial" label={t('partLines.fittedSerial')}>
            <Input maxLength={100} size={size} data-testid="part-fitted-serial" />
          </Form.Item>
        </>
      )}
      <Form.Item name="consume" valuePropName="checked" extra={t('partLines.consumeHint')}>
        <Checkbox data-testid="part-consume" style={large ? { fontSize: 16 } : undefined}>
          {t('partLines.consume')}
        </Checkbox>
      </Form.Item>
    </div>
  );
}

export function AddPartModal({
  order,
  open,
  onClose,
  large = false,
}: {
  order: WorkOrder;
  open: boolean;
  onClose: () => void;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const changed = useWorkOrderChanged();
  const [part, setPart] = useState<PartOption | null>(null);
  // Reserving ahead makes sense before the visit; on site the part is being fitted now.
  const onSite = ['on_site', 'done'].includes(order.status);
  return (
    <FormModal<Values>
      open={open}
      title={t('partLines.add')}
      initialValues={{ quantity: 1, consume: onSite }}
      onSubmit={async (v) => {
        const next = await workOrdersApi.addPart(order.id, {
          partId: v.partId,
          locationId: v.locationId,
          quantity: v.quantity,
          removedSerial: v.removedSerial?.trim() || null,
          fittedSerial: v.fittedSerial?.trim() || null,
          consume: v.consume,
        });
        changed(order.id, next);
        setPart(null);
        onClose();
      }}
      onCancel={() => {
        setPart(null);
        onClose();
      }}
    >
      <PartFields large={large} part={part} onPick={setPart} />
    </FormModal>
  );
}

function ConsumeModal({ order, line, onClose }: { order: WorkOrder; line: WorkOrderPart | null; onClose: () => void }) {
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

const PART_STATUS_COLOURS: Record<string, string> = { reserved: 'gold', consumed: 'green', released: 'default' };

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
  const editable = diagnosisEditable(order);
  const size = large ? 'large' : 'small';

  const lineActions = (l: WorkOrderPart) =>
    editable &&
    l.status === 'reserved' && (
      <Space wrap>
        <Button size={size} type="primary" ghost onClick={() => setConsuming(l)} data-testid="part-consume-btn">
          {t('partLines.consumeBtn')}
        </Button>
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
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partLines.empty')} /> }}
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
            { title: t('partLines.status'), key: 'status', render: (_, l) => <PartStatusTag status={l.status} /> },
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
