import { ArrowLeftOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Flex, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { authApi } from '../../api/endpoints';
import { ChangePasswordModal } from '../../components/ChangePasswordModal';
import { LangSwitch } from '../../components/LangSwitch';
import { useResetSession } from '../../lib/session';

// Gloved fingers on a customer's site: every control at least 48 px high, text at least 16 px.
const MOBILE_THEME = {
  token: { fontSize: 16, controlHeight: 48, controlHeightLG: 52, controlHeightSM: 40, borderRadius: 8 },
};

/**
 * The engineer's phone frame: a slim header (back, title, language, sign out) and one column of
 * content, no side menu. Pages under /m render inside it.
 */
export function MobileShell({
  title,
  back,
  children,
}: {
  title: ReactNode;
  back?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const resetSession = useResetSession();
  const { token } = theme.useToken();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const logout = async () => {
    try {
      await authApi.logout();
    } catch {
      // Already gone on the server; leaving is still right.
    }
    resetSession(null);
    void message.success(t('userMenu.loggedOut'));
    navigate('/login', { replace: true });
  };

  return (
    <ConfigProvider theme={MOBILE_THEME}>
      <div
        style={{ minHeight: '100vh', background: token.colorBgLayout, fontSize: 16 }}
        data-testid="mobile-shell"
      >
        <Flex
          align="center"
          gap={4}
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            padding: '0 4px',
            background: '#001529',
            color: '#fff',
          }}
        >
          {back ? (
            <Button
              type="text"
              aria-label={t('mobile.back')}
              icon={<ArrowLeftOutlined aria-hidden style={{ color: '#fff', fontSize: 20 }} />}
              onClick={() => navigate(back)}
              style={{ width: 48, height: 48 }}
              data-testid="m-back"
            />
          ) : (
            <span style={{ width: 12 }} />
          )}
          <Typography.Text
            strong
            ellipsis
            style={{ color: '#fff', fontSize: 18, flex: 1, minWidth: 0 }}
            data-testid="m-title"
          >
            {title}
          </Typography.Text>
          <ConfigProvider
            theme={{ components: { Button: { colorText: '#fff', textHoverBg: 'rgba(255,255,255,0.12)' } } }}
          >
            <LangSwitch />
            <Button
              type="text"
              aria-label={t('mobile.logout')}
              icon={<LogoutOutlined aria-hidden style={{ color: '#fff', fontSize: 20 }} />}
              onClick={() => void logout()}
              style={{ width: 48, height: 48 }}
              data-testid="m-logout"
            />
          </ConfigProvider>
        </Flex>
        <div style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>{children}</div>
      </div>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </ConfigProvider>
  );
}
