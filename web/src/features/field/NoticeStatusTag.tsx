import type { TNoticeStatus } from '@techserve/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLORS: Record<TNoticeStatus, string> = { pending: 'processing', signed: 'success', rejected: 'error' };

/** A service notice's status (FS-1) as a coloured tag. */
export function NoticeStatusTag({ status }: { status: TNoticeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="notice-status" data-status={status}>
      {t(`field.noticeStatus_${status}`)}
    </Tag>
  );
}
