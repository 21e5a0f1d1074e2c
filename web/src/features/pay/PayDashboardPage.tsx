import type { TPayDashboard } from '@techserve/core';
import { Card, Empty, Flex } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { MonthPicker } from '../appraisal/MonthPicker';
import { ReportChart } from '../reports/ReportChart';
import { usePayDashboard } from './usePay';
import './i18n';

/** One line per team (or region): its average score per month, gaps where it had no final sheet. */
function trendOption(d: TPayDashboard, groups: TPayDashboard['teams'], yName: string) {
  const ids = [...new Set(groups.map((g) => g.id))];
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category' as const, data: d.months },
    yAxis: { type: 'value' as const, name: yName },
    series: ids.map((id) => ({
      type: 'line' as const,
      connectNulls: false,
      name: groups.find((g) => g.id === id)?.name ?? String(id),
      data: d.months.map((m) => {
        const g = groups.find((x) => x.id === id && x.month === m);
        return g && g.averageTenths !== null ? g.averageTenths / 10 : null;
      }),
    })),
  };
}

/** Issue 16 item 14: grade distribution, fines and bonuses by rule, and trends per team and region over months. */
export function PayDashboardPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => dayjs().subtract(6, 'month').format('YYYY-MM'));
  const [to, setTo] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const dashboard = usePayDashboard(from, to);
  const d = dashboard.data;
  const empty = d && d.grades.every((g) => g.A + g.B + g.C + g.none === 0);
  const rules = d ? [...new Set(d.byRule.map((r) => r.ruleId))] : [];
  const ruleSum = (kind: 'fine' | 'bonus') =>
    rules.map((id) => Math.abs(d?.byRule.find((r) => r.ruleId === id && r.kind === kind)?.amountFen ?? 0) / 100);
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('pay.dashboard')} />
      <Flex gap={8} wrap>
        <MonthPicker value={from} onChange={setFrom} />
        <MonthPicker value={to} onChange={setTo} />
      </Flex>
      {empty && <Empty description={t('pay.noData')} />}
      {d && !empty && (
        <>
          <Card size="small" title={t('pay.gradeDistribution')}>
            <ReportChart
              testId="pay-grades"
              height={240}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 40, right: 16, top: 36, bottom: 28 },
                xAxis: { type: 'category', data: d.months },
                yAxis: { type: 'value', minInterval: 1, name: t('pay.people') },
                series: (['A', 'B', 'C', 'none'] as const).map((g) => ({
                  type: 'bar',
                  stack: 'grades',
                  name: g === 'none' ? t('pay.notGraded') : g,
                  data: d.grades.map((x) => x[g]),
                })),
              }}
            />
          </Card>
          <Card size="small" title={t('pay.byRule')}>
            <ReportChart
              testId="pay-rules"
              height={240}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 48, right: 16, top: 36, bottom: 28 },
                xAxis: { type: 'category', data: rules },
                yAxis: { type: 'value' },
                series: [
                  { type: 'bar', name: t('pay.fines'), data: ruleSum('fine') },
                  { type: 'bar', name: t('pay.bonuses'), data: ruleSum('bonus') },
                ],
              }}
            />
          </Card>
          <Card size="small" title={t('pay.teamTrend')}>
            <ReportChart testId="pay-teams" height={240} option={trendOption(d, d.teams, t('pay.averageScore'))} />
          </Card>
          <Card size="small" title={t('pay.regionTrend')}>
            <ReportChart testId="pay-regions" height={240} option={trendOption(d, d.regions, t('pay.averageScore'))} />
          </Card>
        </>
      )}
    </Flex>
  );
}
