import { DatePicker } from 'antd';
import dayjs from 'dayjs';

type Props = { id?: string; value?: string | null; onChange?: (value: string | null) => void; testId?: string };

/** A date and time field whose value is an ISO instant (null when cleared); the picker works in local time. */
export function InstantInput({ id, value, onChange, testId }: Props) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange?.(date ? date.toISOString() : null)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
