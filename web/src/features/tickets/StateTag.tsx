import type { TTicketState } from '@techserve/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLOURS: Record<TTicketState, string> = {
  new: 'magenta',
  assigned: 'geekblue',
  accepted: 'blue',
  in_progress: 'processing',
  waiting: 'warning',
  resolved: 'cyan',
  confirmed: 'green',
  closed: 'default',
  cancelled: 'default',
};

export function StateTag({ state }: { state: TTicketState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[state]} data-testid="state-tag">
      {t(`tickets.state_${state}`)}
    </Tag>
  );
}
