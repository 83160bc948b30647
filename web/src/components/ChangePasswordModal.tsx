import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints';
import { ME_KEY } from '../lib/session';
import { FormModal } from './FormModal';
import { type PasswordChangeValues, PasswordFields } from './PasswordFields';

type Values = PasswordChangeValues;

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

  return (
    <FormModal<Values>
      open={props.open}
      title={t('password.title')}
      onSubmit={submit}
      onCancel={props.onClose}
    >
      <PasswordFields />
    </FormModal>
  );
}
