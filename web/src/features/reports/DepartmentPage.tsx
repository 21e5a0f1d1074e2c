import { OBLIGATION_KIND_INFO, type TAdjustment, type TMonthStatus, type TObligationSummary } from '@techserve/core';
import { App, Button, Card, Flex, Input, Popconfirm, Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ObligationList } from './ObligationList';
import { at, thisMonth } from './reportDates';
import { useAdjustments, useMonths, useObligationSummary, useObligations, useReportsAction } from './useReports';
import { useReportsError } from './useReportsError';
import './i18n';

type Person = TObligationSummary['people'][number];

/** The months of the year: open or closed, and the close action for an ended open month (months.close). */
function MonthsCard({ month }: { month: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const { can } = useSession();
  const months = useMonths(Number(month.slice(0, 4)));
  const adjustments = useAdjustments(month);
  const action = useReportsAction();
  const showError = useReportsError();
  const close = (m: TMonthStatus) =>
    action.mutate(
      { path: `/months/${m.month}/close`, body: {} },
      { onSuccess: () => void message.success(t('reports.monthClosed', { month: m.month })), onError: (error) => showError(error) },
    );
  const adjustmentColumns: ColumnsType<TAdjustment> = [
    { title: t('reports.person'), dataIndex: 'userName', key: 'user' },
    { title: t('reports.factMonth'), dataIndex: 'factMonth', key: 'fact' },
    { title: t('reports.explanation'), key: 'text', render: (_, a) => a.explanation[lang] },
    { title: t('reports.bookedAt'), key: 'at', render: (_, a) => at(a.createdAt) },
  ];
  return (
    <Card size="small" title={t('reports.months')}>
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        {(months.data?.items ?? []).map((m) => (
          <Flex key={m.month} gap={4} align="center">
            <Tag color={m.state === 'closed' ? 'default' : 'green'}>
              {m.month.slice(5)} {t(`reports.month_${m.state}`)}
            </Tag>
            {m.state === 'open' && m.ended && can('months.close') && (
              <Popconfirm title={t('reports.closeConfirm', { month: m.month })} onConfirm={() => close(m)}>
                <Button size="small" data-testid={`close-${m.month}`}>
                  {t('reports.closeMonth')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ))}
      </Flex>
      <Table<TAdjustment>
        rowKey="id"
        size="small"
        title={() => t('reports.adjustmentsOf', { month })}
        columns={adjustmentColumns}
        dataSource={adjustments.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.none') }}
      />
    </Card>
  );
}

/**
 * The supervisor's view of the department: the month's obligations per person and kind (open, overdue, on time, late,
 * excused), what is overdue now, and the months with their adjustments.
 */
export function DepartmentPage() {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(thisMonth());
  const [view, setView] = useState<'department' | 'team'>('department');
  const summary = useObligationSummary(month);
  const overdue = useObligations(view, 'overdue');
  const columns: ColumnsType<Person> = [
    { title: t('reports.person'), dataIndex: 'name', key: 'name' },
    { title: t('reports.team'), key: 'team', render: (_, p) => p.teamName ?? '—' },
    { title: t('reports.state_on_time'), key: 'on', render: (_, p) => p.totals.onTime },
    { title: t('reports.state_late'), key: 'late', render: (_, p) => (p.totals.late ? <Tag color="error">{p.totals.late}</Tag> : 0) },
    { title: t('reports.overdue'), key: 'overdue', render: (_, p) => (p.totals.overdue ? <Tag color="error">{p.totals.overdue}</Tag> : 0) },
    { title: t('reports.state_open'), key: 'open', render: (_, p) => p.totals.open },
    { title: t('reports.state_excused'), key: 'excused', render: (_, p) => p.totals.excused },
  ];
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('reports.department')}
        extra={
          <Flex gap={8} wrap>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'department' | 'team')}
              options={(['department', 'team'] as const).map((v) => ({ value: v, label: t(`reports.view_${v}`) }))}
            />
            <Input
              type="month"
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              style={{ width: 150 }}
              data-testid="department-month"
            />
          </Flex>
        }
      />
      <Card size="small" title={t('reports.monthObligations', { month })}>
        <Table<Person>
          rowKey="userId"
          size="small"
          loading={summary.isLoading}
          columns={columns}
          dataSource={summary.data?.people ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="department-summary"
          expandable={{
            expandedRowRender: (p) =>
              p.byKind.map((k) => (
                <Tag key={k.kind}>
                  {OBLIGATION_KIND_INFO[k.kind].name[lang]} ·{' '}
                  {t('reports.countsLine', {
                    onTime: k.counts.onTime,
                    late: k.counts.late,
                    open: k.counts.open,
                    overdue: k.counts.overdue,
                  })}
                </Tag>
              )),
          }}
        />
      </Card>
      <Card size="small" title={t('reports.overdueNow')}>
        <ObligationList items={overdue.data?.items ?? []} loading={overdue.isLoading} showOwner testId="department-overdue" />
      </Card>
      <MonthsCard month={month} />
    </Flex>
  );
}
