import type { TPermission } from '@techserve/core';
import { Menu } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { buildMenuItems } from './buildMenuItems';

export function SideMenu({
  permissions,
  onNavigate,
}: {
  permissions: readonly TPermission[];
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMemo(() => buildMenuItems(permissions, t), [permissions, t]);
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
