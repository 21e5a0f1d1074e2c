import { DatePicker } from 'antd';
import dayjs from 'dayjs';

type Props = { id?: string; value?: string | null; onChange?: (value: string | null) => void };

/** A date field whose value is the API's `YYYY-MM-DD` string (null when cleared). */
export function DateInput({ id, value, onChange }: Props) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
      style={{ width: '100%' }}
    />
  );
}
