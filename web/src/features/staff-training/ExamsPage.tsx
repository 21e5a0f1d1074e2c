import { PlusOutlined } from '@ant-design/icons';
import type { TExamSummary } from '@techserve/core';
import { Button, Flex, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MineAllToggle } from '../../layout/MineAllToggle';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { LoadMore } from '../../shared/LoadMore';
import { formatInstant } from '../field/formatInstant';
import { useTrainingList } from './useStaffTraining';
import './i18n';

const STATE_COLOR = { notOpen: 'default', open: 'green', closed: 'default' } as const;

export function ResultTag({ status, passed }: { status: string | null; passed: boolean | null }) {
  const { t } = useTranslation();
  if (passed != null)
    return (
      <Tag color={passed ? 'green' : 'red'} data-testid="exam-result" data-passed={String(passed)}>
        {t(passed ? 'staffTraining.passed' : 'staffTraining.failed')}
      </Tag>
    );
  return status ? <Tag>{t(`staffTraining.rstatus_${status}`)}</Tag> : null;
}

/** TRN-1/TRN-3: the exams I sit or set (all of them for a training manager). */
export function ExamsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const manage = can('training.manage');
  const [view, setView] = useState<'mine' | 'all'>(manage ? 'all' : 'mine');
  const list = useTrainingList<TExamSummary>('exams', { view });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const link = (e: TExamSummary) => <Link to={`/staff-training/exams/${e.id}`}>{e.title}</Link>;
  const state = (e: TExamSummary) => <Tag color={STATE_COLOR[e.state]}>{t(`staffTraining.state_${e.state}`)}</Tag>;
  return (
    <>
      <PageHeader
        title={t('staffTraining.exams')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/staff-training/exams/new')}
              data-testid="exam-new"
            >
              {t('staffTraining.newExam')}
            </Button>
          )
        }
      />
      {manage && <MineAllToggle value={view} onChange={setView} mine={t('staffTraining.viewMine')} all={t('staffTraining.viewAll')} />}
      <ResponsiveList<TExamSummary>
        items={rows}
        loading={list.isLoading}
        empty={t('staffTraining.empty')}
        testId="exams"
        columns={[
          { title: t('staffTraining.title'), key: 'title', render: (_, e) => link(e) },
          { title: t('staffTraining.examKind'), key: 'kind', render: (_, e) => t(`staffTraining.ekind_${e.kind}`) },
          { title: t('staffTraining.opensAt'), key: 'opens', render: (_, e) => formatInstant(e.opensAt) },
          { title: t('staffTraining.closesAt'), key: 'closes', render: (_, e) => formatInstant(e.closesAt) },
          { title: t('staffTraining.status'), key: 'state', render: (_, e) => state(e) },
          { title: t('staffTraining.myResult'), key: 'mine', render: (_, e) => <ResultTag status={e.myStatus} passed={e.myPassed} /> },
        ]}
        card={(e) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{link(e)}</Typography.Text>
              {state(e)}
            </Flex>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">
                {formatInstant(e.opensAt)} – {formatInstant(e.closesAt, 'HH:mm')}
              </Typography.Text>
              <ResultTag status={e.myStatus} passed={e.myPassed} />
            </Flex>
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="exams-more" />
    </>
  );
}
