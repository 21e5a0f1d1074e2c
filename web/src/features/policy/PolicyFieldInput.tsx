import type { TFieldUnit } from '@techserve/core';
import { Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

const INTEGER_UNITS = new Set<TFieldUnit>([
  'minutes',
  'hours',
  'days',
  'workingDays',
  'months',
  'points',
  'count',
  'percent',
  'dayOfMonth',
  'workingDayOfMonth',
  'level',
]);

/** One policy value edited by its unit: money in yuan (stored in fen), whole numbers, times, switches. */
export function PolicyFieldInput({
  unit,
  value,
  options,
  disabled,
  onChange,
  id,
}: {
  unit: TFieldUnit;
  value: string | number | boolean | null;
  options?: string[];
  disabled: boolean;
  onChange: (value: string | number | boolean | null) => void;
  id: string;
}) {
  const { t } = useTranslation();
  const suffix = (key: string) => {
    const text = t(`policy.units.${key}`);
    return text ? text : undefined;
  };
  if (unit === 'flag' || typeof value === 'boolean') {
    return <Switch id={id} checked={value === true} disabled={disabled} onChange={(checked) => onChange(checked)} />;
  }
  if (unit === 'fen') {
    return (
      <InputNumber
        id={id}
        style={{ width: '100%' }}
        min={0}
        step={1}
        precision={2}
        value={typeof value === 'number' ? value / 100 : null}
        disabled={disabled}
        suffix={suffix('fen')}
        onChange={(yuan) => onChange(yuan === null ? null : Math.round(Number(yuan) * 100))}
      />
    );
  }
  if (unit === 'weekday') {
    return (
      <Select
        id={id}
        style={{ width: '100%' }}
        value={value as number}
        disabled={disabled}
        options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`policy.weekdays.${d}`) }))}
        onChange={(v) => onChange(v)}
      />
    );
  }
  if (options) {
    return (
      <Select
        id={id}
        style={{ width: '100%' }}
        value={value as string}
        disabled={disabled}
        options={options.map((o) => ({ value: o, label: o }))}
        onChange={(v) => onChange(v)}
      />
    );
  }
  if (typeof value === 'number' || value === null || INTEGER_UNITS.has(unit) || unit === 'ratio') {
    return (
      <InputNumber
        id={id}
        style={{ width: '100%' }}
        min={0}
        precision={unit === 'ratio' ? undefined : 0}
        step={unit === 'ratio' ? 0.1 : 1}
        value={value as number | null}
        disabled={disabled}
        suffix={suffix(unit)}
        onChange={(v) => onChange(v === null ? null : Number(v))}
      />
    );
  }
  return (
    <Input
      id={id}
      value={String(value ?? '')}
      disabled={disabled}
      maxLength={unit === 'time' ? 5 : undefined}
      placeholder={unit === 'time' ? 'HH:MM' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
