import type { TWorkload } from '@techserve/core';
import { Card, Flex, Input, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ReportChart } from './ReportChart';
import { hours } from './reportDates';
import { useWorkload } from './useReports';
import './i18n';

type Person = TWorkload['people'][number];

/** WR-8 content: what the person's time went on — requests worked, customers visited, places travelled to. */
function ContentCell({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.content.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid={`workload-content-${person.userId}`}>
      {person.content.map((c, i) => (
        <span key={`${c.source}-${i}`}>
          <Tag>{t(`reports.content_${c.source}`)}</Tag>
          {c.label}
          <Typography.Text type="secondary">
            {' · '}
            {c.minutes > 0 ? `${hours(c.minutes)} ${t('reports.hoursUnit')}` : t('reports.contentCount', { count: c.count })}
          </Typography.Text>
        </span>
      ))}
    </Flex>
  );
}

/** WR-8: working time and content per person and team (requests, time recorded, visits, daily logs, trips, and what the time went on), with charts. */
export function WorkloadPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(dayjs().startOf('month').format('YYYY-MM-DD'));
  const [to, setTo] = useState(dayjs().format('YYYY-MM-DD'));
  const query = useWorkload(from, to);
  const people = [...(query.data?.people ?? [])].sort((a, b) => b.timeMinutes + b.onSiteMinutes - (a.timeMinutes + a.onSiteMinutes));
  const top = people.slice(0, 20);
  const columns: ColumnsType<Person> = [
    { title: t('reports.person'), dataIndex: 'name', key: 'name', fixed: 'left' },
    { title: t('reports.team'), key: 'team', render: (_, p) => p.teamName ?? '—' },
    { title: t('reports.requestsWorked'), dataIndex: 'requestsWorked', key: 'rw' },
    { title: t('reports.requestsResolved'), dataIndex: 'requestsResolved', key: 'rr' },
    { title: t('reports.timeSpent'), key: 'time', render: (_, p) => hours(p.timeMinutes) },
    { title: t('reports.visits'), dataIndex: 'visits', key: 'v' },
    { title: t('reports.onSite'), key: 'onsite', render: (_, p) => hours(p.onSiteMinutes) },
    { title: t('reports.dailyLogs'), dataIndex: 'dailyLogs', key: 'd' },
    { title: t('reports.loggedHours'), key: 'logged', render: (_, p) => hours(p.loggedMinutes) },
    { title: t('reports.travelDays'), dataIndex: 'travelDays', key: 'trip' },
    { title: t('reports.workloadContent'), key: 'content', render: (_, p) => <ContentCell person={p} /> },
  ];
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('reports.workload')}
        extra={
          <Flex gap={8} wrap>
            <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} data-testid="workload-from" />
            <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} data-testid="workload-to" />
          </Flex>
        }
      />
      {query.isLoading && <Skeleton active />}
      {query.data && (
        <>
          <Card size="small" title={t('reports.chartHours')}>
            <ReportChart
              testId="chart-workload"
              height={320}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 40, right: 10, bottom: 70, top: 20 },
                xAxis: { type: 'category', data: top.map((p) => p.name), axisLabel: { rotate: 30, interval: 0 } },
                yAxis: { type: 'value', name: t('reports.hoursUnit') },
                series: [
                  { name: t('reports.timeSpent'), type: 'bar', stack: 'h', data: top.map((p) => hours(p.timeMinutes)) },
                  { name: t('reports.onSite'), type: 'bar', stack: 'h', data: top.map((p) => hours(p.onSiteMinutes)) },
                  { name: t('reports.loggedHours'), type: 'line', data: top.map((p) => hours(p.loggedMinutes)) },
                ],
              }}
            />
          </Card>
          <Card size="small" title={t('reports.chartTeams')}>
            <ReportChart
              testId="chart-teams"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 40, right: 10, bottom: 50, top: 20 },
                xAxis: { type: 'category', data: query.data.teams.map((x) => x.teamName ?? t('reports.noTeam')) },
                yAxis: { type: 'value' },
                series: [
                  { name: t('reports.requestsWorked'), type: 'bar', data: query.data.teams.map((x) => x.requestsWorked) },
                  { name: t('reports.visits'), type: 'bar', data: query.data.teams.map((x) => x.visits) },
                  { name: t('reports.dailyLogs'), type: 'bar', data: query.data.teams.map((x) => x.dailyLogs) },
                ],
              }}
            />
          </Card>
          <Table<Person>
            rowKey="userId"
            size="small"
            columns={columns}
            dataSource={people}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="workload-table"
          />
        </>
      )}
    </Flex>
  );
}
