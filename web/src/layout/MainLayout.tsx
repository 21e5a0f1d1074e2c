import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Space, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { useSession } from '../features/auth/useSession';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { SideMenu } from './SideMenu';

export function MainLayout() {
  const { t } = useTranslation();
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  // ≤ 576 px (below antd's `sm`) the side menu becomes a drawer.
  const isPhone = screens.sm === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();
  const permissions = session?.user.permissions ?? [];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: isPhone ? 12 : 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {isPhone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            data-testid="menu-toggle"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {t('common.appName')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <GlobalSearch compact={isPhone} />
        <NotificationBell />
        <LanguageSwitch />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
            ],
            onClick: ({ key }) => {
              if (key === 'account') navigate('/account');
              if (key === 'logout') void logout().then(() => navigate('/'));
            },
          }}
        >
          <Button type="text" data-testid="user-menu">
            <Space size={4}>
              <UserOutlined />
              {!isPhone && session?.user.name}
              <DownOutlined style={{ fontSize: 10 }} />
            </Space>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('common.appName')}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu permissions={permissions} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            width={220}
            breakpoint="lg"
            collapsible
            theme="light"
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <SideMenu permissions={permissions} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
