import { type TDashboardGroup, type TDashboardRate, type TExecutiveDashboard, plusDays } from '@techserve/core';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Spin, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { formatMinutes } from '../tickets/formatMinutes';
import { TicketChart } from '../tickets/TicketChart';
import { useExecutiveDashboard } from './useExecutiveDashboard';
import '../tickets/i18n';
import './i18n';

const DAY = 'YYYY-MM-DD';
const GRADE_COLOURS = { excellent: '#52c41a', good: '#95de64', fair: '#faad14', poor: '#f5222d' } as const;

const percentOf = (rate: TDashboardRate) => (rate.value === null ? '—' : `${(Math.round(rate.value * 1000) / 10).toFixed(1)}%`);

/** The request list of a range, and of a region or team (the list's query string). */
function ticketsUrl(from: string, to: string, extra: Record<string, string> = {}) {
  return `/tickets?${new URLSearchParams({ createdFrom: from, createdTo: to, ...extra }).toString()}`;
}

/** A rate as a statistic whose tooltip is its explanation (rule id, numbers). */
function RateStatistic({ title, rate, testId }: { title: string; rate: TDashboardRate; testId: string }) {
  return (
    <Tooltip title={<ExplanationLine explanation={rate.explanation} testId={`${testId}-explanation`} />} color="white">
      <span data-testid={testId}>
        <Statistic title={title} value={percentOf(rate)} />
      </span>
    </Tooltip>
  );
}

function GroupTable({ rows, kind, from, to }: { rows: TDashboardGroup[]; kind: 'region' | 'team'; from: string; to: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: ColumnsType<TDashboardGroup> = [
    {
      title: t(`dashboard.${kind}`),
      key: 'name',
      render: (_, row) =>
        row.id === null ? (
          <Typography.Text type="secondary">{t(kind === 'region' ? 'dashboard.noRegion' : 'dashboard.noTeam')}</Typography.Text>
        ) : (
          <Typography.Link onClick={() => navigate(ticketsUrl(from, to, { [`${kind}Id`]: String(row.id) }))} data-testid={`drill-${kind}`}>
            {row.name}
          </Typography.Link>
        ),
    },
    { title: t('dashboard.created'), dataIndex: 'created', key: 'created', align: 'right' },
    { title: t('dashboard.resolved'), dataIndex: 'resolved', key: 'resolved', align: 'right' },
    {
      title: t('dashboard.slaCompliance'),
      key: 'sla',
      align: 'right',
      render: (_, row) => (
        <Tooltip title={<ExplanationLine explanation={row.slaCompliance.explanation} />} color="white">
          {percentOf(row.slaCompliance)}
        </Tooltip>
      ),
    },
    { title: t('dashboard.satisfied'), key: 'satisfaction', align: 'right', render: (_, row) => percentOf(row.satisfaction) },
    {
      title: t('dashboard.avgResolution'),
      key: 'avg',
      align: 'right',
      render: (_, row) => (row.avgResolutionMinutes === null ? '—' : formatMinutes(row.avgResolutionMinutes, t)),
    },
  ];
  return (
    <Table<TDashboardGroup>
      rowKey={(row) => String(row.id)}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
      locale={{ emptyText: t('dashboard.noData') }}
      data-testid={`dash-by-${kind}`}
    />
  );
}

/** Legends above the plot, one scrolling line on a phone (left to itself it was drawn over the x axis' labels). */
const LEGEND = { top: 0, left: 'center', type: 'scroll' } as const;

function Charts({ data }: { data: TExecutiveDashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const periods = data.series.map((p) => p.period);
  // A period's requests: from its first day (not before the range) to the day before the next one (not after it).
  const drillPeriod = (index: number) => {
    const start = periods[index] < data.from ? data.from : periods[index];
    const end = index + 1 < periods.length ? plusDays(periods[index + 1], -1) : data.to;
    navigate(ticketsUrl(start, end));
  };
  const volumes = {
    tooltip: { trigger: 'axis' },
    legend: { ...LEGEND, data: [t('dashboard.created'), t('dashboard.resolved'), t('dashboard.slaCompliance')] },
    grid: { left: 40, right: 48, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: periods },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: t('dashboard.created'), type: 'bar', data: data.series.map((p) => p.created) },
      { name: t('dashboard.resolved'), type: 'bar', data: data.series.map((p) => p.resolved) },
      {
        name: t('dashboard.slaCompliance'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: data.series.map((p) => (p.slaDecided > 0 ? Math.round((p.slaMet / p.slaDecided) * 1000) / 10 : null)),
      },
    ],
  };
  const times = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 30 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', name: t('dashboard.hours') },
    series: [
      {
        name: t('dashboard.avgResolution'),
        type: 'line',
        connectNulls: true,
        data: data.series.map((p) => (p.avgResolutionMinutes === null ? null : Math.round(p.avgResolutionMinutes / 6) / 10)),
      },
    ],
  };
  const grades = ['excellent', 'good', 'fair', 'poor'] as const;
  const satisfaction = {
    tooltip: { trigger: 'axis' },
    legend: { ...LEGEND, data: grades.map((g) => t(`dashboard.grade_${g}`)) },
    grid: { left: 72, right: 16, top: 40, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.satisfaction.map((s) => t(`dashboard.dimension_${s.dimension}`)) },
    series: grades.map((g) => ({
      name: t(`dashboard.grade_${g}`),
      type: 'bar',
      stack: 'grades',
      itemStyle: { color: GRADE_COLOURS[g] },
      data: data.satisfaction.map((s) => s[g]),
    })),
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={`${t('dashboard.volumes')} · ${t(`dashboard.bucket_${data.bucket}`)}`}>
          <TicketChart option={volumes} onClick={drillPeriod} testId="chart-volumes" />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('dashboard.resolutionTimes')}>
          <TicketChart option={times} onClick={drillPeriod} testId="chart-resolution" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.satisfaction')}>
          <TicketChart option={satisfaction} height={220} testId="chart-satisfaction" />
          {data.satisfaction.map((s) => (
            <ExplanationLine key={s.dimension} explanation={s.rate.explanation} testId={`satisfaction-${s.dimension}`} />
          ))}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.byRegion')} style={{ marginBottom: 16 }}>
          <GroupTable rows={data.byRegion} kind="region" from={data.from} to={data.to} />
        </Card>
        <Card size="small" title={t('dashboard.byTeam')}>
          <GroupTable rows={data.byTeam} kind="team" from={data.from} to={data.to} />
        </Card>
      </Col>
    </Row>
  );
}

/** Issue 12 item 6: the GM's home — SLA compliance, volumes and resolution times over a range, satisfaction, per region and team. */
export function ExecutiveDashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = dayjs();
  const to = params.get('to') ?? today.format(DAY);
  const from = params.get('from') ?? dayjs(to).subtract(29, 'day').format(DAY);
  const dashboard = useExecutiveDashboard(from, to);
  const data = dashboard.data;
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    if (range?.[0] && range[1]) setParams({ from: range[0].format(DAY), to: range[1].format(DAY) }, { replace: true });
  };
  const presets = [
    { label: t('dashboard.last7'), value: [today.subtract(6, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('dashboard.last30'), value: [today.subtract(29, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('dashboard.last90'), value: [today.subtract(89, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('dashboard.thisYear'), value: [today.startOf('year'), today] as [Dayjs, Dayjs] },
  ];
  return (
    <div data-testid="executive-dashboard">
      <PageHeader
        title={t('dashboard.title')}
        extra={
          <DatePicker.RangePicker
            aria-label={t('dashboard.range')}
            value={[dayjs(from), dayjs(to)]}
            presets={presets}
            allowClear={false}
            onChange={setRange}
            style={{ maxWidth: 'calc(100vw - 40px)' }}
            data-testid="dash-range"
          />
        }
      />
      {dashboard.isLoading && <Spin size="large" style={{ display: 'block', margin: '32px auto' }} />}
      {dashboard.isError && (
        <Alert
          type="error"
          showIcon
          title={t('dashboard.loadFailed')}
          description={(dashboard.error as Error).message}
          action={<Button onClick={() => void dashboard.refetch()}>{t('dashboard.retry')}</Button>}
        />
      )}
      {data && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <RateStatistic title={t('dashboard.slaCompliance')} rate={data.slaCompliance} testId="stat-sla" />
              </Card>
            </Col>
            <Col xs={12} md={8} lg={5}>
              <Card size="small" hoverable onClick={() => navigate(ticketsUrl(data.from, data.to))} data-testid="stat-created">
                <Statistic title={t('dashboard.created')} value={data.totals.created} />
              </Card>
            </Col>
            <Col xs={12} md={8} lg={5}>
              <Card size="small">
                <Statistic title={t('dashboard.resolved')} value={data.totals.resolved} />
              </Card>
            </Col>
            <Col xs={12} md={12} lg={5}>
              <Card
                size="small"
                hoverable
                onClick={() => navigate(ticketsUrl(data.from, data.to, { sla: 'breached' }))}
                data-testid="stat-breached"
              >
                <Statistic
                  title={t('dashboard.openBreached')}
                  value={data.totals.openBreached}
                  styles={data.totals.openBreached > 0 ? { content: { color: '#cf1322' } } : undefined}
                />
              </Card>
            </Col>
            <Col xs={24} md={12} lg={5}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.avgResolution')}
                  value={data.totals.avgResolutionMinutes === null ? '—' : formatMinutes(data.totals.avgResolutionMinutes, t)}
                />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary">{t('dashboard.drill')}</Typography.Paragraph>
          {data.totals.created === 0 && data.totals.resolved === 0 ? <Empty description={t('dashboard.noData')} /> : <Charts data={data} />}
        </>
      )}
    </div>
  );
}
