import { Alert, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Complaint, ComplaintStep } from '../../api/complaint-types';
import { DateInput } from '../../components/DateInput';
import { useActionOwnerOptions } from '../../lib/complaint-lookups';
import { useDepartmentOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { shanghaiInstant, shanghaiPickerValue, TIME_FORMAT } from '../../lib/time';
import { causeOptions } from './common';

// The form of each workflow step. Field names are the API's, so a 400 from the server lands on the
// field it names.

export type StepValues = Record<string, unknown> & { actionDueAt?: Dayjs | null };

/** Values of the form as the step's body (times picked in Beijing wall-clock time). */
export const stepBody = (values: StepValues): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = k === 'actionDueAt' ? shanghaiInstant(v as Dayjs) : typeof v === 'string' ? v.trim() : v;
  }
  return out;
};

/** What a revised action or a repeated route starts from. */
export const stepInitialValues = (step: ComplaintStep, c: Complaint): StepValues => {
  switch (step) {
    case 'route':
      return { departmentId: c.departmentId ?? undefined };
    case 'action':
      return {
        rootCause: c.rootCause ?? undefined,
        causeClass: c.causeClass ?? undefined,
        correctiveAction: c.correctiveAction ?? undefined,
        actionOwnerUserId: c.actionOwnerUserId ?? undefined,
        actionDueAt: c.actionDueAt ? shanghaiPickerValue(c.actionDueAt) : undefined,
      };
    case 'recheck':
      return { effective: true };
    default:
      return {};
  }
};

export function StepFields({ step, complaint }: { step: ComplaintStep; complaint: Complaint }) {
  const { t } = useTranslation();
  const can = useCan();
  const departments = useDepartmentOptions(step === 'route' && can('org.read'));
  const owners = useActionOwnerOptions(step === 'action');
  const required = { required: true, message: t('users.required') };
  const text = { ...required, whitespace: true };
  switch (step) {
    case 'route':
      return (
        <>
          <Form.Item name="departmentId" label={t('complaint.department')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.options}
              loading={departments.loading}
              data-testid="complaint-department"
            />
          </Form.Item>
          <Form.Item name="note" label={t('complaint.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'action':
      return (
        <>
          <Form.Item name="rootCause" label={t('complaint.rootCause')} rules={[text]}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="complaint-root-cause" />
          </Form.Item>
          <Form.Item name="causeClass" label={t('complaint.causeClass')} rules={[required]}>
            <Select options={causeOptions(t)} data-testid="complaint-cause-class" />
          </Form.Item>
          <Form.Item name="correctiveAction" label={t('complaint.correctiveAction')} rules={[text]}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="complaint-action" />
          </Form.Item>
          <Form.Item name="actionOwnerUserId" label={t('complaint.actionOwner')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={owners}
              data-testid="complaint-owner"
            />
          </Form.Item>
          <Form.Item name="actionDueAt" label={t('complaint.actionDue')} rules={[required]}>
            <DateInput
              showTime={{ format: 'HH:mm' }}
              format={TIME_FORMAT}
              data-testid="complaint-action-due"
            />
          </Form.Item>
        </>
      );
    case 'feedback':
      return (
        <>
          <Alert type="info" showIcon title={t('complaint.feedbackHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="feedbackText" label={t('complaint.feedbackText')} rules={[text]}>
            <Input.TextArea rows={5} maxLength={5000} showCount data-testid="complaint-feedback-text" />
          </Form.Item>
        </>
      );
    case 'recheck':
      return (
        <>
          <Form.Item name="recheckResult" label={t('complaint.recheckResult')} rules={[text]}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="complaint-recheck-result" />
          </Form.Item>
          <Form.Item name="effective" label={t('complaint.effective')}>
            <Radio.Group
              data-testid="complaint-recheck-effective"
              options={[
                { value: true, label: t('complaint.effectiveYes') },
                { value: false, label: t('complaint.effectiveNo') },
              ]}
            />
          </Form.Item>
        </>
      );
    case 'close':
      return (
        <>
          {complaint.compensationStatus === 'claimed' && (
            <Alert
              type="warning"
              showIcon
              title={t('complaint.compensation.pendingHint')}
              style={{ marginBottom: 12 }}
            />
          )}
          <Form.Item name="note" label={t('complaint.note')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="complaint-close-note" />
          </Form.Item>
        </>
      );
    case 'cancel':
      return (
        <Form.Item name="reason" label={t('complaint.reason')} rules={[text]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="complaint-cancel-reason" />
        </Form.Item>
      );
  }
}
