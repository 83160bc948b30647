import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { archiveApi } from '../../api/archive';
import type { Customer } from '../../api/catalog-types';
import { FormModal } from '../../components/FormModal';
import { ARCHIVE_REQUESTS } from '../archive/common';

interface Props {
  customer: Customer;
  open: boolean;
  onClose: () => void;
}

/** 查询客户档案申请单: the reason goes to both department heads for sign-off. */
export function RequestAccessModal({ customer, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const submit = async ({ reason }: { reason: string }) => {
    await archiveApi.request({ customerId: customer.id, reason: reason.trim() });
    void message.success(t('archive.requested'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: [ARCHIVE_REQUESTS] });
  };

  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t('archive.requestTitle', { name: customer.name })}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Alert type="info" showIcon title={t('archive.requiredText')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t('archive.reason')}
        extra={t('archive.reasonHint')}
        rules={[
          { required: true, whitespace: true, message: t('users.required') },
          // Mirrors the server's 2–500 characters so the user hears about it before submitting.
          { min: 2, message: t('fieldErrors.minLength', { n: 2 }) },
          { max: 500, message: t('fieldErrors.maxLength', { n: 500 }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
