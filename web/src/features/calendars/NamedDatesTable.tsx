import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TNamedDate } from '@techserve/core';
import { Button, Flex, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type TDefinitionErrors, errorAt } from './definitionErrors';
import { isoWeekdayOf } from './monthGrid';
import { DateInput } from '../../shared/DateInput';

type Field = 'holidays' | 'makeupWorkdays';
type Row = TNamedDate & { index: number };

type Props = {
  field: Field;
  list: TNamedDate[];
  onChange: (list: TNamedDate[]) => void;
  /** Shows only dates of this year (rows without a date always show). */
  year: number | null;
  errors: TDefinitionErrors;
  editable: boolean;
  title: string;
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Holidays or make-up working days: a (date, name) table with add and remove. */
export function NamedDatesTable({ field, list, onChange, year, errors, editable, title }: Props) {
  const { t } = useTranslation();
  const rows: Row[] = list
    .map((entry, index) => ({ ...entry, index }))
    .filter((row) => year === null || !row.date || row.date.startsWith(`${year}-`))
    // Sorted for reading; edits still address the entry by its index in the definition (error paths use it).
    .sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.index - b.index);
  const update = (index: number, patch: Partial<TNamedDate>) =>
    onChange(list.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));

  const columns: ColumnsType<Row> = [
    {
      title: t('calendars.date'),
      key: 'date',
      width: 148,
      render: (_, row) => {
        const error = errorAt(errors, `${field}.${row.index}.date`);
        const weekday =
          row.date && /^\d{4}-\d{2}-\d{2}$/.test(row.date) ? t(`calendars.weekday_${WEEKDAYS[isoWeekdayOf(row.date) - 1]}`) : '';
        return (
          <Flex vertical gap={2}>
            {editable ? (
              <DateInput
                value={row.date || null}
                onChange={(value) => update(row.index, { date: value ?? '' })}
                status={error ? 'error' : undefined}
                allowClear={false}
                // 调休 are Saturdays or Sundays worked; weekdays cannot be make-up days.
                disabledDate={field === 'makeupWorkdays' ? (d) => d.day() !== 0 && d.day() !== 6 : undefined}
                style={{ width: 128 }}
                aria-label={t('calendars.date')}
                data-testid={`${field}.${row.index}.date`}
              />
            ) : (
              <span>{row.date}</span>
            )}
            <Typography.Text type={error ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {error ?? weekday}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('calendars.dayName'),
      key: 'name',
      render: (_, row) => {
        const error = errorAt(errors, `${field}.${row.index}.name`);
        if (!editable) return row.name;
        return (
          <Flex vertical gap={2}>
            <Input
              value={row.name}
              onChange={(e) => update(row.index, { name: e.target.value })}
              status={error ? 'error' : undefined}
              aria-label={t('calendars.dayName')}
              data-testid={`${field}.${row.index}.name`}
            />
            {error && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {error}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
  ];
  if (editable) {
    columns.push({
      title: '',
      key: 'remove',
      width: 44,
      render: (_, row) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('calendars.remove')}
          onClick={() => onChange(list.filter((_, i) => i !== row.index))}
        />
      ),
    });
  }

  return (
    <Table<Row>
      rowKey="index"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      data-testid={`table-${field}`}
      title={() => (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>
            {title} ({rows.length})
          </Typography.Text>
          {editable && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => onChange([...list, { date: '', name: '' }])}
              data-testid={`add-${field}`}
            >
              {t('calendars.add')}
            </Button>
          )}
        </Flex>
      )}
    />
  );
}
