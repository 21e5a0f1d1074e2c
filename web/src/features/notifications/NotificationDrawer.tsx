import type { TNotification } from '@techserve/core';
import { Alert, Button, Drawer, Empty, Flex, Grid, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiError } from '../../api/useApiError';
import { useLanguage } from '../../i18n/useLanguage';
import { NotificationItem } from './NotificationItem';
import { useMarkAllNotificationsRead } from './useMarkAllNotificationsRead';
import { useMarkNotificationRead } from './useMarkNotificationRead';
import { useNotifications } from './useNotifications';
import './i18n';

/** Only in-app paths are followed (`/tickets/12`), never another site. */
const isInAppPath = (link: string | null): link is string => link !== null && /^\/(?![/\\])/.test(link);

export function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const onError = useApiError();
  const isPhone = Grid.useBreakpoint().sm === false;
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ enabled: open, unreadOnly });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const openItem = (item: TNotification) => {
    if (item.readAt === null) markRead.mutate(item.id, { onError: (e) => onError(e) });
    if (isInAppPath(item.link)) {
      onClose();
      navigate(item.link);
    }
  };

  return (
    <Drawer
      placement="right"
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 420}
      title={t('notifications.title')}
      extra={
        <Button
          size="small"
          data-testid="notifications-read-all"
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: (e) => onError(e) })}
        >
          {t('notifications.markAllRead')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Flex align="center" gap={8} style={{ padding: '8px 12px' }}>
        <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} aria-label={t('notifications.unreadOnly')} />
        <Typography.Text>{t('notifications.unreadOnly')}</Typography.Text>
      </Flex>
      {list.isError ? (
        <Alert type="error" showIcon title={t('notifications.loadFailed')} style={{ margin: 12 }} />
      ) : list.isLoading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')} />
      ) : (
        items.map((item) => <NotificationItem key={item.id} item={item} language={language} onOpen={openItem} />)
      )}
      {list.hasNextPage && (
        <div style={{ padding: 12 }}>
          <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('notifications.loadMore')}
          </Button>
        </div>
      )}
    </Drawer>
  );
}
