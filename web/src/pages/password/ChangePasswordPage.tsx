import { KeyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { authApi } from '../../api/endpoints';
import { LangSwitch } from '../../components/LangSwitch';
import { type PasswordChangeValues, PasswordFields } from '../../components/PasswordFields';
import { useApiErrorHandler } from '../../lib/errors';
import { ME_KEY, useMeQuery, useResetSession } from '../../lib/session';

type Values = PasswordChangeValues;

/** Same-site paths only, never back to this page or the login page. */
function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    from !== '/login' &&
    from !== '/password'
    ? from
    : '/';
}

/**
 * The change-password page. A user whose password was generated or reset by an administrator is sent
 * here by RequireAuth and can do nothing else until it is changed (the server answers every other call
 * with 403 password_change_required); others reach it from the user menu's modal instead.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const resetSession = useResetSession();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  if (me.isPending) return <Spin fullscreen />;
  if (me.isError || !me.data) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to="/login" replace />;
    return <Navigate to="/" replace />;
  }
  const forced = me.data.mustChangePassword;

  const submit = async (values: Values) => {
    setSubmitting(true);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      void message.success(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      navigate(safeFrom(location.state), { replace: true });
    } catch (err) {
      handleError(err, { form });
    } finally {
      setSubmitting(false);
    }
  };

  const logout = async () => {
    try {
      await authApi.logout();
    } catch {
      // Already gone on the server; leaving is still right.
    }
    resetSession(null);
    navigate('/login', { replace: true });
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LangSwitch type="default" />
      </div>
      <Card style={{ width: 420, maxWidth: '92vw' }} data-testid="change-password-page">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          <KeyOutlined aria-hidden /> {t('password.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {me.data.displayName} ({me.data.username})
        </Typography.Paragraph>
        {forced && (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
        )}
        <Typography.Paragraph type="secondary">{t('password.rules', { n: 10 })}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <PasswordFields autoFocus />
          <Button type="primary" htmlType="submit" block size="large" disabled={submitting}>
            {t('password.submit')}
          </Button>
          <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>
            {t('userMenu.logout')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}

export default ChangePasswordPage;
