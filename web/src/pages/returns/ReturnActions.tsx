import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Steps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_ITEMS, type Checklist, type ReturnRequest } from '../../api/return-types';
import { type ReturnStepPath, returnsApi } from '../../api/returns';
import { FormModal } from '../../components/FormModal';
import { fenFieldProps } from '../../lib/format';
import { useReturnChanged } from '../../lib/return-lookups';
import { useCan } from '../../lib/session';
import { remedyLabel } from './common';

// The next steps of a request, each offered only in the status that allows it and to whoever may
// take it (SPEC §4: review by the desk, receipt/inspection by service, refund approval by finance).

type Action =
  | 'decide'
  | 'receive'
  | 'inspect'
  | 'draftRefund'
  | 'approveRefund'
  | 'exchange'
  | 'repair'
  | 'sendBack';

const PATHS: Record<Action, ReturnStepPath> = {
  decide: '/decision',
  receive: '/receipt',
  inspect: '/inspection',
  draftRefund: '/refund',
  approveRefund: '/refund/approve',
  exchange: '/exchange',
  repair: '/repair',
  sendBack: '/send-back',
};

/** What may be done now, by this user. */
export function availableActions(r: ReturnRequest, can: (p: never) => boolean): Action[] {
  const c = can as (p: string) => boolean;
  const out: Action[] = [];
  if (r.status === 'submitted' && c('return.review')) out.push('decide');
  if (r.status === 'approved' && c('return.handle')) out.push('receive');
  if (r.status === 'received' && c('return.handle')) out.push('inspect');
  if (r.status === 'passed') {
    if (r.option === 'refund') {
      if (c('return.handle') && r.refundStatus !== 'approved') out.push('draftRefund');
      if (c('return.refund') && r.refundStatus === 'drafted') out.push('approveRefund');
    }
    if ((r.option === 'exchange' || r.option === 'replacement') && c('return.handle')) out.push('exchange');
    if (r.option === 'repair' && c('return.handle')) out.push('repair');
  }
  if (r.status === 'failed' && c('return.handle')) out.push('sendBack');
  return out;
}

/** Where the request stands on its path; a rejected one stops at the review. */
export function ReturnSteps({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  const stage = r.closedAt !== null ? 4 : r.inspectedAt ? 3 : r.goodsReceivedAt ? 2 : r.decidedAt ? 1 : 0;
  return (
    <Steps
      size="small"
      current={r.closedAt ? 4 : stage}
      status={
        r.status === 'rejected' || r.status === 'failed' || r.status === 'sent_back' ? 'error' : undefined
      }
      items={(['submitted', 'decided', 'received', 'inspected', 'done'] as const).map((s) => ({
        title: t(`rma.steps.${s}`),
      }))}
    />
  );
}

export function ReturnActions({ r }: { r: ReturnRequest }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<Action | null>(null);
  const actions = availableActions(r, can as never);
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap>
        {actions.map((a, i) => (
          <Button
            key={a}
            type={i === 0 ? 'primary' : 'default'}
            onClick={() => setOpen(a)}
            data-testid={`return-action-${a}`}
          >
            {t(`rma.actions.${a}`)}
          </Button>
        ))}
      </Space>
      {open && <StepModal r={r} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

type Values = Record<string, unknown> & { checklist?: string[] };

function StepModal({ r, action, onClose }: { r: ReturnRequest; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useReturnChanged();
  const initial: Values =
    action === 'decide'
      ? {
          approved: true,
          option: r.eligibility.requestedAllowed ? r.requested : r.eligibility.options[0],
          via: 'mail',
        }
      : action === 'receive'
        ? { via: r.receiptVia ?? 'mail' }
        : action === 'inspect'
          ? { passed: true, checklist: [...CHECKLIST_ITEMS] }
          : action === 'draftRefund'
            ? { amountFen: r.refundFen ?? r.invoiceFen ?? undefined, invoiceFen: r.invoiceFen ?? undefined }
            : {};

  const submit = async (v: Values) => {
    const body: Record<string, unknown> = { version: r.version };
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined || val === null || (typeof val === 'string' && val.trim() === '')) continue;
      body[k] = typeof val === 'string' ? val.trim() : val;
    }
    if (action !== 'draftRefund') body.at = new Date().toISOString();
    if (action === 'inspect') {
      const ticked = new Set(v.checklist ?? []);
      body.checklist = Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, ticked.has(k)])) as Checklist;
    }
    if (action === 'decide' && v.approved === false) {
      delete body.option;
      delete body.via;
    }
    // Errors go back to FormModal, so a 400 lands on the field it names and a 409 reloads.
    changed(r.id, await returnsApi.step(r.id, PATHS[action], body));
    void message.success(t('rma.done'));
    onClose();
  };

  return (
    <FormModal<Values>
      open
      title={t(`rma.actions.${action}`)}
      initialValues={initial}
      resetKey={`${r.id}:${r.version}`}
      onSubmit={submit}
      onCancel={onClose}
      onConflict={() => changed(r.id)}
    >
      <StepFields r={r} action={action} />
    </FormModal>
  );
}

function StepFields({ r, action }: { r: ReturnRequest; action: Action }): ReactNode {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const approved = Form.useWatch('approved', form);
  const checklist = Form.useWatch('checklist', form);
  const required = { required: true, message: t('users.required') };
  const note = (label = t('rma.form.note'), rules: object[] = []) => (
    <Form.Item name="note" label={label} rules={rules}>
      <Input.TextArea rows={2} maxLength={2000} data-testid="return-step-note" />
    </Form.Item>
  );
  const via = (
    <Form.Item name="via" label={t('rma.form.via')} rules={[required]}>
      <Radio.Group
        data-testid="return-via"
        options={(['mail', 'pickup'] as const).map((v) => ({ value: v, label: t(`rma.via.${v}`) }))}
      />
    </Form.Item>
  );
  switch (action) {
    case 'decide':
      return (
        <>
          <Form.Item name="approved" label={t('rma.form.approved')} rules={[required]}>
            <Radio.Group
              data-testid="return-approved"
              options={[
                { value: true, label: t('rma.form.approve') },
                { value: false, label: t('rma.form.reject') },
              ]}
            />
          </Form.Item>
          {approved !== false && (
            <>
              <Form.Item name="option" label={t('rma.option')} rules={[required]}>
                <Select
                  data-testid="return-option"
                  options={r.eligibility.options.map((o) => ({ value: o, label: remedyLabel(t, o) }))}
                />
              </Form.Item>
              {via}
            </>
          )}
          {approved === false
            ? note(t('rma.form.rejectReason'), [{ ...required, whitespace: true }])
            : note()}
        </>
      );
    case 'receive':
      return via;
    case 'inspect': {
      const gaps = (checklist ?? []).length < CHECKLIST_ITEMS.length;
      return (
        <>
          <Form.Item name="checklist" label={t('rma.checklist.title')} extra={t('rma.form.checklistHint')}>
            <Checkbox.Group
              data-testid="return-checklist"
              options={CHECKLIST_ITEMS.map((k) => ({ value: k, label: t(`rma.checklist.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="passed" label={t('rma.form.passed')} rules={[required]}>
            <Radio.Group
              data-testid="return-passed"
              options={[
                { value: true, label: t('rma.form.pass'), disabled: gaps },
                { value: false, label: t('rma.form.fail') },
              ]}
            />
          </Form.Item>
          {note()}
        </>
      );
    }
    case 'draftRefund':
      return (
        <>
          <Form.Item name="invoiceFen" label={t('rma.form.invoice')} rules={[required]} {...fenFieldProps}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="return-invoice" />
          </Form.Item>
          <Form.Item name="amountFen" label={t('rma.form.amount')} rules={[required]} {...fenFieldProps}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="return-amount" />
          </Form.Item>
          {note()}
        </>
      );
    case 'exchange':
      return (
        <>
          <Form.Item
            name="replacementSerialNo"
            label={t('rma.form.replacementSerialNo')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input maxLength={60} data-testid="return-replacement" />
          </Form.Item>
          {note()}
        </>
      );
    case 'sendBack':
      return (
        <>
          {r.inspectionNote && (
            <Alert type="warning" showIcon title={r.inspectionNote} style={{ marginBottom: 12 }} />
          )}
          {note()}
        </>
      );
    default:
      return note();
  }
}
