import { PlusOutlined } from '@ant-design/icons';
import type { TWeeklyReport } from '@techserve/core';
import { Button, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ObligationTag } from './ObligationTag';
import { at } from './reportDates';
import { useWeeklyReports } from './useReports';
import './i18n';

type View = 'mine' | 'team' | 'department';

/** WR-4: weekly reports — mine, my team's, my department's (the GM: all) — with their on-time or late mark. */
export function WeeklyReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const reviewer = can('reports.review');
  const [view, setView] = useState<View>('mine');
  const list = useWeeklyReports(view);
  const columns: ColumnsType<TWeeklyReport> = [
    { title: t('reports.week'), key: 'week', render: (_, r) => <Link to={`/reports/weekly/${r.id}`}>{r.weekStart}</Link> },
    ...(view === 'mine' ? [] : [{ title: t('reports.author'), dataIndex: 'userName', key: 'user' }]),
    { title: t('reports.kind'), key: 'kind', render: (_, r) => t(`reports.kind_${r.kind}`) },
    { title: t('reports.receivedAt'), key: 'at', render: (_, r) => at(r.submittedAt) },
    {
      title: t('reports.state'),
      key: 'state',
      render: (_, r) => (r.obligation ? <ObligationTag state={r.obligation.state} lateMinutes={r.obligation.lateMinutes} /> : '—'),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('reports.weeklyReports')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/reports/weekly/new')} data-testid="weekly-new">
            {t('reports.writeWeekly')}
          </Button>
        }
      />
      {reviewer && (
        <Segmented<View>
          value={view}
          onChange={setView}
          options={(['mine', 'team', 'department'] as const).map((v) => ({ value: v, label: t(`reports.view_${v}`) }))}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<TWeeklyReport>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.noReports') }}
        data-testid="weekly-list"
      />
    </>
  );
}
