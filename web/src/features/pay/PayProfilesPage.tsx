import type { TPayProfile } from '@techserve/core';
import { App, Button, Card, Flex, Select, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import { useSession } from '../auth/useSession';
import { MonthPicker } from '../appraisal/MonthPicker';
import { DateInput } from '../../shared/DateInput';
import { ProbationAssessmentDialog } from './ProbationAssessmentDialog';
import { usePayError, usePayProfiles, usePayWrite, useTierProposals, useWelderProposals } from './usePay';
import './i18n';

/**
 * PAY-1/PAY-5: each person's base tier and field allowance; without a profile the starting pay applies. PAY-3/PAY-3b:
 * the welder grade and its date, with the grade-up or probation assessment the month's end proposes.
 */
export function PayProfilesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const profiles = usePayProfiles();
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const proposals = useTierProposals(month);
  const welders = useWelderProposals(month);
  const policy = usePolicyInForce();
  const [assessing, setAssessing] = useState<TPayProfile | null>(null);
  const write = usePayWrite<TPayProfile>();
  const onError = usePayError();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const tiers = policy.data?.document.pay.baseTiers ?? [];
  const save = (
    p: TPayProfile,
    change: {
      baseTierId?: string;
      fieldAllowance?: boolean;
      welderGrade?: number | null;
      welderGradeSince?: string | null;
      probation?: boolean;
    },
  ) => {
    const baseTierId = change.baseTierId ?? p.baseTierId;
    if (!baseTierId) return;
    write.mutate(
      {
        path: `/pay/profiles/${p.userId}`,
        method: 'PUT',
        body: {
          baseTierId,
          fieldAllowance: change.fieldAllowance ?? p.fieldAllowance,
          welderGrade: change.welderGrade !== undefined ? change.welderGrade : p.welderGrade,
          ...(change.welderGradeSince ? { welderGradeSince: change.welderGradeSince } : {}),
          probation: change.probation ?? p.probation,
          ...(p.version > 0 ? { version: p.version } : {}),
        },
      },
      { onSuccess: () => void message.success(t('pay.saved')), onError: (e) => onError(e) },
    );
  };
  const editable = can('pay.manage');
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('pay.profiles')} />
      <ProbationAssessmentDialog profile={assessing} onClose={() => setAssessing(null)} />
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('pay.profilesHint')}</Typography.Text>
          <MonthPicker value={month} onChange={setMonth} />
        </Flex>
      </Card>
      <Table<TPayProfile>
        size="small"
        rowKey="userId"
        loading={profiles.isFetching}
        dataSource={profiles.data?.items ?? []}
        scroll={{ x: 1080 }}
        columns={[
          { title: t('pay.name'), dataIndex: 'userName' },
          {
            title: t('pay.tier'),
            dataIndex: 'baseTierId',
            render: (tierId: string | null, p) => (
              <Select
                style={{ minWidth: 180 }}
                disabled={!editable}
                placeholder={t('pay.noProfile')}
                value={tierId ?? undefined}
                onChange={(baseTierId: string) => save(p, { baseTierId })}
                options={tiers.map((tier) => ({ value: tier.id, label: tier.name[lang] }))}
                data-testid={`pay-tier-${p.userId}`}
              />
            ),
          },
          {
            title: t('pay.welderGrade'),
            dataIndex: 'welderGrade',
            render: (grade: number | null, p) => (
              <Select
                allowClear
                style={{ minWidth: 120 }}
                disabled={!editable || !p.baseTierId}
                placeholder={t('pay.noGrade')}
                value={grade ?? undefined}
                onChange={(welderGrade?: number) => save(p, { welderGrade: welderGrade ?? null })}
                options={(policy.data?.document.pay.engineerLevels ?? []).map((l) => ({
                  value: l.level,
                  label: t('pay.gradeN', { n: l.level }),
                }))}
              />
            ),
          },
          {
            title: t('pay.gradeSince'),
            dataIndex: 'welderGradeSince',
            render: (since: string | null, p) =>
              editable && p.welderGrade !== null ? (
                <DateInput value={since} onChange={(welderGradeSince) => welderGradeSince && save(p, { welderGradeSince })} />
              ) : (
                (since ?? '—')
              ),
          },
          {
            title: t('pay.probation'),
            dataIndex: 'probation',
            render: (on: boolean, p) => (
              <Switch checked={on} disabled={!editable || !p.baseTierId} onChange={(probation) => save(p, { probation })} />
            ),
          },
          {
            title: t('pay.fieldAllowance'),
            dataIndex: 'fieldAllowance',
            render: (on: boolean, p) => (
              <Switch checked={on} disabled={!editable || !p.baseTierId} onChange={(fieldAllowance) => save(p, { fieldAllowance })} />
            ),
          },
          {
            title: t('pay.tierProposal'),
            key: 'proposal',
            render: (_: unknown, p) => {
              const proposal = proposals.data?.items.find((x) => x.userId === p.userId);
              return proposal ? <ExplanationLine explanation={proposal.explanation} testId={`pay-proposal-${p.userId}`} /> : null;
            },
          },
          {
            title: t('pay.welderProposal'),
            key: 'welderProposal',
            render: (_: unknown, p) => {
              const proposal = welders.data?.items.find((x) => x.userId === p.userId);
              const assess = editable && p.probation && (
                <Button size="small" onClick={() => setAssessing(p)} data-testid={`pay-assess-${p.userId}`}>
                  {t('pay.assess')}
                </Button>
              );
              if (!proposal) return assess || null;
              return (
                <Flex vertical gap={4}>
                  {proposal.overdue && <Tag color="red">{t('pay.assessmentOverdue')}</Tag>}
                  <ExplanationLine explanation={proposal.explanation} testId={`pay-welder-${p.userId}`} />
                  {assess}
                </Flex>
              );
            },
          },
        ]}
      />
    </Flex>
  );
}
