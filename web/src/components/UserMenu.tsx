import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Grid, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { authApi } from '../api/endpoints';
import { localName } from '../i18n';
import { useMe, useResetSession } from '../lib/session';

export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  // On a phone the header has room for the name only.
  const narrow = !Grid.useBreakpoint().md;

  const logout = async () => {
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone server-side; leaving the app is still the right outcome.
    }
    resetSession(null);
    void message.success(t('userMenu.loggedOut'));
    navigate('/login', { replace: true });
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'password',
            icon: <KeyOutlined aria-hidden />,
            label: <span data-testid="change-password">{t('userMenu.changePassword')}</span>,
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined aria-hidden />,
            label: <span data-testid="logout">{t('userMenu.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'password') onChangePassword();
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu">
        <Space size={6}>
          <UserOutlined aria-hidden />
          <span>{me.displayName}</span>
          {!narrow && <Typography.Text type="secondary">{localName(me.role)}</Typography.Text>}
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
