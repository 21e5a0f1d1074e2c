import type { TAwardCandidate, TAwardRound, TAwardStep } from '@techserve/core';
import { Alert, App, Button, Card, Empty, Flex, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { useSession } from '../auth/useSession';
import { MonthPicker } from '../appraisal/MonthPicker';
import { useAwardRound, useKpiError, useKpiWrite } from './useKpi';
import { VetoDialog } from './VetoDialog';
import './i18n';

const STATE_COLOURS: Record<TAwardCandidate['state'], string> = {
  waiting: 'default',
  in_review: 'processing',
  confirmed: 'success',
  vetoed: 'error',
};

/** AP-6: vote on a phone (anonymous, once a month, never for oneself), then the review: manager → VP → GM, vetoes. */
export function BestEmployeePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, session } = useSession();
  const user = session?.user;
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const [nominee, setNominee] = useState<number | null>(null);
  const [vetoing, setVetoing] = useState<TAwardCandidate | null>(null);
  const round = useAwardRound(month);
  const write = useKpiWrite<TAwardRound>();
  const showError = useKpiError();
  const r = round.data;
  const post = (path: string, body: unknown, done?: () => void) =>
    write.mutate({ path, body }, { onSuccess: () => (done?.(), void message.success(t('kpi.saved'))), onError: (e) => showError(e) });
  const myStep: TAwardStep = user?.role.key === 'gm' ? 'gm' : user?.role.key === 'vp' ? 'vp' : 'manager';
  const mayDecide = myStep === 'gm' ? can('awards.confirm') : can('awards.review');
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <PageHeader title={t('kpi.awards')} />
      <MonthPicker value={month} onChange={setMonth} />
      {round.isLoading || !r ? (
        <Spin />
      ) : (
        <>
          <Card size="small">
            <Flex vertical gap={8}>
              <Space wrap>
                <Tag>{t(`kpi.state_${r.state}`)}</Tag>
                <Typography.Text type="secondary">{t('kpi.perMonth', { count: r.perMonth, amount: r.bonusFen / 100 })}</Typography.Text>
                <Typography.Text type="secondary">{t('kpi.voters', { count: r.voters })}</Typography.Text>
              </Space>
              <Alert type="info" showIcon title={t('kpi.anonymous')} />
              {r.state !== 'review' &&
                (r.voted ? (
                  <Alert type="success" showIcon title={t('kpi.voted')} data-testid="voted" />
                ) : (
                  <Flex gap={8} wrap>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('kpi.nominee')}
                      style={{ flex: 1, minWidth: 200 }}
                      value={nominee ?? undefined}
                      onChange={setNominee}
                      options={r.nominees.map((n) => ({ value: n.id, label: n.name }))}
                      data-testid="nominee"
                    />
                    <Button
                      type="primary"
                      size="large"
                      disabled={nominee === null}
                      loading={write.isPending}
                      data-testid="vote"
                      onClick={() => post('/awards/vote', { month, nomineeId: nominee }, () => setNominee(null))}
                    >
                      {t('kpi.vote')}
                    </Button>
                  </Flex>
                ))}
              {r.state === 'voting' && can('awards.review') && (
                <Button onClick={() => post('/awards/close-voting', { month })} loading={write.isPending} data-testid="close-voting">
                  {t('kpi.closeVoting')}
                </Button>
              )}
            </Flex>
          </Card>
          {r.state === 'review' && (
            <Card size="small" title={t('kpi.candidates')}>
              {r.candidates.length === 0 ? (
                <Empty />
              ) : (
                <Flex vertical gap={8}>
                  {r.candidates.map((c) => (
                    <Card key={c.id} size="small" data-testid={`candidate-${c.nomineeId}`}>
                      <Flex vertical gap={4}>
                        <Space wrap>
                          <Typography.Text strong>
                            {t('kpi.rank')} {c.rank} · {c.nomineeName}
                          </Typography.Text>
                          <Tag>
                            {t('kpi.votes')} {c.votes}
                          </Tag>
                          <Tag color={STATE_COLOURS[c.state]}>{t(`kpi.cstate_${c.state}`)}</Tag>
                          {c.nextStep && <Tag>{t(`kpi.step_${c.nextStep}`)}</Tag>}
                        </Space>
                        <Typography.Text type="secondary">
                          {t('kpi.flags')}: {t('kpi.flagsText', c.flags)}
                        </Typography.Text>
                        {c.veto && (
                          <Typography.Text type="danger">{t('kpi.vetoedBy', { by: c.veto.by, reason: c.veto.reason })}</Typography.Text>
                        )}
                        {c.explanation && <ExplanationLine explanation={c.explanation} />}
                        {c.state === 'in_review' && mayDecide && c.nomineeId !== user?.id && (
                          <Space wrap>
                            {c.nextStep === myStep && (
                              <Button
                                type="primary"
                                loading={write.isPending}
                                data-testid={`approve-${c.nomineeId}`}
                                onClick={() => post(`/award-candidates/${c.id}/decision`, { decision: 'approve', version: c.version })}
                              >
                                {t(myStep === 'gm' ? 'kpi.confirm' : 'kpi.approve')}
                              </Button>
                            )}
                            <Button danger onClick={() => setVetoing(c)} data-testid={`veto-${c.nomineeId}`}>
                              {t('kpi.veto')}
                            </Button>
                          </Space>
                        )}
                      </Flex>
                    </Card>
                  ))}
                </Flex>
              )}
            </Card>
          )}
        </>
      )}
      <VetoDialog
        open={vetoing !== null}
        loading={write.isPending}
        onClose={() => setVetoing(null)}
        onSubmit={(v) =>
          vetoing &&
          post(`/award-candidates/${vetoing.id}/decision`, { decision: 'veto', version: vetoing.version, ...v }, () => setVetoing(null))
        }
      />
    </Flex>
  );
}
