import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { FieldFeedback, WorkOrder } from '../../api/field-types';
import { DateInput } from '../../components/DateInput';
import { useApiErrorHandler } from '../../lib/errors';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { useCan } from '../../lib/session';
import { dateFieldProps, dayjs, formatTime, TIME_ZONE } from '../../lib/time';
import { useWorkOrderAction } from './common';

interface Values {
  returnedOn: string;
  nature?: string;
  cause?: string;
  handling?: string;
}

const FEEDBACK_COLOURS: Record<string, string> = { draft: 'default', submitted: 'blue', signed: 'green' };

export function FeedbackStatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={FEEDBACK_COLOURS[status]} data-testid="feedback-status" data-status={status}>
        {t(`field.feedbackStatuses.${status}`, { defaultValue: status })}
      </Tag>
      {overdue && <Tag color="red">{t('feedback.overdue')}</Tag>}
    </Space>
  );
}

/** The trip is over once the work is done; the form can only be written from then on. */
export const feedbackDue = (o: WorkOrder) => ['done', 'signed', 'closed'].includes(o.status) || !!o.feedback;

function FeedbackView({ feedback }: { feedback: FieldFeedback }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        { key: 'returned', label: t('feedback.returnedOn'), children: feedback.returnedOn },
        { key: 'due', label: t('feedback.dueOn'), children: feedback.dueOn },
        { key: 'nature', label: t('feedback.nature'), children: feedback.nature },
        { key: 'cause', label: t('feedback.cause'), children: feedback.cause },
        { key: 'handling', label: t('feedback.handling'), children: feedback.handling },
      ]}
    />
  );
}

/**
 * 外部质量信息反馈单: the engineer writes it within 10 days of coming back, the department head
 * signs it, and only then are the travel expenses reimbursed.
 */
export function FeedbackPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useWorkOrderChanged();
  const { busy, run } = useWorkOrderAction(order.id);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const fb = order.feedback;
  const canWrite = can('workorder.field') || can('workorder.write');
  const editable = canWrite && (!fb || fb.status === 'draft');

  const save = async (submit: boolean) => {
    let v: Values;
    try {
      // Submitting needs every field; a draft only the return date.
      v = submit ? await form.validateFields() : await form.validateFields(['returnedOn']);
      v = { ...form.getFieldsValue(), ...v };
    } catch {
      return;
    }
    setSaving(true);
    try {
      const next = await workOrdersApi.saveFeedback(order.id, {
        returnedOn: v.returnedOn,
        nature: v.nature?.trim() || null,
        cause: v.cause?.trim() || null,
        handling: v.handling?.trim() || null,
        submit,
        version: fb?.version ?? null,
      });
      changed(order.id, next);
      void message.success(submit ? t('feedback.submitted') : t('common.saved'));
    } catch (err) {
      handleError(err, { form, onConflict: () => changed(order.id) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="wo-feedback">
      {fb && (
        <Space wrap style={{ marginBottom: 12 }}>
          <FeedbackStatusTag status={fb.status} overdue={fb.overdue} />
          {fb.headSignedAt && (
            <span data-testid="feedback-signed">
              {t('feedback.signed', { name: fb.headSignedName ?? '', at: formatTime(fb.headSignedAt) })}
            </span>
          )}
        </Space>
      )}
      {editable ? (
        <Form<Values>
          form={form}
          layout="vertical"
          key={`${fb?.id ?? 'new'}:${fb?.version ?? 0}`}
          initialValues={{
            returnedOn: fb?.returnedOn ?? dayjs().tz(TIME_ZONE).format('YYYY-MM-DD'),
            nature: fb?.nature ?? '',
            cause: fb?.cause ?? '',
            handling: fb?.handling ?? '',
          }}
        >
          <Alert type="info" showIcon title={t('feedback.dueHint')} style={{ marginBottom: 12 }} />
          <Form.Item
            name="returnedOn"
            label={t('feedback.returnedOn')}
            rules={[{ required: true, message: t('users.required') }]}
            {...dateFieldProps}
          >
            <DateInput style={{ width: 200 }} data-testid="feedback-returned" />
          </Form.Item>
          {(['nature', 'cause', 'handling'] as const).map((f) => (
            <Form.Item key={f} name={f} label={t(`feedback.${f}`)}>
              <Input.TextArea rows={2} maxLength={2000} data-testid={`feedback-${f}`} />
            </Form.Item>
          ))}
          <Space wrap>
            <Button disabled={saving} onClick={() => void save(false)} data-testid="feedback-save">
              {t('feedback.save')}
            </Button>
            <Button
              type="primary"
              disabled={saving}
              data-testid="feedback-submit"
              onClick={() => {
                // Every text is needed once the form is handed in.
                const v = form.getFieldsValue();
                const missing = (['nature', 'cause', 'handling'] as const).filter((f) => !v[f]?.trim());
                if (missing.length > 0) {
                  form.setFields(missing.map((name) => ({ name, errors: [t('users.required')] })));
                  return;
                }
                void save(true);
              }}
            >
              {t('feedback.submit')}
            </Button>
          </Space>
        </Form>
      ) : (
        fb && <FeedbackView feedback={fb} />
      )}
      {fb?.status === 'submitted' && can('workorder.approve') && (
        <Popconfirm
          title={`${t('feedback.sign')}？`}
          onConfirm={() => void run(() => workOrdersApi.signFeedback(order.id, { version: fb.version }))}
        >
          <Button type="primary" style={{ marginTop: 12 }} disabled={busy} data-testid="feedback-sign">
            {t('feedback.sign')}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
