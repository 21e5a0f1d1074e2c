import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLOURS: Record<string, string> = {
  submitted: 'gold',
  requested: 'gold',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
  completed: 'blue',
  paid: 'blue',
  settled: 'blue',
  draft: 'default',
};

/** A trip's, advance's or claim's status as a coloured tag. */
export function TravelStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`travel.status_${status}`)}</Tag>;
}
