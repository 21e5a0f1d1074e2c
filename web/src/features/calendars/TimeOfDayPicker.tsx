import { Button, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** Offer '24:00' (end of day), which a clock picker cannot show. */
  endOfDay?: boolean;
  error?: boolean;
  ariaLabel: string;
  testId?: string;
};

/** An 'HH:MM' time of day (the shared ZTimeOfDay format). */
export function TimeOfDayPicker({ value, onChange, endOfDay, error, ariaLabel, testId }: Props) {
  const { t } = useTranslation();
  const isEndOfDay = value === '24:00';
  return (
    <TimePicker
      format="HH:mm"
      minuteStep={5}
      needConfirm={false}
      showNow={false}
      allowClear={false}
      value={value && !isEndOfDay ? dayjs(`2000-01-01T${value}`) : null}
      placeholder={isEndOfDay ? '24:00' : 'HH:MM'}
      onChange={(time) => time && onChange(time.format('HH:mm'))}
      status={error ? 'error' : undefined}
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: 92 }}
      renderExtraFooter={
        endOfDay
          ? () => (
              <Button size="small" type="link" onClick={() => onChange('24:00')}>
                {t('calendars.endOfDay')}
              </Button>
            )
          : undefined
      }
    />
  );
}
