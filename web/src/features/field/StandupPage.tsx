import type { TStandup } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Empty, Flex, Input, List, Row, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { OrgRefSelect } from '../org/OrgRefSelect';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { LetterStatusTag } from './LetterStatusTag';
import { useFieldError } from './useFieldError';
import './i18n';

type TStandupEngineer = TStandup['engineers'][number];

/** FS-11: tomorrow's plan text for one engineer, saved with its version (409 when someone else saved first). */
function PlanEditor({ engineer, date, queryKey }: { engineer: TStandupEngineer; date: string; queryKey: readonly unknown[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useFieldError(queryKey);
  const plan = engineer.tomorrowPlan;
  const [text, setText] = useState(plan?.text ?? '');
  const save = useMutation({
    mutationFn: () =>
      api('/field/standup/plans', {
        method: 'PUT',
        body: { userId: engineer.userId, date, text, ...(plan ? { version: plan.version } : {}) },
      }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => showError(error),
  });
  const dirty = text !== (plan?.text ?? '');
  return (
    <div>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={5000}
        placeholder={t('field.planPlaceholder')}
        disabled={!can('field.work') && !can('field.dispatch')}
        data-testid={`standup-plan-${engineer.userId}`}
        aria-label={t('field.tomorrowPlan')}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {plan ? t('field.lastSaved', { name: plan.updatedByName, at: formatInstant(plan.updatedAt) }) : ''}
        </Typography.Text>
        <Button
          size="small"
          type="primary"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid={`standup-save-${engineer.userId}`}
        >
          {t('field.save')}
        </Button>
      </Flex>
    </div>
  );
}

/** FS-11: the after-work stand-up — per team, each engineer's unsolved issues today and tomorrow's plan. */
export function StandupPage() {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState<number | null>(null);
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const query = { date, ...(teamId ? { teamId: String(teamId) } : {}) };
  const queryKey = fieldKeys.standup(query);
  const standup = useQuery({ queryKey, queryFn: ({ signal }) => api<TStandup>('/field/standup', { query, signal }) });

  return (
    <>
      <PageHeader title={t('field.standupTitle')} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          {t('field.team')}
        </Typography.Text>
        <div style={{ minWidth: 200 }}>
          <OrgRefSelect source="teams" value={teamId} onChange={setTeamId} />
        </div>
        <DatePicker
          value={dayjs(date)}
          allowClear={false}
          onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
          inputReadOnly
          data-testid="standup-date"
        />
      </Flex>
      {standup.isLoading && <Spin size="large" style={{ display: 'block', margin: '32px auto' }} />}
      {standup.isError && <Typography.Text type="danger">{(standup.error as Error).message}</Typography.Text>}
      {standup.data && standup.data.engineers.length === 0 && <Empty description={t('field.standupEmpty')} />}
      {standup.data && (
        <Row gutter={[12, 12]} data-testid="standup">
          {standup.data.engineers.map((engineer) => (
            <Col key={engineer.userId} xs={24} md={12} xl={8}>
              <Card size="small" title={engineer.name} data-testid="standup-engineer">
                <Typography.Text strong>
                  {t('field.unsolvedToday', { n: engineer.unsolvedTickets.length + engineer.lettersOnSite.length })}
                </Typography.Text>
                <List
                  size="small"
                  dataSource={[
                    ...engineer.unsolvedTickets.map((ticket) => ({
                      key: `t${ticket.id}`,
                      node: (
                        <>
                          <Link to={`/tickets/${ticket.id}`}>{ticket.number}</Link>
                          {` ${ticket.customerName} · ${ticket.title}`}
                        </>
                      ),
                    })),
                    ...engineer.lettersOnSite.map((letter) => ({
                      key: `l${letter.id}`,
                      node: (
                        <>
                          <Link to={`/field/jobs/${letter.id}`}>{letter.number}</Link>
                          {` ${letter.customerName} `}
                          <LetterStatusTag status={letter.status} />
                        </>
                      ),
                    })),
                  ]}
                  locale={{ emptyText: t('field.nothingOpen') }}
                  renderItem={(item) => <List.Item key={item.key}>{item.node}</List.Item>}
                />
                <Typography.Text strong>{t('field.tomorrowOn', { date: standup.data.tomorrow })}</Typography.Text>
                <Flex wrap gap={4} style={{ margin: '4px 0 8px' }}>
                  {engineer.tomorrowAppointments.length === 0 ? (
                    <Typography.Text type="secondary">{t('field.noAppointments')}</Typography.Text>
                  ) : (
                    engineer.tomorrowAppointments.map((a) => (
                      <Tag key={a.letterId}>{`${formatInstant(a.appointmentAt, 'HH:mm')} ${a.customerName}`}</Tag>
                    ))
                  )}
                </Flex>
                <PlanEditor
                  key={`${engineer.userId}-${engineer.tomorrowPlan?.version ?? 0}`}
                  engineer={engineer}
                  date={standup.data.tomorrow}
                  queryKey={queryKey}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
