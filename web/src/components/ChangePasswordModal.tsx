import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints';
import { newPasswordRules } from '../lib/forms';
import { ME_KEY } from '../lib/session';
import { FormModal } from './FormModal';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The voluntary change from the user menu; a forced change has its own page (/password). */
export function ChangePasswordModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const submit = async (values: Values) => {
    await authApi.changePassword(values.currentPassword, values.newPassword);
    void message.success(t('password.changed'));
    props.onClose();
    // mustChangePassword is now false on the server; refetch so the prompt does not come back.
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  };

  const required = { required: true, message: t('password.required') };

  return (
    <FormModal<Values>
      open={props.open}
      title={t('password.title')}
      onSubmit={submit}
      onCancel={props.onClose}
    >
      <Form.Item name="currentPassword" label={t('password.current')} rules={[required]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
