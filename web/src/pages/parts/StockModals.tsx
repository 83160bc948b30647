import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { stockApi } from '../../api/parts';
import type { StockLevel } from '../../api/parts-types';
import { FormModal } from '../../components/FormModal';
import { SearchSelect } from '../../components/SearchSelect';
import { PARTS, STOCK, searchParts, useLocationOptions } from '../../lib/parts-lookups';

export type StockAction =
  | { kind: 'receive' }
  | { kind: 'transfer'; level: StockLevel }
  | { kind: 'adjust'; level: StockLevel }
  | { kind: 'min'; level: StockLevel };

type Values = {
  partId?: string;
  locationId?: string;
  toLocationId?: string;
  quantity?: number;
  onHand?: number;
  minQty?: number;
  note?: string;
};

const note = (v?: string) => v?.trim() || null;

/** 入库 / 调拨 / 盘点 / 安全库存: one modal, its fields by action. */
export function StockActionModal({ action, onClose }: { action: StockAction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const locations = useLocationOptions(action !== null);
  const required = { required: true, message: t('users.required') };
  const level = action && action.kind !== 'receive' ? action.level : null;
  const names = level ? { part: `${level.partCode} ${level.partName}`, location: level.locationName } : null;

  const submit = async (v: Values) => {
    if (!action) return;
    switch (action.kind) {
      case 'receive':
        await stockApi.receive({
          partId: v.partId!,
          locationId: v.locationId!,
          quantity: v.quantity!,
          note: note(v.note),
        });
        break;
      case 'transfer':
        await stockApi.transfer({
          partId: action.level.partId,
          fromLocationId: action.level.locationId,
          toLocationId: v.toLocationId!,
          quantity: v.quantity!,
          note: note(v.note),
        });
        break;
      case 'adjust':
        await stockApi.adjust({
          partId: action.level.partId,
          locationId: action.level.locationId,
          onHand: v.onHand!,
          note: v.note!.trim(),
        });
        break;
      case 'min':
        await stockApi.setMin({
          partId: action.level.partId,
          locationId: action.level.locationId,
          minQty: v.minQty!,
        });
        break;
    }
    void message.success(t('stock.done'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: [STOCK] });
  };

  const title = !action
    ? ''
    : action.kind === 'receive'
      ? t('stock.receiveTitle')
      : action.kind === 'transfer'
        ? t('stock.transferTitle', names ?? {})
        : action.kind === 'adjust'
          ? t('stock.adjustTitle', names ?? {})
          : t('stock.minTitle', names ?? {});

  const quantity = (max?: number) => (
    <Form.Item name="quantity" label={t('stock.quantity')} rules={[required]}>
      <InputNumber min={1} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  const noteField = (mandatory = false) => (
    <Form.Item
      name="note"
      label={t('stock.note')}
      rules={mandatory ? [{ ...required, whitespace: true }] : []}
    >
      <Input.TextArea rows={2} maxLength={500} />
    </Form.Item>
  );

  return (
    <FormModal<Values>
      open={action !== null}
      title={title}
      resetKey={action ? `${action.kind}:${level?.id ?? ''}` : 'none'}
      initialValues={
        action?.kind === 'adjust'
          ? { onHand: action.level.onHand }
          : action?.kind === 'min'
            ? { minQty: action.level.minQty }
            : {}
      }
      onSubmit={submit}
      onCancel={onClose}
    >
      {action?.kind === 'receive' && (
        <>
          <Form.Item name="partId" label={t('stock.part')} rules={[required]}>
            <SearchSelect queryKey={[PARTS, 'search']} search={searchParts} />
          </Form.Item>
          <Form.Item name="locationId" label={t('stock.location')} rules={[required]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={locations.options} />
          </Form.Item>
          {quantity()}
          {noteField()}
        </>
      )}
      {action?.kind === 'transfer' && (
        <>
          <Typography.Paragraph>
            {t('stock.from')}：{action.level.locationName}（
            {t('stock.availableAt', { n: action.level.available })}）
          </Typography.Paragraph>
          <Form.Item name="toLocationId" label={t('stock.to')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={locations.options.filter((o) => o.value !== action.level.locationId)}
            />
          </Form.Item>
          {quantity(Math.max(1, action.level.available))}
          {noteField()}
        </>
      )}
      {action?.kind === 'adjust' && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('stock.adjustHint', { reserved: action.level.reserved })}
          />
          <Form.Item name="onHand" label={t('stock.counted')} rules={[required]}>
            <InputNumber min={action.level.reserved} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {noteField(true)}
        </>
      )}
      {action?.kind === 'min' && (
        <Form.Item name="minQty" label={t('stock.minQty')} extra={t('stock.minHint')} rules={[required]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
