import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import './i18n';

/** A month 'YYYY-MM' picked from a calendar. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      aria-label={t('appraisal.month')}
      value={dayjs(`${value}-01`)}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      data-testid="appraisal-month"
    />
  );
}
