import { i18n } from '../../i18n/initI18n';

// The notifications feature registers its own texts so the shared language files stay untouched.
const zhCN = {
  bell: '通知',
  bellUnread: '通知（{{count}} 条未读）',
  title: '通知',
  markAllRead: '全部标为已读',
  unreadOnly: '只看未读',
  empty: '暂无通知',
  emptyUnread: '没有未读通知',
  unread: '未读',
  loadMore: '加载更多',
  loadFailed: '通知加载失败',
};

const en: typeof zhCN = {
  bell: 'Notifications',
  bellUnread: 'Notifications ({{count}} unread)',
  title: 'Notifications',
  markAllRead: 'Mark all read',
  unreadOnly: 'Unread only',
  empty: 'No notifications',
  emptyUnread: 'No unread notifications',
  unread: 'Unread',
  loadMore: 'Load more',
  loadFailed: 'Could not load notifications',
};

i18n.addResourceBundle('zh-CN', 'translation', { notifications: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { notifications: en }, true, true);
