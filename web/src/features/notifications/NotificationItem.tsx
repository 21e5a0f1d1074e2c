import type { TNotification } from '@techserve/core';
import { Badge, Flex, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import type { TLanguage } from '../../i18n/initI18n';
import { dayjsLocale } from '../../i18n/useLanguage';

dayjs.extend(relativeTime);

/** One notification in the drawer: title and body in the UI language, relative time, unread ones bold. */
export function NotificationItem({
  item,
  language,
  onOpen,
}: {
  item: TNotification;
  language: TLanguage;
  onOpen: (item: TNotification) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const unread = item.readAt === null;
  const when = dayjs(item.createdAt).locale(dayjsLocale(language));
  return (
    <div
      role="button"
      tabIndex={0}
      data-testid={`notification-${item.id}`}
      onClick={() => onOpen(item)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(item);
        }
      }}
      style={{
        padding: '10px 12px',
        cursor: 'pointer',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: unread ? token.colorPrimaryBg : undefined,
      }}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong={unread} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {unread && <Badge status="processing" aria-label={t('notifications.unread')} style={{ marginInlineEnd: 6 }} />}
          {language === 'en' ? item.title.en : item.title.zh}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} title={when.format('YYYY-MM-DD HH:mm')}>
          {when.fromNow()}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', overflowWrap: 'anywhere', fontWeight: unread ? 500 : undefined }}>
        {language === 'en' ? item.body.en : item.body.zh}
      </Typography.Text>
    </div>
  );
}
