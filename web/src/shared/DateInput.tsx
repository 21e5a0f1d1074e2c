import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The dates a person may type, per language (issue 12 item 13). The first one is how a date is shown (the API's
 * `YYYY-MM-DD` in both languages); the others are read when typed: 2026/3/6, 20260306, 2026年3月6日 in Chinese,
 * 3/6/2026 in English.
 */
const TYPED_DATES = {
  zh: ['YYYY-MM-DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYY/MM/DD', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D日'],
  en: ['YYYY-MM-DD', 'YYYY-M-D', 'M/D/YYYY', 'MM/DD/YYYY', 'YYYY/M/D', 'YYYY/MM/DD', 'YYYYMMDD'],
};

/** The display format first, then every typed format the user's language accepts; `withTime` adds `HH:mm`. */
export function useDateFormats(withTime = false): string[] {
  const { i18n } = useTranslation();
  const dates = TYPED_DATES[i18n.language?.startsWith('en') ? 'en' : 'zh'];
  return withTime ? dates.flatMap((d) => [`${d} HH:mm`, `${d} H:mm`]) : dates;
}

type PickerProps = ComponentProps<typeof DatePicker>;
type TypedDatePickerProps = Omit<PickerProps, 'format' | 'showTime' | 'value' | 'onChange' | 'minuteStep'> & {
  value?: Dayjs | null;
  onChange?: (date: Dayjs | null) => void;
  withTime?: boolean;
  minuteStep?: 1 | 5 | 10 | 15 | 30;
};

/**
 * The one date (and time) picker of the app: the Ant Design picker that also takes a typed date in the language's
 * formats (never read-only), full width. Its value is a dayjs, as Ant Design forms hold it.
 */
export function TypedDatePicker({ withTime, minuteStep, onChange, ...props }: TypedDatePickerProps) {
  const format = useDateFormats(withTime);
  return (
    <DatePicker
      format={format}
      showTime={withTime ? { format: 'HH:mm', minuteStep } : undefined}
      style={{ width: '100%' }}
      onChange={(date) => onChange?.((date as Dayjs | null) ?? null)}
      {...(props as PickerProps)}
    />
  );
}

type DateInputProps = Omit<TypedDatePickerProps, 'value' | 'onChange' | 'withTime' | 'minuteStep'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date field whose value is the API's `YYYY-MM-DD` string (null when cleared); typed dates are accepted. */
export function DateInput({ value, onChange, ...props }: DateInputProps) {
  return (
    <TypedDatePicker
      {...props}
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
    />
  );
}
