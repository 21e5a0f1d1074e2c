import type { TObligationState } from '@techserve/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLOURS: Record<TObligationState, string> = {
  open: 'processing',
  on_time: 'success',
  late: 'error',
  excused: 'default',
  cancelled: 'default',
};

/** An obligation's state: open (overdue in red), on time, late by N minutes, excused, cancelled. */
export function ObligationTag({
  state,
  overdue,
  lateMinutes,
}: {
  state: TObligationState;
  overdue?: boolean;
  lateMinutes?: number | null;
}) {
  const { t } = useTranslation();
  if (state === 'open' && overdue)
    return (
      <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="obligation-state">
        {t('reports.overdue')}
      </Tag>
    );
  return (
    <Tag color={COLOURS[state]} style={{ marginInlineEnd: 0 }} data-testid="obligation-state">
      {state === 'late' ? t('reports.lateBy', { minutes: lateMinutes ?? 0 }) : t(`reports.state_${state}`)}
    </Tag>
  );
}
