import type { TAppraisalSheet } from '@techserve/core';
import { useTranslation } from 'react-i18next';
import { ReportChart } from '../reports/ReportChart';
import './i18n';

/** AP-4 / issue 16 item 14: how many people got each grade this month (ungraded sheets apart). */
export function GradeChart({ sheets }: { sheets: TAppraisalSheet[] }) {
  const { t } = useTranslation();
  const grades = ['A', 'B', 'C', null] as const;
  const counts = grades.map((g) => sheets.filter((s) => s.grade === g).length);
  return (
    <ReportChart
      testId="grade-chart"
      height={220}
      option={{
        tooltip: {},
        grid: { left: 40, right: 16, top: 16, bottom: 28 },
        xAxis: { type: 'category', data: grades.map((g) => g ?? t('appraisal.notGraded')) },
        yAxis: { type: 'value', minInterval: 1, name: t('appraisal.people') },
        series: [{ type: 'bar', data: counts, name: t('appraisal.people') }],
      }}
    />
  );
}
