import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationDrawer } from './NotificationDrawer';
import { useUnreadCount } from './useUnreadCount';
import './i18n';

/** The header bell: unread count (polled), opens the notifications drawer. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount().data?.count ?? 0;
  return (
    <>
      <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          data-testid="notification-bell"
          aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <NotificationDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
