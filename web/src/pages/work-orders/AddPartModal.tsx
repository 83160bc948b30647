import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partPickerApi, workOrdersApi } from '../../api/field';
import type { PartOption, WorkOrder } from '../../api/field-types';
import { FormModal } from '../../components/FormModal';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { formatFen } from '../../lib/format';

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
  onSite,
  part,
  onPick,
}: {
  large: boolean;
  onSite: boolean;
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
        <InputNumber
          min={1}
          max={10_000}
          precision={0}
          size={size}
          style={{ width: '100%' }}
          data-testid="part-qty"
        />
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
        <Checkbox data-testid="part-consume" disabled={!onSite} style={large ? { fontSize: 16 } : undefined}>
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
      <PartFields large={large} onSite={onSite} part={part} onPick={setPart} />
    </FormModal>
  );
}
