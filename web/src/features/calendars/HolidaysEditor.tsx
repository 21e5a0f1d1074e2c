import type { TCalendar } from '@techserve/core';
import { Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDefinitionDraft } from './calendarTypes';
import type { TDefinitionErrors } from './definitionErrors';
import { IcsImportExport } from './IcsImportExport';
import { NamedDatesTable } from './NamedDatesTable';

type Props = {
  calendar: TCalendar;
  draft: TDefinitionDraft;
  onChange: (draft: TDefinitionDraft) => void;
  errors: TDefinitionErrors;
  editable: boolean;
  dirty: boolean;
};

/** RS-1: public holidays (days off) and make-up working days (调休), with .ics import and export. */
export function HolidaysEditor({ calendar, draft, onChange, errors, editable, dirty }: Props) {
  const { t } = useTranslation();
  const years = [
    ...new Set([...draft.holidays, ...draft.makeupWorkdays].map((d) => Number(d.date.slice(0, 4))).filter((y) => y > 0)),
  ].sort();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | null>(years.includes(thisYear) ? thisYear : null);

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} justify="space-between" align="flex-start">
        <Select<number | 'all'>
          value={year ?? 'all'}
          onChange={(value) => setYear(value === 'all' ? null : value)}
          options={[{ value: 'all', label: t('calendars.allYears') }, ...years.map((y) => ({ value: y, label: String(y) }))]}
          aria-label={t('calendars.year')}
          style={{ width: 130 }}
          data-testid="holiday-year"
        />
        <IcsImportExport calendar={calendar} editable={editable} dirty={dirty} />
      </Flex>
      <NamedDatesTable
        field="holidays"
        list={draft.holidays}
        onChange={(holidays) => onChange({ ...draft, holidays })}
        year={year}
        errors={errors}
        editable={editable}
        title={t('calendars.holidays')}
      />
      <NamedDatesTable
        field="makeupWorkdays"
        list={draft.makeupWorkdays}
        onChange={(makeupWorkdays) => onChange({ ...draft, makeupWorkdays })}
        year={year}
        errors={errors}
        editable={editable}
        title={t('calendars.makeupWorkdays')}
      />
    </Flex>
  );
}
