import { App, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder } from '../../api/field-types';
import { useApiErrorHandler } from '../../lib/errors';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { ChargesSummary } from './ChargesTable';
import { SignatureField, type SignatureHandle } from './SignatureField';

/** Signing at the desk or on a tablet: the charges first, then the drawn signature and the signer's name. */
export function SignModal({
  order,
  open,
  onClose,
}: {
  order: WorkOrder;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useWorkOrderChanged();
  const pad = useRef<SignatureHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ signedBy: string; comment?: string }>();

  const submit = async (v: { signedBy: string; comment?: string }) => {
    if (!pad.current || pad.current.isEmpty()) {
      void message.warning(t('mobile.drawFirst'));
      return;
    }
    setBusy(true);
    try {
      const next = await workOrdersApi.sign(order.id, {
        version: order.version,
        signedBy: v.signedBy.trim(),
        image: pad.current.toDataUrl(),
        comment: v.comment?.trim() || null,
      });
      changed(order.id, next);
      void message.success(t('mobile.signed'));
      onClose();
    } catch (err) {
      handleError(err, { form, onConflict: () => changed(order.id) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('signature.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('mobile.confirm')}
      okButtonProps={{ disabled: busy || empty, 'data-testid': 'sign-confirm' }}
      width={640}
      destroyOnHidden
    >
      <ChargesSummary charges={order.charges} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 16 }}>
        <SignatureField ref={pad} onChange={setEmpty} />
        <Form.Item
          name="signedBy"
          label={t('mobile.signer')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
          style={{ marginTop: 12 }}
        >
          <Input maxLength={100} data-testid="sign-name" />
        </Form.Item>
        <Form.Item name="comment" label={t('mobile.comment')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
