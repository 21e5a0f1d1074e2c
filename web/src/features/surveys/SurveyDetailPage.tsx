import type { TSurveyInvitation, TSurveyResults } from '@techserve/core';
import { App, Button, Card, Flex, List, Progress, Result, Segmented, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { formatInstant } from '../field/formatInstant';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { SurveyStatusTag } from './SurveysPage';
import { useSurvey, useSurveyError, useSurveyResults, useSurveyWrite } from './useSurveys';
import './i18n';

type Group = TSurveyResults['groups'][number];
const BYS = ['customer', 'engineer', 'region', 'all'] as const;

/** SR-11b: one round — who was invited and answered, and the answers per customer, engineer and region. */
export function SurveyDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const { can } = useSession();
  const survey = useSurvey(Number(id));
  const [by, setBy] = useState<(typeof BYS)[number]>('customer');
  const results = useSurveyResults(Number(id), by);
  const write = useSurveyWrite();
  const showError = useSurveyError();
  if (survey.isLoading) return <Skeleton active />;
  const s = survey.data;
  if (!s) return <Result status="404" title={t('surveys.notFound')} />;
  const answered = (i: TSurveyInvitation) =>
    i.answeredAt
      ? t('surveys.answeredVia', { at: formatInstant(i.answeredAt), channel: t(`surveys.channel_${i.channel ?? 'link'}`) })
      : t('surveys.notAnswered');
  const questionText = (qid: string) => s.questions.find((q) => q.id === qid)?.text[i18n.language === 'en' ? 'en' : 'zh-CN'] ?? qid;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 1100 }}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {s.title} <SurveyStatusTag status={s.status} />
          </Flex>
        }
        extra={
          can('surveys.manage') &&
          s.status === 'open' && (
            <Button
              onClick={() =>
                write.mutate(
                  { path: `/surveys/${s.id}/close`, body: { version: s.version } },
                  { onSuccess: () => void message.success(t('surveys.saved')), onError: (e) => showError(e) },
                )
              }
            >
              {t('surveys.close')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex vertical gap={4}>
          <Typography.Text>
            {t('surveys.period')}：{t('surveys.periodLabel', { from: s.periodStart, to: s.periodEnd })} · {t('surveys.sentAt')}：
            {formatInstant(s.sentAt)} · {t('surveys.closesAt')}：{formatInstant(s.closesAt)}
          </Typography.Text>
          <Progress
            percent={s.invited ? Math.round((s.answered * 100) / s.invited) : 0}
            format={() => t('surveys.responseRate', { answered: s.answered, invited: s.invited })}
          />
          <ExplanationLine explanation={s.explanation} />
        </Flex>
      </Card>
      <Tabs
        items={[
          {
            key: 'results',
            label: t('surveys.results'),
            children: (
              <Flex vertical gap={12}>
                <Segmented
                  value={by}
                  onChange={(v) => setBy(v as typeof by)}
                  options={BYS.map((b) => ({ value: b, label: t(`surveys.by_${b}`) }))}
                  data-testid="survey-by"
                />
                <ResponsiveList<Group & { id: string }>
                  items={(results.data?.groups ?? []).map((g) => ({ ...g, id: String(g.key) }))}
                  loading={results.isLoading}
                  empty={t('surveys.empty')}
                  testId="survey-results"
                  columns={[
                    { title: t('surveys.group'), key: 'name', render: (_, g) => g.name || t('surveys.by_all') },
                    { title: t('surveys.responses'), dataIndex: 'responses', key: 'responses', align: 'right' },
                    {
                      title: t('surveys.counts'),
                      key: 'counts',
                      render: (_, g) => `${g.counts.excellent} / ${g.counts.good} / ${g.counts.fair} / ${g.counts.poor}`,
                    },
                    { title: t('surveys.average'), key: 'avg', align: 'right', render: (_, g) => g.averagePoints ?? '—' },
                    {
                      title: t('surveys.satisfied'),
                      key: 'sat',
                      render: (_, g) => <Progress percent={g.satisfiedPercent ?? 0} size="small" style={{ width: 140 }} />,
                    },
                    { title: t('surveys.explanation'), key: 'why', render: (_, g) => <ExplanationLine explanation={g.explanation} /> },
                  ]}
                  card={(g) => (
                    <Flex vertical gap={4}>
                      <Typography.Text strong>{g.name || t('surveys.by_all')}</Typography.Text>
                      <Progress percent={g.satisfiedPercent ?? 0} size="small" />
                      <ExplanationLine explanation={g.explanation} />
                    </Flex>
                  )}
                />
                {(results.data?.comments.length ?? 0) > 0 && (
                  <Card size="small" title={t('surveys.comments')}>
                    <List
                      size="small"
                      dataSource={results.data?.comments ?? []}
                      renderItem={(c) => (
                        <List.Item>
                          <Typography.Text>
                            {c.customerName} · {c.contactName}（{questionText(c.questionId)}）：{c.text}
                          </Typography.Text>
                        </List.Item>
                      )}
                    />
                  </Card>
                )}
              </Flex>
            ),
          },
          {
            key: 'invitations',
            label: t('surveys.invitations'),
            children: (
              <ListTable<TSurveyInvitation>
                dataSource={s.invitations}
                columns={[
                  { title: t('surveys.customer'), dataIndex: 'customerName', key: 'customer' },
                  { title: t('surveys.contact'), dataIndex: 'contactName', key: 'contact' },
                  { title: t('surveys.email'), key: 'email', render: (_, i) => (i.mailed ? i.email : t('surveys.notMailed')) },
                  { title: t('surveys.answered'), key: 'answered', render: (_, i) => answered(i) },
                ]}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
