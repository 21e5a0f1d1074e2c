import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PLAN_SOURCES, type TWeeklyPlan, type TWeeklyPlanItem } from '@techserve/core';
import { Alert, App, Button, Card, Flex, Form, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ObligationTag } from './ObligationTag';
import { at, mondayOf, plusDays, today } from './reportDates';
import { usePlanDraft, usePlans, useReportsAction } from './useReports';
import { useReportsError } from './useReportsError';
import './i18n';

type Values = { items: TWeeklyPlanItem[]; note?: string };
const STATUS_COLOURS = { submitted: 'processing', approved: 'success', rejected: 'error' } as const;

/** One plan: its week, status, the author's and the lead's obligations, its items; the lead's decision buttons. */
function PlanCard({ plan, decide }: { plan: TWeeklyPlan; decide?: (approve: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={
        <Flex gap={8} align="center" wrap>
          {t('reports.planOf', { name: plan.userName, week: plan.weekStart })}
          <Tag color={STATUS_COLOURS[plan.status]}>{t(`reports.plan_${plan.status}`)}</Tag>
        </Flex>
      }
      extra={
        decide &&
        plan.status === 'submitted' && (
          <Space>
            <Button size="small" type="primary" onClick={() => decide(true)} data-testid="plan-approve">
              {t('reports.approve')}
            </Button>
            <Button size="small" danger onClick={() => decide(false)}>
              {t('reports.reject')}
            </Button>
          </Space>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 8 }}>
        {plan.obligation && (
          <span>
            {t('reports.filed')}{' '}
            <ObligationTag state={plan.obligation.state} overdue={plan.obligation.overdue} lateMinutes={plan.obligation.lateMinutes} />
          </span>
        )}
        {plan.approval && (
          <span>
            {t('reports.approval')}{' '}
            <ObligationTag state={plan.approval.state} overdue={plan.approval.overdue} lateMinutes={plan.approval.lateMinutes} />
          </span>
        )}
      </Flex>
      {plan.items.map((item, i) => (
        <Typography.Paragraph key={i} style={{ marginBottom: 2 }}>
          <Tag>{item.day ? t(`reports.weekday_${item.day}`) : t('reports.wholeWeek')}</Tag>
          {item.content} <Typography.Text type="secondary">· {t(`reports.planSource_${item.source}`)}</Typography.Text>
        </Typography.Paragraph>
      ))}
      {plan.decisionComment && (
        <Typography.Text type="secondary">
          {t('reports.decisionComment', { name: plan.decidedBy?.name ?? '', comment: plan.decisionComment })}
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * WR-1: next week's plan from regional feedback and company needs (suggested from the week's appointments and the
 * open requests), filed before the week starts; the lead approves the team's plans before their week starts.
 */
export function WeeklyPlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [view, setView] = useState<'mine' | 'team'>(can('reports.write') ? 'mine' : 'team');
  const [weekStart, setWeekStart] = useState(plusDays(mondayOf(today()), 7));
  const draft = usePlanDraft(view === 'mine' ? weekStart : '');
  const plans = usePlans(view);
  const action = useReportsAction<TWeeklyPlan>();
  const showError = useReportsError();
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) =>
    action.mutate(
      {
        path: '/weekly-plans',
        body: {
          weekStart,
          items: values.items.map((i) => ({ ...i, day: i.day ?? null, customerId: i.customerId ?? null })),
          note: values.note ?? '',
        },
      },
      {
        onSuccess: () => {
          void message.success(t('reports.saved'));
          form.resetFields();
        },
        onError: (error) => showError(error, form),
      },
    );
  const decide = (plan: TWeeklyPlan, approve: boolean) =>
    action.mutate(
      { path: `/weekly-plans/${plan.id}/decision`, body: { version: plan.version, approve } },
      { onError: (error) => showError(error) },
    );

  const dayOptions = [
    { value: 0, label: t('reports.wholeWeek') },
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`reports.weekday_${d}`) })),
  ];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }}>
      <PageHeader
        title={t('reports.weeklyPlans')}
        extra={
          can('reports.review') && (
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'mine' | 'team')}
              options={(['mine', 'team'] as const).map((v) => ({ value: v, label: t(`reports.view_${v}`) }))}
            />
          )
        }
      />
      {view === 'mine' && can('reports.write') && (
        <Card size="small" title={t('reports.newPlan')}>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <span>{t('reports.weekOf')}</span>
            <Input
              type="date"
              value={weekStart}
              min={plusDays(today(), 1)}
              onChange={(e) => setWeekStart(mondayOf(e.target.value || plusDays(today(), 7)))}
              style={{ width: 170 }}
              data-testid="plan-week"
            />
          </Flex>
          {draft.data && (
            <Alert
              type="info"
              showIcon
              title={t('reports.dueLineShort', { at: at(draft.data.due.dueAt) })}
              description={<ExplanationLine explanation={draft.data.due.explanation} />}
            />
          )}
          <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ items: [] }} style={{ marginTop: 8 }}>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} wrap align="start">
                      <Form.Item
                        name={[field.name, 'day']}
                        style={{ width: 110 }}
                        getValueProps={(v) => ({ value: v ?? 0 })}
                        normalize={(v) => (v === 0 ? null : v)}
                      >
                        <Select options={dayOptions} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'content']}
                        rules={[{ required: true, whitespace: true, message: t('reports.required') }]}
                        style={{ flex: '1 1 220px' }}
                      >
                        <Input maxLength={1000} placeholder={t('reports.planContent')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'source']} style={{ width: 140 }}>
                        <Select options={PLAN_SOURCES.map((s) => ({ value: s, label: t(`reports.planSource_${s}`) }))} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} aria-label={t('reports.remove')} />
                    </Flex>
                  ))}
                  <Flex gap={8} wrap>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ day: null, content: '', source: 'company_need', customerId: null })}
                    >
                      {t('reports.addPlanItem')}
                    </Button>
                    {(draft.data?.suggestions.length ?? 0) > 0 && (
                      <Button
                        onClick={() =>
                          draft.data?.suggestions.forEach(({ refLabel, ...s }) => add({ ...s, content: `${refLabel} ${s.content}`.trim() }))
                        }
                      >
                        {t('reports.useSuggestions', { count: draft.data?.suggestions.length ?? 0 })}
                      </Button>
                    )}
                  </Flex>
                </>
              )}
            </Form.List>
            <Form.Item name="note" label={t('reports.note')} style={{ marginTop: 12 }}>
              <Input.TextArea autoSize maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={action.isPending} block data-testid="plan-submit">
              {t('reports.filePlan')}
            </Button>
          </Form>
        </Card>
      )}
      <List
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        locale={{ emptyText: t('reports.noPlans') }}
        renderItem={(plan) => (
          <List.Item style={{ padding: '6px 0' }}>
            <PlanCard plan={plan} decide={view === 'team' ? (approve) => decide(plan, approve) : undefined} />
          </List.Item>
        )}
        data-testid="plan-list"
      />
    </Flex>
  );
}
