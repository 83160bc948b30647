import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { oldPartReturnsApi } from '../../api/parts';
import { APPRAISALS, type Appraisal, type OldPartReturn } from '../../api/parts-types';
import { FormModal } from '../../components/FormModal';
import { OLD_PART_RETURNS, STOCK, useLocationOptions } from '../../lib/parts-lookups';

type Values = { appraisal: Appraisal; storeLocationId: string; note?: string };

/** 技术部鉴定: reusable parts go back into the named store's stock; scrap and claims are recorded there. */
export function AppraiseModal({ item, onClose }: { item: OldPartReturn | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const stores = useLocationOptions(item !== null);
  const required = { required: true, message: t('users.required') };

  const submit = async (v: Values) => {
    if (!item) return;
    await oldPartReturnsApi.appraise(item.id, {
      version: item.version,
      appraisal: v.appraisal,
      storeLocationId: v.storeLocationId,
      note: v.note?.trim() || null,
    });
    void message.success(t('oldParts.appraised'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: [OLD_PART_RETURNS] });
    // A reusable part changes a store's stock.
    await queryClient.invalidateQueries({ queryKey: [STOCK] });
  };

  return (
    <FormModal<Values>
      open={item !== null}
      title={
        item
          ? t('oldParts.appraiseTitle', { part: `${item.partCode} ${item.partName} × ${item.quantity}` })
          : ''
      }
      resetKey={item ? `${item.id}:${item.version}` : 'none'}
      initialValues={{ appraisal: 'reusable' }}
      onSubmit={submit}
      onCancel={onClose}
      onConflict={() => {
        onClose();
        void queryClient.invalidateQueries({ queryKey: [OLD_PART_RETURNS] });
      }}
    >
      <Form.Item name="appraisal" label={t('oldParts.appraisal')} rules={[required]}>
        <Radio.Group
          optionType="button"
          options={APPRAISALS.map((a) => ({
            value: a,
            label: t(`oldParts.appraisals.${a}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="storeLocationId"
        label={t('oldParts.store')}
        extra={t('oldParts.storeHint')}
        rules={[required]}
      >
        <Select showSearch={{ optionFilterProp: 'label' }} options={stores.options} />
      </Form.Item>
      <Form.Item name="note" label={t('oldParts.note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
