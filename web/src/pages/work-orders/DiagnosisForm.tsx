import { App, Button, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { Cause, WorkOrder } from '../../api/field-types';
import { useApiErrorHandler } from '../../lib/errors';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { causeOptions } from './common';

interface Values {
  cause: Cause;
  diagnosis: string;
  meterHours?: number | null;
  majorFault?: boolean;
}

/** Work on the order can still change its diagnosis until the customer has signed. */
export const diagnosisEditable = (o: Pick<WorkOrder, 'status'>) =>
  ['planned', 'dispatched', 'travelling', 'on_site', 'done'].includes(o.status);

/**
 * 故障诊断: the cause decides who pays (entitlement), so saving re-runs the entitlement and the
 * charges on the server. `large` gives the phone its big radio buttons.
 */
export function DiagnosisForm({
  order,
  large = false,
  disabled = false,
}: {
  order: WorkOrder;
  large?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useWorkOrderChanged();
  const editable = !disabled && diagnosisEditable(order);

  const submit = async (v: Values) => {
    try {
      const next = await workOrdersApi.diagnosis(order.id, {
        version: order.version,
        cause: v.cause,
        diagnosis: v.diagnosis.trim(),
        meterHours: v.meterHours ?? null,
        majorFault: v.majorFault ?? false,
      });
      changed(order.id, next);
      form.setFieldsValue({ diagnosis: v.diagnosis.trim() });
      void message.success(t('diagnosis.saved'));
    } catch (err) {
      handleError(err, { form, onConflict: () => changed(order.id) });
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!editable}
      data-testid="diagnosis-form"
      // A fresh version (someone else saved) refills the form with what is stored now.
      key={`${order.id}:${order.version}`}
      initialValues={{
        cause: (order.cause as Cause) ?? 'unknown',
        diagnosis: order.diagnosis ?? '',
        meterHours: order.meterHours,
        majorFault: order.majorFault,
      }}
      onFinish={(v) => void submit(v)}
      style={large ? { fontSize: 16 } : undefined}
    >
      <Form.Item
        name="cause"
        label={t('diagnosis.cause')}
        rules={[{ required: true, message: t('users.required') }]}
      >
        {large ? (
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="diagnosis-cause"
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
            options={causeOptions(t).map((o) => ({
              ...o,
              style: { height: 52, lineHeight: '50px', fontSize: 16, textAlign: 'center', borderRadius: 8 },
            }))}
          />
        ) : (
          <Select options={causeOptions(t)} data-testid="diagnosis-cause" style={{ maxWidth: 240 }} />
        )}
      </Form.Item>
      <Form.Item
        name="diagnosis"
        label={t('diagnosis.text')}
        rules={[{ required: true, whitespace: true, message: t('users.required') }]}
      >
        <Input.TextArea
          rows={large ? 4 : 3}
          maxLength={4000}
          placeholder={t('diagnosis.textPlaceholder')}
          data-testid="diagnosis-text"
          style={large ? { fontSize: 16 } : undefined}
        />
      </Form.Item>
      {/* No `min` on the input: antd would silently turn −5 into 0; the rule says why it is refused. */}
      <Form.Item
        name="meterHours"
        label={t('diagnosis.meterHours')}
        rules={[{ type: 'number', min: 0, message: t('fieldErrors.negative') }]}
      >
        <InputNumber
          max={1_000_000}
          precision={0}
          style={{ width: large ? '100%' : 200, fontSize: large ? 16 : undefined }}
          size={large ? 'large' : 'middle'}
          data-testid="diagnosis-hours"
        />
      </Form.Item>
      <Form.Item name="majorFault" valuePropName="checked">
        <Checkbox style={large ? { fontSize: 16 } : undefined}>{t('diagnosis.majorFault')}</Checkbox>
      </Form.Item>
      {editable && (
        <Button
          type="primary"
          htmlType="submit"
          size={large ? 'large' : 'middle'}
          block={large}
          data-testid="diagnosis-save"
          style={large ? { height: 52, fontSize: 16 } : undefined}
        >
          {t('diagnosis.save')}
        </Button>
      )}
    </Form>
  );
}
