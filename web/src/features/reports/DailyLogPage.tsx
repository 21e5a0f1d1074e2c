import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DAILY_LOG_SOURCES, type TDailyLog, type TDailyLogCreate, type TDailyLogItem, type TDailyLogTask } from '@techserve/core';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, List, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ObligationTag } from './ObligationTag';
import { hours, plusDays, today } from './reportDates';
import { useDailyDraft, useDailyLogs, useReportsAction } from './useReports';
import { useReportsError } from './useReportsError';
import './i18n';

type Values = { summary?: string; items: TDailyLogItem[]; tasks: TDailyLogTask[]; problems?: string; tomorrow?: string };

/**
 * WR-2 daily work log, phone-first: pick the day, see the lines the system already knows (requests worked with their
 * time, visits, the travel log) pre-filled and editable, add residents' tasks per person (RS-10), and file it before
 * the next working morning, when a missing log is flagged. The day's log once filed is corrected in place.
 */
export function DailyLogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [date, setDate] = useState(today());
  const draft = useDailyDraft(date);
  const mine = useDailyLogs('mine', plusDays(today(), -30), today());
  const existing: TDailyLog | undefined = mine.data?.items.find((l) => l.date === date);
  const action = useReportsAction<TDailyLog>();
  const showError = useReportsError();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (existing)
      form.setFieldsValue({
        summary: existing.summary,
        items: existing.items,
        tasks: existing.tasks,
        problems: existing.problems,
        tomorrow: existing.tomorrow,
      });
    else if (draft.data) form.setFieldsValue({ summary: '', items: draft.data.items, tasks: [], problems: '', tomorrow: '' });
  }, [existing, draft.data, form]);

  const submit = (values: Values) => {
    const body: Omit<TDailyLogCreate, 'date'> = {
      summary: values.summary ?? '',
      items: (values.items ?? []).map((i) => ({ ...i, refId: i.refId ?? null, refLabel: i.refLabel ?? '', minutes: i.minutes ?? 0 })),
      tasks: (values.tasks ?? []).map((task) => ({ ...task, personId: task.personId ?? null, minutes: task.minutes ?? 0 })),
      problems: values.problems ?? '',
      tomorrow: values.tomorrow ?? '',
    };
    const request = existing
      ? { path: `/daily-logs/${existing.id}`, method: 'PUT' as const, body: { ...body, version: existing.version } }
      : { path: '/daily-logs', body: { ...body, date } };
    action.mutate(request, { onSuccess: () => void message.success(t('reports.saved')), onError: (error) => showError(error, form) });
  };

  const sourceOptions = DAILY_LOG_SOURCES.map((s) => ({ value: s, label: t(`reports.source_${s}`) }));
  const statusOptions = (['done', 'in_progress', 'planned'] as const).map((s) => ({ value: s, label: t(`reports.task_${s}`) }));
  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }}>
      <PageHeader
        title={t('reports.dailyLog')}
        extra={
          <Input
            type="date"
            value={date}
            max={today()}
            onChange={(e) => setDate(e.target.value)}
            style={{ width: 170 }}
            data-testid="daily-date"
          />
        }
      />
      {draft.data?.due ? (
        <Alert
          type={existing?.obligation?.state === 'late' ? 'error' : 'info'}
          showIcon
          title={
            existing?.obligation ? (
              <ObligationTag state={existing.obligation.state} lateMinutes={existing.obligation.lateMinutes} />
            ) : (
              t('reports.dailyDue')
            )
          }
          description={<ExplanationLine explanation={existing?.obligation?.judgement ?? draft.data.due.explanation} />}
        />
      ) : (
        draft.data && <Alert type="info" showIcon title={t('reports.dailyNotDue')} />
      )}
      {draft.data?.resident && <Alert type="warning" showIcon title={t('reports.residentHint', { site: draft.data.siteName ?? '' })} />}
      {draft.isLoading ? (
        <Skeleton active />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ items: [], tasks: [] }} data-testid="daily-form">
          <Typography.Title level={5}>{t('reports.workLines')}</Typography.Title>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Card size="small" key={field.key} style={{ marginBottom: 8 }}>
                    <Flex gap={8} wrap align="start">
                      <Form.Item name={[field.name, 'source']} style={{ width: 110, marginBottom: 4 }}>
                        <Select options={sourceOptions} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'refLabel']} style={{ flex: '1 1 140px', marginBottom: 4 }}>
                        <Input maxLength={200} placeholder={t('reports.refLabel')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'minutes']} style={{ width: 110, marginBottom: 4 }}>
                        <InputNumber min={0} max={1440} placeholder={t('reports.minutesShort')} style={{ width: '100%' }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} aria-label={t('reports.remove')} />
                    </Flex>
                    <Form.Item
                      name={[field.name, 'content']}
                      rules={[{ required: true, whitespace: true, message: t('reports.required') }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Input.TextArea autoSize maxLength={2000} placeholder={t('reports.content')} />
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ source: 'other', refLabel: '', content: '', minutes: 0 })}
                  block
                  data-testid="daily-add-line"
                >
                  {t('reports.addLine')}
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('reports.tasks')}
          </Typography.Title>
          <Form.List name="tasks">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="start">
                    <Form.Item
                      name={[field.name, 'personName']}
                      rules={[{ required: true, whitespace: true, message: t('reports.required') }]}
                      style={{ width: 110 }}
                    >
                      <Input maxLength={60} placeholder={t('reports.person')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'task']}
                      rules={[{ required: true, whitespace: true, message: t('reports.required') }]}
                      style={{ flex: '1 1 180px' }}
                    >
                      <Input maxLength={1000} placeholder={t('reports.task')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'status']} style={{ width: 110 }}>
                      <Select options={statusOptions} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'minutes']} style={{ width: 100 }}>
                      <InputNumber min={0} max={1440} style={{ width: '100%' }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} aria-label={t('reports.remove')} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ personName: '', task: '', status: 'done', minutes: 0 })} block>
                  {t('reports.addTask')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="summary" label={t('reports.summary')} style={{ marginTop: 16 }}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} data-testid="daily-summary" />
          </Form.Item>
          <Form.Item name="problems" label={t('reports.problems')}>
            <Input.TextArea autoSize maxLength={3000} />
          </Form.Item>
          <Form.Item name="tomorrow" label={t('reports.tomorrow')}>
            <Input.TextArea autoSize maxLength={3000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.isPending} block data-testid="daily-submit">
            {existing ? t('reports.saveLog') : t('reports.fileLog')}
          </Button>
        </Form>
      )}
      <Typography.Title level={5}>{t('reports.recentLogs')}</Typography.Title>
      <List
        loading={mine.isLoading}
        dataSource={mine.data?.items ?? []}
        locale={{ emptyText: t('reports.noLogs') }}
        renderItem={(log) => (
          <List.Item onClick={() => setDate(log.date)} style={{ cursor: 'pointer' }}>
            <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
              <span>
                {log.date} · {t('reports.hoursValue', { hours: hours(log.totalMinutes) })}
              </span>
              {log.obligation && <ObligationTag state={log.obligation.state} lateMinutes={log.obligation.lateMinutes} />}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
