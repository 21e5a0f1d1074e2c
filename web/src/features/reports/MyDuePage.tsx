import { Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ObligationList } from './ObligationList';
import { useObligations } from './useReports';
import './i18n';

type Range = 'week' | 'overdue' | 'open' | 'all';

/** What I owe: due this week, overdue, everything open, or all — each with its due time and why. */
export function MyDuePage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>('week');
  const list = useObligations('mine', range);
  return (
    <>
      <PageHeader title={t('reports.myDue')} />
      <Segmented<Range>
        value={range}
        onChange={setRange}
        options={(['week', 'overdue', 'open', 'all'] as const).map((r) => ({ value: r, label: t(`reports.range_${r}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="due-range"
      />
      <ObligationList items={list.data?.items ?? []} loading={list.isLoading} testId="my-due" />
    </>
  );
}
