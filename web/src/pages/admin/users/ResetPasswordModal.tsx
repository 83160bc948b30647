import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../../api/endpoints';
import type { User } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { newPasswordRules } from '../../../lib/forms';

type Values = { newPassword: string };

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    if (!user) return;
    await usersApi.resetPassword(user.id, values.newPassword);
    void message.success(t('users.passwordReset'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      resetKey={user?.id}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Form.Item name="newPassword" label={t('users.newPassword')} rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
