import type { TLetterStatus } from '@techserve/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLORS: Record<TLetterStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'blue',
  on_site: 'orange',
  return_requested: 'gold',
  returned: 'cyan',
  confirmed: 'green',
  booked: 'success',
  cancelled: 'default',
};

/** A letter's status (FS-2..10) as a coloured tag. */
export function LetterStatusTag({ status }: { status: TLetterStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="letter-status" data-status={status}>
      {t(`field.letterStatus_${status}`)}
    </Tag>
  );
}
