import type { TPermission } from '@techserve/core';
import { Menu } from 'antd';
import { useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { SessionContext } from '../features/auth/SessionContext';
import { buildMenuItems } from './buildMenuItems';

export function SideMenu({ permissions, onNavigate }: { permissions: readonly TPermission[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // A customer contact (scope: its company or site) sees the service-request entries worded for the portal.
  const scope = useContext(SessionContext)?.session?.user.role.scope;
  const portal = scope === 'company' || scope === 'site';
  const items = useMemo(() => buildMenuItems(permissions, t, { portal }), [permissions, t, portal]);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[pathname]}
      defaultOpenKeys={pathname.startsWith('/org') ? ['/org'] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
