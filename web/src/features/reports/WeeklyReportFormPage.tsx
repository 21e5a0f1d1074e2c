import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { MARKET_CATEGORIES, type TMarketFeedback, type TWeeklyReport } from '@techserve/core';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Segmented, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { at, hours, mondayOf, today } from './reportDates';
import { useReportsAction, useWeeklyDraft } from './useReports';
import { useReportsError } from './useReportsError';
import './i18n';

type Values = { summary: string; problems?: string; nextWeek?: string; marketFeedback: TMarketFeedback[] };

/**
 * WR-4: write the week's report from what the week compiled — the numbers, the SR-13 market feedback (WR-3, editable),
 * the daily logs — with the due time in view (Saturday 18:00, the supervisor's Sunday 18:00, by the time received).
 */
export function WeeklyReportFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [params] = useSearchParams();
  const [weekStart, setWeekStart] = useState(params.get('weekStart') ?? mondayOf(today()));
  const [kind, setKind] = useState<'engineer' | 'supervisor'>(can('reports.write') ? 'engineer' : 'supervisor');
  const draft = useWeeklyDraft(weekStart, kind);
  const action = useReportsAction<TWeeklyReport>();
  const showError = useReportsError();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (draft.data) form.setFieldsValue({ marketFeedback: draft.data.marketFeedback });
  }, [draft.data, form]);

  const submit = (values: Values) =>
    action.mutate(
      {
        path: '/weekly-reports',
        body: {
          weekStart,
          kind,
          summary: values.summary,
          problems: values.problems ?? '',
          nextWeek: values.nextWeek ?? '',
          marketFeedback: (values.marketFeedback ?? []).map((m) => ({
            ...m,
            ticketId: m.ticketId ?? null,
            ticketNumber: m.ticketNumber ?? null,
          })),
        },
      },
      { onSuccess: (report) => void navigate(`/reports/weekly/${report.id}`), onError: (error) => showError(error, form) },
    );

  const d = draft.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }}>
      <PageHeader
        title={t('reports.writeWeekly')}
        extra={
          <Flex gap={8} wrap>
            {can('reports.supervise') && can('reports.write') && (
              <Segmented
                value={kind}
                onChange={(v) => setKind(v as 'engineer' | 'supervisor')}
                options={(['engineer', 'supervisor'] as const).map((k) => ({ value: k, label: t(`reports.kind_${k}`) }))}
              />
            )}
            <Input
              type="date"
              value={weekStart}
              onChange={(e) => setWeekStart(mondayOf(e.target.value || today()))}
              style={{ width: 170 }}
              data-testid="weekly-week"
            />
          </Flex>
        }
      />
      {draft.isLoading && <Skeleton active />}
      {d && (
        <>
          <Alert
            type="info"
            showIcon
            title={t('reports.dueLine', { at: at(d.due.dueAt), file: d.fileName })}
            description={<ExplanationLine explanation={d.due.explanation} />}
            data-testid="weekly-due"
          />
          {d.existingId && (
            <Alert
              type="warning"
              showIcon
              title={t('reports.alreadyFiled')}
              action={<Button onClick={() => void navigate(`/reports/weekly/${d.existingId}`)}>{t('reports.open')}</Button>}
            />
          )}
          <Card size="small" title={t('reports.weekInNumbers')}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label={t('reports.requestsWorked')}>{d.stats.requestsWorked}</Descriptions.Item>
              <Descriptions.Item label={t('reports.requestsResolved')}>{d.stats.requestsResolved}</Descriptions.Item>
              <Descriptions.Item label={t('reports.visits')}>{d.stats.visits}</Descriptions.Item>
              <Descriptions.Item label={t('reports.timeSpent')}>
                {t('reports.hoursValue', { hours: hours(d.stats.timeSpentMinutes) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.dailyLogs')}>{d.stats.dailyLogs}</Descriptions.Item>
              <Descriptions.Item label={t('reports.travelDays')}>{d.stats.travelDays}</Descriptions.Item>
            </Descriptions>
          </Card>
          {d.dailyLogs.length > 0 && (
            <Card size="small" title={t('reports.dailyLogsOfWeek')}>
              {d.dailyLogs.map((l) => (
                <Typography.Paragraph key={l.date} style={{ marginBottom: 4 }}>
                  <Typography.Text type="secondary">{l.date}</Typography.Text> {l.summary || '—'}
                </Typography.Paragraph>
              ))}
            </Card>
          )}
          <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="weekly-form">
            <Form.Item
              name="summary"
              label={t('reports.summaryOfWeek')}
              rules={[{ required: true, whitespace: true, message: t('reports.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 4 }} maxLength={10000} data-testid="weekly-summary" />
            </Form.Item>
            <Form.Item name="problems" label={t('reports.problems')}>
              <Input.TextArea autoSize maxLength={5000} />
            </Form.Item>
            <Form.Item name="nextWeek" label={t('reports.nextWeek')}>
              <Input.TextArea autoSize maxLength={5000} />
            </Form.Item>
            <Typography.Title level={5}>{t('reports.marketFeedback')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('reports.marketHint')}</Typography.Paragraph>
            <Form.List name="marketFeedback">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} wrap align="start">
                      <Form.Item name={[field.name, 'category']} style={{ width: 150 }}>
                        <Select options={MARKET_CATEGORIES.map((c) => ({ value: c, label: t(`reports.market_${c}`) }))} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'content']}
                        rules={[{ required: true, whitespace: true, message: t('reports.required') }]}
                        style={{ flex: '1 1 240px' }}
                      >
                        <Input.TextArea autoSize maxLength={5000} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} aria-label={t('reports.remove')} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ category: 'quality_feedback', content: '' })} block>
                    {t('reports.addFeedback')}
                  </Button>
                </>
              )}
            </Form.List>
            <Button
              type="primary"
              htmlType="submit"
              loading={action.isPending}
              block
              style={{ marginTop: 16 }}
              disabled={d.existingId != null}
              data-testid="weekly-submit"
            >
              {t('reports.fileWeekly')}
            </Button>
          </Form>
        </>
      )}
    </Flex>
  );
}
