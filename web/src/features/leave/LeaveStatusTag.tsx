import type { TLeaveStatus } from '@techserve/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLOURS: Record<TLeaveStatus, string> = { submitted: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' };

/** A leave request's status as a coloured tag. */
export function LeaveStatusTag({ status }: { status: TLeaveStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`leave.status_${status}`)}
    </Tag>
  );
}
