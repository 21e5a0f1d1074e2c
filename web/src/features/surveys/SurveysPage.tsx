import { PlusOutlined } from '@ant-design/icons';
import type { TSurvey } from '@techserve/core';
import { Button, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { LoadMore } from '../../shared/LoadMore';
import { formatInstant } from '../field/formatInstant';
import { useSurveyList } from './useSurveys';
import './i18n';

export function SurveyStatusTag({ status }: { status: TSurvey['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'green' : 'default'}>{t(`surveys.status_${status}`)}</Tag>;
}

/** SR-11b: the survey rounds with their response rates; a manager sends a new one. */
export function SurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const list = useSurveyList();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const link = (s: TSurvey) => <Link to={`/surveys/${s.id}`}>{s.title}</Link>;
  const period = (s: TSurvey) => t('surveys.periodLabel', { from: s.periodStart, to: s.periodEnd });
  return (
    <>
      <PageHeader
        title={t('surveys.surveys')}
        extra={
          can('surveys.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/surveys/new')} data-testid="survey-new">
              {t('surveys.newSurvey')}
            </Button>
          )
        }
      />
      <ResponsiveList<TSurvey>
        items={rows}
        loading={list.isLoading}
        empty={t('surveys.empty')}
        testId="surveys"
        columns={[
          { title: t('surveys.title'), key: 'title', render: (_, s) => link(s) },
          { title: t('surveys.period'), key: 'period', render: (_, s) => period(s) },
          { title: t('surveys.sentAt'), key: 'sent', render: (_, s) => formatInstant(s.sentAt) },
          { title: t('surveys.closesAt'), key: 'closes', render: (_, s) => formatInstant(s.closesAt) },
          {
            title: t('surveys.answered'),
            key: 'rate',
            render: (_, s) => t('surveys.responseRate', { answered: s.answered, invited: s.invited }),
          },
          { title: t('surveys.status'), key: 'status', render: (_, s) => <SurveyStatusTag status={s.status} /> },
        ]}
        card={(s) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{link(s)}</Typography.Text>
              <SurveyStatusTag status={s.status} />
            </Flex>
            <Typography.Text type="secondary">
              {period(s)} · {t('surveys.responseRate', { answered: s.answered, invited: s.invited })}
            </Typography.Text>
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="surveys-more" />
    </>
  );
}
