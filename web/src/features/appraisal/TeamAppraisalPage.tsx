import type { TAppraisalSheet } from '@techserve/core';
import { App, Button, Card, Flex, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { monthParam } from './monthParam';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { money } from '../../shared/money';
import { useSession } from '../auth/useSession';
import { GradeChart } from './GradeChart';
import { MonthPicker } from './MonthPicker';
import { useAppraisalError, useAppraisalSheets, useAppraisalWrite } from './useAppraisal';
import './i18n';

const pointsText = (tenths: number | null) => (tenths == null ? '' : tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

/** AP-15: the month's sheets in my scope — drafted from the facts, scored along the chain, signed, made final. */
export function TeamAppraisalPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  // AP-15: last month's sheets are drawn up in the first working days of this one.
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => monthParam(params.get('month')) ?? dayjs().subtract(1, 'month').format('YYYY-MM'));
  const list = useAppraisalSheets(month, 'team');
  const compute = useAppraisalWrite<{ items: TAppraisalSheet[] }>();
  const freeze = useAppraisalWrite<{ frozen: number; notSigned: number[] }>();
  const showError = useAppraisalError();
  const sheets = list.data?.items ?? [];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 1100 }}>
      <PageHeader title={t('appraisal.team')} />
      <Flex gap={8} wrap>
        <MonthPicker value={month} onChange={setMonth} />
        <Button
          type="primary"
          loading={compute.isPending}
          data-testid="appraisal-compute"
          onClick={() =>
            compute.mutate(
              { path: '/appraisal-sheets/compute', body: { month } },
              { onSuccess: () => void message.success(t('appraisal.computed_ok')), onError: (e) => showError(e) },
            )
          }
        >
          {t('appraisal.compute')}
        </Button>
        {can('appraisal.approve') && (
          <Button
            loading={freeze.isPending}
            data-testid="appraisal-freeze"
            onClick={() =>
              freeze.mutate(
                { path: '/appraisal-sheets/freeze', body: { month } },
                { onSuccess: (r) => void message.success(t('appraisal.frozen', { count: r.frozen })), onError: (e) => showError(e) },
              )
            }
          >
            {t('appraisal.freeze')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Table<TAppraisalSheet>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={sheets}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('appraisal.empty') }}
          columns={[
            {
              title: t('appraisal.person'),
              dataIndex: 'userName',
              render: (name: string, s) => <Link to={`/appraisal/sheets/${s.id}`}>{name}</Link>,
            },
            {
              title: t('appraisal.state'),
              dataIndex: 'state',
              render: (state: TAppraisalSheet['state']) => <Tag>{t(`appraisal.state_${state}`)}</Tag>,
            },
            {
              title: t('appraisal.grade'),
              dataIndex: 'grade',
              render: (grade: string | null, s) => (grade ? `${grade}（${pointsText(s.totalTenths)}）` : t('appraisal.notGraded')),
            },
            { title: t('appraisal.total'), dataIndex: 'amountFen', render: (fen: number) => money(fen, i18n.language) },
            {
              title: t('appraisal.nextStep'),
              dataIndex: 'nextStep',
              render: (step: TAppraisalSheet['nextStep']) => (step ? t(`appraisal.step_${step}`) : ''),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('appraisal.distribution')}>
        <GradeChart sheets={sheets} />
      </Card>
    </Flex>
  );
}
