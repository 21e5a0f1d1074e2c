import { DownloadOutlined } from '@ant-design/icons';
import type { TMonthlyReportDataOut, TMonthlyReportSummary } from '@techserve/core';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Select, Skeleton, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { useRefOptions } from '../org/useRefOptions';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ObligationTag } from './ObligationTag';
import { ReportChart } from './ReportChart';
import { at, lastMonth } from './reportDates';
import { useMonthlyPreview, useMonthlyReports, useReportsAction } from './useReports';
import { useReportsError } from './useReportsError';
import './i18n';

const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
const DIMENSIONS = ['attitude', 'skill', 'result'] as const;
const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
const GRADE_COLOURS = ['#1677ff', '#52c41a', '#faad14', '#f5222d'];

/** The month's figures: headline rates (each with its explanation), ratings, engineers, and the sections to come. */
function MonthlyFigures({ d }: { d: TMonthlyReportDataOut }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const rates = [
    ['timeliness', d.rates.timeliness],
    ['resolution', d.rates.resolution],
    ['satisfactionAttitude', d.rates.satisfaction.attitude],
    ['satisfactionSkill', d.rates.satisfaction.skill],
    ['satisfactionResult', d.rates.satisfaction.result],
    ['signatures', d.rates.signatures],
    ['weeklyOnTime', d.rates.weeklyReportsOnTime],
  ] as const;
  const engineers = d.engineers.slice(0, 15);
  const columns: ColumnsType<TMonthlyReportDataOut['engineers'][number]> = [
    { title: t('reports.engineer'), dataIndex: 'name', key: 'name' },
    { title: t('reports.requests'), dataIndex: 'requests', key: 'requests' },
    { title: t('reports.resolved'), dataIndex: 'resolved', key: 'resolved' },
    { title: t('reports.onsiteOnTime'), key: 'onsite', render: (_, e) => `${e.onsiteMet}/${e.onsiteDecided}` },
    { title: t('reports.ratedGood'), key: 'ratings', render: (_, e) => `${e.ratingsGoodOrBetter}/${e.ratings}` },
    { title: t('reports.weeklyOnTimeShort'), key: 'weekly', render: (_, e) => `${e.reportsOnTime}/${e.reportsDue}` },
  ];
  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        {rates.map(([key, r]) => (
          <Col xs={12} sm={8} md={6} key={key}>
            <Card size="small">
              <Tooltip title={<ExplanationLine explanation={r.explanation} />}>
                <Statistic title={t(`reports.rate_${key}`)} value={pct(r.value)} />
              </Tooltip>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.numerator} / {r.denominator}
              </Typography.Text>
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={6}>
          <Card size="small">
            <Statistic title={t('reports.requestsInMonth')} value={d.requests.total} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('reports.chartRates')}>
            <ReportChart
              testId="chart-rates"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 40, right: 10, bottom: 60, top: 20 },
                xAxis: { type: 'category', data: rates.map(([key]) => t(`reports.rate_${key}`)), axisLabel: { rotate: 30, interval: 0 } },
                yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                series: [
                  {
                    type: 'bar',
                    data: rates.map(([, r]) => (r.value === null ? 0 : Math.round(r.value * 1000) / 10)),
                    itemStyle: { color: '#1677ff' },
                  },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('reports.chartRatings')}>
            <ReportChart
              testId="chart-ratings"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 40, right: 10, bottom: 40, top: 20 },
                xAxis: { type: 'category', data: DIMENSIONS.map((k) => t(`reports.dimension_${k}`)) },
                yAxis: { type: 'value' },
                series: GRADES.map((g, i) => ({
                  name: t(`reports.grade_${g}`),
                  type: 'bar',
                  stack: 'grades',
                  data: DIMENSIONS.map((k) => d.ratings[k][g]),
                  itemStyle: { color: GRADE_COLOURS[i] },
                })),
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('reports.chartEngineers')}>
        <ReportChart
          testId="chart-engineers"
          height={300}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 40, right: 10, bottom: 60, top: 20 },
            xAxis: { type: 'category', data: engineers.map((e) => e.name), axisLabel: { rotate: 30, interval: 0 } },
            yAxis: { type: 'value' },
            series: [
              { name: t('reports.requests'), type: 'bar', data: engineers.map((e) => e.requests) },
              { name: t('reports.resolved'), type: 'bar', data: engineers.map((e) => e.resolved) },
            ],
          }}
        />
        <Table
          rowKey="userId"
          size="small"
          columns={columns}
          dataSource={d.engineers}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card size="small" title={t('reports.sectionsTitle')}>
        {d.sections.map((s) => (
          <Typography.Paragraph key={s.key} style={{ marginBottom: 4 }}>
            <Typography.Text strong>{s.title[lang]}</Typography.Text>
            {s.status === 'pending' ? (
              <Typography.Text type="secondary"> — {t('reports.sectionPending')}</Typography.Text>
            ) : (
              s.rows.map((r) => ` · ${r.label[lang]} ${r.value}`).join('')
            )}
          </Typography.Paragraph>
        ))}
      </Card>
    </Flex>
  );
}

/**
 * WR-5: the monthly service report for the supervisor — the department's month computed now, with its charts, submitted
 * (frozen) by the policy's working day of the next month, and every submitted one as PDF or Excel.
 */
export function MonthlyReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useRefOptions('departments');
  const [chosen, setDepartmentId] = useState<number | null>(null);
  // The first department (a supervisor usually heads one) until another is chosen.
  const departmentId = chosen ?? departments[0]?.value ?? null;
  const [month, setMonth] = useState(lastMonth());
  const [comment, setComment] = useState('');
  const preview = useMonthlyPreview(departmentId, month);
  const submitted = useMonthlyReports();
  const action = useReportsAction();
  const showError = useReportsError();
  const query = departmentId != null ? `departmentId=${departmentId}&month=${month}` : '';

  const submit = () =>
    action.mutate(
      { path: '/monthly-reports', body: { departmentId, month, comment } },
      { onSuccess: () => void message.success(t('reports.monthlySubmitted')), onError: (error) => showError(error) },
    );
  const columns: ColumnsType<TMonthlyReportSummary> = [
    { title: t('reports.month'), dataIndex: 'month', key: 'month' },
    { title: t('reports.departmentName'), dataIndex: 'departmentName', key: 'dept' },
    { title: t('reports.rate_timeliness'), key: 'timeliness', render: (_, r) => pct(r.timeliness) },
    { title: t('reports.rate_resolution'), key: 'resolution', render: (_, r) => pct(r.resolution) },
    { title: t('reports.receivedAt'), key: 'at', render: (_, r) => at(r.submittedAt) },
    {
      title: t('reports.state'),
      key: 'state',
      render: (_, r) => (r.obligation ? <ObligationTag state={r.obligation.state} lateMinutes={r.obligation.lateMinutes} /> : '—'),
    },
    {
      title: t('reports.files'),
      key: 'files',
      render: (_, r) => (
        <Space>
          <a href={`/api/v1/monthly-reports/${r.id}/pdf`} data-testid={`monthly-pdf-${r.id}`}>
            PDF
          </a>
          <a href={`/api/v1/monthly-reports/${r.id}/xlsx`}>Excel</a>
        </Space>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('reports.monthlyReport')}
        extra={
          <Flex gap={8} wrap>
            <Select
              value={departmentId ?? undefined}
              onChange={setDepartmentId}
              options={departments}
              style={{ width: 200 }}
              placeholder={t('reports.pickDepartment')}
              data-testid="monthly-department"
            />
            <Input
              type="month"
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              style={{ width: 150 }}
              data-testid="monthly-month"
            />
          </Flex>
        }
      />
      {departmentId == null && <Alert type="info" showIcon title={t('reports.pickDepartment')} />}
      {preview.isLoading && <Skeleton active />}
      {preview.error && <Alert type="error" showIcon title={(preview.error as Error).message} />}
      {preview.data && (
        <>
          <Card size="small">
            <Flex gap={8} wrap align="center">
              <Input.TextArea
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                maxLength={5000}
                autoSize
                placeholder={t('reports.monthlyComment')}
                style={{ flex: '1 1 260px' }}
              />
              <Button type="primary" onClick={submit} loading={action.isPending} data-testid="monthly-submit">
                {t('reports.submitMonthly')}
              </Button>
              <Button icon={<DownloadOutlined />} href={`/api/v1/monthly-reports/preview.pdf?${query}`}>
                PDF
              </Button>
              <Button icon={<DownloadOutlined />} href={`/api/v1/monthly-reports/preview.xlsx?${query}`}>
                Excel
              </Button>
            </Flex>
          </Card>
          <MonthlyFigures d={preview.data} />
        </>
      )}
      <Card size="small" title={t('reports.submittedReports')}>
        <Table
          rowKey="id"
          size="small"
          loading={submitted.isLoading}
          columns={columns}
          dataSource={submitted.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="monthly-list"
          locale={{ emptyText: t('reports.noReports') }}
        />
      </Card>
    </Flex>
  );
}
