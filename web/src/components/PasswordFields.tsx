import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { newPasswordRules } from '../lib/forms';

/** What both the forced change page and the user menu's modal submit. */
export interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, the new one under the server's rules, and its confirmation. */
export function PasswordFields(props: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('password.required') };
  return (
    <>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[required]}>
        <Input.Password autoComplete="current-password" autoFocus={props.autoFocus} />
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
    </>
  );
}
