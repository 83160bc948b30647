import { Grid, Layout, Menu, type MenuProps, Space, Spin, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../lib/session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { LangSwitch } from './LangSwitch';
import { NotificationBell } from './NotificationBell';
import { canSee, entryFor, HOME, NAV_GROUPS } from './nav';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const { token } = theme.useToken();
  // Phones (customers reporting from the machine's QR code): the menu slides away entirely.
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  // A group the role can see nothing of is left out entirely rather than shown empty.
  const groups = NAV_GROUPS.map((g) => ({
    key: g.key,
    icon: g.icon,
    label: t(g.label),
    children: g.entries
      .filter((e) => canSee(e, me))
      .map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{t(e.label)}</Link> })),
  })).filter((g) => g.children.length > 0);
  const items: MenuProps['items'] = [
    { key: HOME.path, icon: HOME.icon, label: <Link to={HOME.path}>{t(HOME.label)}</Link> },
    ...groups,
  ];
  const selected = entryFor(location.pathname)?.path ?? HOME.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        collapsedWidth={narrow ? 0 : 80}
        // The phone's menu button sits in the header's left corner instead of over the page.
        zeroWidthTriggerStyle={{ top: 12 }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? t('app.shortName').slice(0, 2) : t('app.shortName')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          defaultOpenKeys={NAV_GROUPS.map((g) => g.key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: narrow ? '0 12px 0 48px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title
            level={4}
            style={{ margin: 0, fontSize: narrow ? 16 : undefined, whiteSpace: 'nowrap' }}
          >
            {/* A phone's header has room for the bell, language and user only; the menu shows the name. */}
            {narrow ? (screens.sm ? t('app.shortName') : '') : t('app.name')}
          </Typography.Title>
          <Space size="small">
            <NotificationBell />
            <LangSwitch />
            <UserMenu onChangePassword={() => setPasswordOpen(true)} />
          </Space>
        </Header>
        <Content style={{ margin: narrow ? 8 : 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
