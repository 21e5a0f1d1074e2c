import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TTimeInterval } from '@techserve/core';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type TDefinitionErrors, errorAt } from './definitionErrors';
import { TimeOfDayPicker } from './TimeOfDayPicker';

type Props = {
  intervals: TTimeInterval[];
  onChange: (intervals: TTimeInterval[]) => void;
  /** The definition path of this list, e.g. 'weeklyHours.mon', for error lookup. */
  path: string;
  errors: TDefinitionErrors;
  editable: boolean;
  label: string;
};

/** A day's working intervals: start–end pairs with add and remove. */
export function IntervalsEditor({ intervals, onChange, path, errors, editable, label }: Props) {
  const { t } = useTranslation();
  if (!editable) {
    return (
      <Typography.Text type={intervals.length ? undefined : 'secondary'}>
        {intervals.length ? intervals.map((iv) => `${iv.start}–${iv.end}`).join(', ') : t('calendars.closed')}
      </Typography.Text>
    );
  }
  const update = (index: number, patch: Partial<TTimeInterval>) =>
    onChange(intervals.map((iv, i) => (i === index ? { ...iv, ...patch } : iv)));
  const add = () => {
    const last = intervals[intervals.length - 1];
    // A new interval starts where the last one ended, an hour long, so it rarely overlaps.
    const start = last && last.end < '23:00' ? last.end : '09:00';
    const end = `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}${start.slice(2)}`;
    onChange([...intervals, { start, end }]);
  };
  return (
    <Flex vertical gap={6}>
      {intervals.length === 0 && <Typography.Text type="secondary">{t('calendars.closed')}</Typography.Text>}
      {intervals.map((iv, index) => {
        const startError = errorAt(errors, `${path}.${index}.start`);
        const endError = errorAt(errors, `${path}.${index}.end`);
        return (
          <Flex key={index} vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <TimeOfDayPicker
                value={iv.start}
                onChange={(start) => update(index, { start })}
                error={Boolean(startError)}
                ariaLabel={`${label} ${index + 1} ${t('calendars.start')}`}
                testId={`${path}.${index}.start`}
              />
              <span>–</span>
              <TimeOfDayPicker
                value={iv.end}
                onChange={(end) => update(index, { end })}
                endOfDay
                error={Boolean(endError)}
                ariaLabel={`${label} ${index + 1} ${t('calendars.end')}`}
                testId={`${path}.${index}.end`}
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('calendars.removeInterval')}
                onClick={() => onChange(intervals.filter((_, i) => i !== index))}
              />
            </Flex>
            {(startError || endError) && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {[startError, endError].filter(Boolean).join('; ')}
              </Typography.Text>
            )}
          </Flex>
        );
      })}
      <div>
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={add}>
          {t('calendars.addInterval')}
        </Button>
      </div>
    </Flex>
  );
}
