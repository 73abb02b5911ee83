import {
  DownOutlined,
  IdcardOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useRoleLabel } from '../components/role-select';
import { LanguageSwitch } from '../components/language-switch';
import { NotificationBell } from '../features/duties/notification-bell';
import { api, setUnauthorizedHandler } from '../lib/api';
import { useI18n } from '../lib/i18n/i18n';
import { SESSION_KEY, useAccess, useSession, useSetSession } from '../lib/session';
import { ChangePasswordModal } from './change-password-modal';
import { NAV_ITEMS } from './nav';

const SIDER_WIDTH = 208;

/** The signed-in frame: menu per role (a drawer on phones), header with language and account. */
export const AppLayout = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const session = useSession();
  const setSession = useSetSession();
  const qc = useQueryClient();
  const { roles, canRead } = useAccess();
  const roleLabel = useRoleLabel();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const mobile = !(screens.md ?? true);

  useEffect(() => {
    setUnauthorizedHandler((problem) => {
      const expired = problem.code === 'auth.session_expired';
      setSession(null);
      navigate(expired ? '/login?expired=1' : '/login', {
        replace: true,
        state: { from: window.location.pathname + window.location.search },
      });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, setSession]);

  // A tap on a menu item navigates; the drawer closes with it.
  const [drawerPath, setDrawerPath] = useState(location.pathname);
  if (drawerPath !== location.pathname) {
    setDrawerPath(location.pathname);
    setDrawerOpen(false);
  }

  if (session.isLoading) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (!session.data)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  const account = session.data.account;
  const items = NAV_ITEMS.filter((i) => canRead(i.area));
  const selected = items.find((i) => location.pathname.startsWith(i.path))?.path;
  const menu = (
    <Menu
      data-testid="main-menu"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items.map((i) => ({
        key: i.path,
        icon: i.icon,
        label: i.label ? t(i.label) : '',
        'data-testid': `menu-${i.path.slice(1)}`,
      }))}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );

  const logout = async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setSession(null);
      navigate('/login', { replace: true });
    }
  };

  const brand = (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        paddingInline: 20,
        color: '#b71c1c',
        fontWeight: 700,
        fontSize: 18,
        whiteSpace: 'nowrap',
      }}
    >
      {t('app.shortTitle')}
      <Typography.Text
        type="secondary"
        ellipsis
        style={{ fontSize: 12, marginInlineStart: 8, fontWeight: 400, minWidth: 0 }}
      >
        {t('app.title').split('·')[1]?.trim()}
      </Typography.Text>
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider
          width={SIDER_WIDTH}
          theme="light"
          style={{ position: 'sticky', top: 0, height: '100vh', borderInlineEnd: '1px solid #f0f0f0' }}
        >
          {brand}
          {menu}
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 32}
          styles={{ body: { padding: 0 } }}
          title={t('app.shortTitle')}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: mobile ? 8 : 24,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {mobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
                aria-label={t('app.menu')}
                data-testid="menu-toggle"
              />
            )}
            {mobile && <span style={{ color: '#b71c1c', fontWeight: 700 }}>{t('app.shortTitle')}</span>}
          </div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
            <NotificationBell />
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'roles',
                    disabled: true,
                    label: roles.map(roleLabel).join('、'),
                  },
                  { type: 'divider' },
                  {
                    key: 'account',
                    icon: <IdcardOutlined />,
                    label: t('app.myAccount'),
                    'data-testid': 'account-menu-account',
                  },
                  { key: 'password', icon: <LockOutlined />, label: t('app.changePassword') },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('app.logout'), danger: true },
                ],
                onClick: ({ key }) => {
                  if (key === 'account') navigate('/account');
                  if (key === 'password') setPasswordOpen(true);
                  if (key === 'logout') void logout();
                },
              }}
            >
              <Button type="text" data-testid="account-menu">
                <UserOutlined />
                {!mobile && account.displayName}
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 8 : 24 }}>
          {/* Pages load on first visit (route-level code splitting, router.tsx). */}
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={passwordOpen || session.data.passwordExpired}
        forced={session.data.passwordExpired}
        onCancel={() => setPasswordOpen(false)}
        onDone={() => {
          setPasswordOpen(false);
          void qc.invalidateQueries({ queryKey: SESSION_KEY });
        }}
      />
    </Layout>
  );
};
