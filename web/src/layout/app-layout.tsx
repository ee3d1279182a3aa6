import { ApartmentOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tooltip } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api/client';
import { useMe, useSession } from '../auth/session';
import { ChangePasswordModal } from '../components/change-password-modal';
import { t } from '../locales';
import { PageSpinner } from '../components/page-spinner';
import { NAV_ITEMS, selectedKeyFor, toMenuItems } from './nav';
import './app-layout.css';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const me = useMe();
  const { logout } = useSession();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const selectedKey = selectedKeyFor(location.pathname);
  const menuItems = useMemo(() => toMenuItems(NAV_ITEMS, me.role), [me.role]);

  const onLogout = async () => {
    try {
      await logout();
      message.success(t('header.loggedOut'));
    } catch (error) {
      message.error(errorMessage(error));
    }
    await navigate('/login', { replace: true });
  };

  return (
    <Layout className="zg-shell">
      <Header className="zg-header">
        <a
          className="zg-brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            void navigate('/');
          }}
        >
          <span className="zg-brand-mark">组</span>
          <span className="zg-brand-name">{t('app.name')}</span>
          <span className="zg-brand-slogan">{t('app.slogan')}</span>
        </a>
        <Space size={20} className="zg-header-right">
          <Tooltip title={t('header.scope')}>
            <span className="zg-header-item" data-testid="header-scope">
              <ApartmentOutlined /> {me.scopeOrgName}
            </span>
          </Tooltip>
          <span className="zg-header-item" data-testid="header-user">
            <UserOutlined /> {me.displayName}
            <span className="zg-role">{me.roleLabel}</span>
          </span>
          <Button
            type="text"
            className="zg-header-button"
            icon={<KeyOutlined />}
            onClick={() => setPasswordOpen(true)}
          >
            {t('header.changePassword')}
          </Button>
          <Button
            type="text"
            className="zg-header-button"
            icon={<LogoutOutlined />}
            onClick={() => void onLogout()}
          >
            {t('header.logout')}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider
          width={200}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          className="zg-sider"
        >
          <Menu
            mode="inline"
            items={menuItems}
            selectedKeys={[selectedKey]}
            defaultOpenKeys={selectedKey.startsWith('/admin') ? ['system'] : []}
            onClick={({ key }) => void navigate(key)}
          />
        </Sider>
        <Content className="zg-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
