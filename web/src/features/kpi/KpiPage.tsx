import { KPI_ITEMS, type TKpiItem, type TKpiPage, type TKpiPerson } from '@techserve/core';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ReportChart } from '../reports/ReportChart';
import { useSession } from '../auth/useSession';
import { RankingBonusCard } from './RankingBonusCard';
import { useKpiError, useKpiPage, useKpiWrite } from './useKpi';
import './i18n';

type Scores = Partial<Record<TKpiItem, number>>;

/** AP-16/AP-16b: one person's items: measured rate, self and superior scores, weak items and their training. */
function PersonCard({ p, page, who }: { p: TKpiPerson; page: TKpiPage; who: 'self' | 'superior' | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const write = useKpiWrite<TKpiPage>();
  const showError = useKpiError();
  const initial = Object.fromEntries(p.items.map((i) => [i.item, (who === 'self' ? i.self : i.superior) ?? undefined])) as Scores;
  const [scores, setScores] = useState<Scores>(initial);
  const locked = p.consolidatedAt !== null;
  const done = { onSuccess: () => void message.success(t('kpi.saved')), onError: (e: unknown) => showError(e) };
  const save = () =>
    write.mutate(
      who === 'self'
        ? { path: '/kpis/self', method: 'PUT', body: { period: page.period, scores } }
        : { path: `/kpis/${p.userId}/superior`, method: 'PUT', body: { period: page.period, scores, version: p.version ?? undefined } },
      done,
    );
  return (
    <Card size="small" title={p.name} data-testid={`kpi-person-${p.userId}`}>
      <Flex vertical gap={8}>
        <Table
          size="small"
          rowKey="item"
          pagination={false}
          scroll={{ x: true }}
          dataSource={p.items}
          columns={[
            {
              title: t('kpi.item'),
              dataIndex: 'item',
              render: (item: TKpiItem, row) => (
                <Space>
                  {t(`kpi.item_${item}`)}
                  {row.weak && <Tag color="warning">{t('kpi.weak')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('kpi.measured'),
              dataIndex: 'measured',
              render: (m: TKpiPerson['items'][number]['measured']) =>
                m === null || m.value === null ? t('kpi.noData') : `${(m.value * 100).toFixed(1)}% (${m.numerator}/${m.denominator})`,
            },
            { title: t('kpi.self'), dataIndex: 'self', render: (v: number | null) => v ?? t('kpi.noData') },
            { title: t('kpi.superior'), dataIndex: 'superior', render: (v: number | null) => v ?? t('kpi.noData') },
            { title: t('kpi.percent'), dataIndex: 'percent', render: (v: number | null) => v ?? t('kpi.noData') },
          ]}
        />
        <Typography.Text strong>
          {t('kpi.consolidated')}: {p.consolidated.value ?? t('kpi.noData')}
        </Typography.Text>
        <ExplanationLine explanation={p.consolidated.explanation} />
        {p.training.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('kpi.training')}
            description={p.training.map((x) => (
              <ExplanationLine key={x.item} explanation={x.explanation} />
            ))}
          />
        )}
        {locked && <Tag color="success">{t('kpi.consolidatedBy', { by: p.consolidatedBy })}</Tag>}
        {who && !locked && (
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{who === 'self' ? t('kpi.self') : t('kpi.scoreOf', { name: p.name })}</Typography.Text>
            <Flex wrap gap={8}>
              {KPI_ITEMS.map((item) => (
                <Space.Compact key={item}>
                  <Input disabled value={t(`kpi.item_${item}`)} style={{ width: 120 }} />
                  <InputNumber
                    min={0}
                    max={100}
                    precision={0}
                    value={scores[item]}
                    onChange={(v) => setScores({ ...scores, [item]: v ?? undefined })}
                    data-testid={`score-${item}`}
                  />
                </Space.Compact>
              ))}
            </Flex>
            <Button type="primary" onClick={save} loading={write.isPending} data-testid="save-scores" style={{ alignSelf: 'flex-start' }}>
              {t(who === 'self' ? 'kpi.saveSelf' : 'kpi.saveSuperior')}
            </Button>
          </Flex>
        )}
        {!locked && who !== 'self' && can('kpi.consolidate') && p.reviewId !== null && (
          <Button
            onClick={() => write.mutate({ path: `/kpis/${p.userId}/consolidate`, body: { period: page.period, version: p.version } }, done)}
            loading={write.isPending}
            data-testid="consolidate"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('kpi.consolidate')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

/** AP-16: the items per person as bars (ECharts), one series per item. */
function KpiChart({ page }: { page: TKpiPage }) {
  const { t } = useTranslation();
  return (
    <ReportChart
      testId="kpi-chart"
      height={260}
      option={{
        tooltip: {},
        legend: { bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: page.items.map((p) => p.name) },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: KPI_ITEMS.map((item) => ({
          type: 'bar',
          name: t(`kpi.item_${item}`),
          data: page.items.map((p) => p.items.find((i) => i.item === item)?.percent ?? null),
        })),
      }}
    />
  );
}

/** AP-16: my KPIs and self-appraisal (view mine), or the people in my scope for the superior and HR (view team). */
export function KpiPage({ view }: { view: 'mine' | 'team' }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [period, setPeriod] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const page = useKpiPage(period, view);
  const who = view === 'mine' ? 'self' : can('kpi.review') ? 'superior' : null;
  const d = page.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 1000 }}>
      <PageHeader title={t(view === 'mine' ? 'kpi.kpiMine' : 'kpi.kpiTeam')} />
      <Space wrap>
        <Typography.Text>{t('kpi.period')}</Typography.Text>
        <Input
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
          placeholder={t('kpi.periodHint')}
          style={{ width: 140 }}
          data-testid="kpi-period"
        />
      </Space>
      {page.isLoading || !d ? (
        <Spin />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            title={t('kpi.dueDate', { date: d.dueDate })}
            description={t('kpi.weights', { ...d.weights, bar: d.weakBelowPercent })}
          />
          {view === 'team' && d.items.length > 0 && <KpiChart page={d} />}
          {view === 'team' && can('kpi.consolidate') && <RankingBonusCard />}
          {d.items.map((p) => (
            <PersonCard key={`${p.userId}-${d.period}-${p.version ?? 0}`} p={p} page={d} who={view === 'mine' ? 'self' : who} />
          ))}
        </>
      )}
    </Flex>
  );
}
