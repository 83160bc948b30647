import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder } from '../../api/field-types';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useEngineerOptions, useWorkOrderChanged } from '../../lib/field-lookups';
import { dateFieldProps } from '../../lib/time';

interface Values {
  engineerIds: string[];
  leadEngineerId?: string;
  plannedDate?: string | null;
}

/** 派工 / 改派: who goes (the lead signs for the team) and on which day. */
export function DispatchModal({
  order,
  open,
  onClose,
}: {
  order: Pick<WorkOrder, 'id' | 'number' | 'version' | 'engineers' | 'plannedDate'>;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const engineers = useEngineerOptions(open);
  const changed = useWorkOrderChanged();
  const lead = order.engineers.find((e) => e.lead);

  return (
    <FormModal<Values>
      open={open}
      title={t('wo.dispatchTitle', { number: order.number })}
      initialValues={{
        engineerIds: order.engineers.map((e) => e.id),
        leadEngineerId: lead?.id,
        plannedDate: order.plannedDate,
      }}
      resetKey={`${order.id}:${order.version}`}
      onSubmit={async (v) => {
        const next = await workOrdersApi.dispatch(order.id, {
          version: order.version,
          engineerIds: v.engineerIds,
          leadEngineerId:
            v.leadEngineerId && v.engineerIds.includes(v.leadEngineerId) ? v.leadEngineerId : undefined,
          plannedDate: v.plannedDate ?? null,
        });
        changed(order.id, next);
        onClose();
      }}
      onCancel={onClose}
      onConflict={() => changed(order.id)}
    >
      <Form.Item
        name="engineerIds"
        label={t('wo.engineers')}
        rules={[{ required: true, message: t('wo.pickEngineers') }]}
      >
        <Select
          mode="multiple"
          loading={engineers.loading}
          options={engineers.options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('wo.pickEngineers')}
          data-testid="dispatch-engineers"
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.engineerIds !== b.engineerIds}>
        {({ getFieldValue }) => {
          const ids: string[] = getFieldValue('engineerIds') ?? [];
          return (
            <Form.Item name="leadEngineerId" label={t('wo.leadEngineer')} extra={t('wo.leadHint')}>
              <Select allowClear options={engineers.options.filter((o) => ids.includes(o.value))} />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item name="plannedDate" label={t('wo.planned')} {...dateFieldProps}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}
