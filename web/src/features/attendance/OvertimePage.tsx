import type { TOvertime, TOvertimeLine } from '@techserve/core';
import { App, Button, Card, DatePicker, Flex, Form, Input, List, Segmented, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { useSession } from '../auth/useSession';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { useDecideOvertime, useOvertimeList, useOvertimeMonth, useRequestOvertime } from './useOvertime';
import './i18n';

type Values = { date: string; start: string; end: string; reason: string };
const hours = (minutes: number) => (minutes / 60).toFixed(minutes % 60 === 0 ? 0 : 1);

/** AT-5: ask for overtime in advance — date, from, to (an end before the start is past midnight), reason. Phone-sized. */
function RequestForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestOvertime();
  const onError = useApiError();
  const submit = (values: Values) =>
    request.mutate(
      { kind: 'voluntary', ...values },
      {
        onSuccess: () => {
          void message.success(t('attendance.overtimeSent'));
          form.resetFields();
        },
        onError: (e) => onError(e, form),
      },
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ date: dayjs().format('YYYY-MM-DD'), start: '18:00', end: '20:00' }}
    >
      <Form.Item name="date" label={t('attendance.overtimeDate')} rules={[{ required: true }]}>
        <Input type="date" data-testid="overtime-date" />
      </Form.Item>
      <Flex gap={8}>
        <Form.Item name="start" label={t('attendance.overtimeStart')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input type="time" data-testid="overtime-start" />
        </Form.Item>
        <Form.Item
          name="end"
          label={t('attendance.overtimeEnd')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
          extra={t('attendance.overtimeEndHint')}
        >
          <Input type="time" data-testid="overtime-end" />
        </Form.Item>
      </Flex>
      <Form.Item name="reason" label={t('attendance.overtimeReason')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={2} data-testid="overtime-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={request.isPending} data-testid="overtime-submit">
        {t('attendance.overtimeSubmit')}
      </Button>
    </Form>
  );
}

function OvertimeTitle({ o }: { o: TOvertime }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text strong>{o.userName}</Typography.Text>
      <span>
        {o.date} {o.start}–{o.end}
      </span>
      <Tag>{t(`attendance.overtimeKind_${o.kind}`)}</Tag>
      <Tag color={o.status === 'approved' ? 'green' : o.status === 'rejected' ? 'red' : 'blue'}>{t(`attendance.cstatus_${o.status}`)}</Tag>
    </Flex>
  );
}

/** One approved overtime of the month: paid hours and rate (or time off), and why. */
function LineItem({ line }: { line: TOvertimeLine }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid={`overtime-line-${line.overtimeId}`}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>
            {line.date} {line.start}–{line.end}
          </Typography.Text>
          <Tag>{t(`attendance.dayKind_${line.dayKind}`)}</Tag>
          <Tag color="gold">
            {line.compensation === 'timeOff'
              ? t('attendance.overtimeTimeOff', { hours: hours(line.paidMinutes) })
              : t('attendance.overtimePaid', { hours: hours(line.paidMinutes), rate: line.ratePercent })}
          </Tag>
          {line.bookedFrom && <Tag color="purple">{t('attendance.overtimeBookedFrom', { month: line.bookedFrom })}</Tag>}
        </Flex>
        {line.explanations.map((e, i) => (
          <ExplanationLine key={i} explanation={e} testId="overtime-explanation" />
        ))}
      </Flex>
    </List.Item>
  );
}

/** AT-5/AT-5b: my overtime month — each approved overtime with its hours, rate and explanations — and my requests. */
function MyOvertime() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const data = useOvertimeMonth(month);
  const mine = useOvertimeList('mine');
  const m = data.data;
  return (
    <Flex vertical gap={12}>
      <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
      {data.isLoading || !m ? (
        <Spin />
      ) : (
        <Card size="small" data-testid="overtime-month">
          <Flex gap={8} wrap>
            {m.totals.byRate.map((r) => (
              <Tag key={r.ratePercent}>{t('attendance.overtimePaid', { hours: hours(r.paidMinutes), rate: r.ratePercent })}</Tag>
            ))}
            {m.totals.timeOffMinutes > 0 && <Tag>{t('attendance.overtimeTimeOff', { hours: hours(m.totals.timeOffMinutes) })}</Tag>}
            {m.closed && <Tag>{t('attendance.closed')}</Tag>}
          </Flex>
          <List dataSource={m.lines} locale={{ emptyText: t('attendance.overtimeMonthEmpty') }} renderItem={(l) => <LineItem line={l} />} />
        </Card>
      )}
      <Card size="small" title={t('attendance.overtimeMine')}>
        <List
          dataSource={mine.data?.items ?? []}
          loading={mine.isLoading}
          locale={{ emptyText: t('attendance.overtimeNone') }}
          renderItem={(o) => (
            <List.Item>
              <Flex vertical gap={2}>
                <OvertimeTitle o={o} />
                <Typography.Text type="secondary">{o.reason}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}

/** AT-5b: the superior's inbox — approve or reject each request in scope (never one's own). */
function Inbox() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const inbox = useOvertimeList('inbox');
  const decide = useDecideOvertime();
  const onError = useApiError();
  const act = (o: TOvertime, approve: boolean) =>
    decide.mutate(
      { id: o.id, version: o.version, approve },
      { onSuccess: () => void message.success(t(approve ? 'attendance.approved' : 'attendance.rejected')), onError: (e) => onError(e) },
    );
  return (
    <List
      dataSource={inbox.data?.items ?? []}
      loading={inbox.isLoading}
      locale={{ emptyText: t('attendance.overtimeInboxEmpty') }}
      renderItem={(o) => (
        <List.Item data-testid={`overtime-${o.id}`}>
          <Flex vertical gap={6} style={{ width: '100%' }}>
            <OvertimeTitle o={o} />
            <Typography.Text type="secondary">
              {o.reason}
              {o.kind === 'ordered' ? ` · ${t('attendance.overtimeOrderedBy', { name: o.requestedByName })}` : ''}
            </Typography.Text>
            <Flex gap={8}>
              <Button
                type="primary"
                size="small"
                loading={decide.isPending}
                onClick={() => act(o, true)}
                data-testid={`overtime-approve-${o.id}`}
              >
                {t('attendance.approve')}
              </Button>
              <Button danger size="small" loading={decide.isPending} onClick={() => act(o, false)}>
                {t('attendance.reject')}
              </Button>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** AT-5/AT-5b (item 13): overtime — request (phone-friendly), my month with explanations, and the approval inbox. */
export function OvertimePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const approver = can('attendance.approve');
  const [tab, setTab] = useState(approver ? 'inbox' : 'request');
  const tabs = [
    { key: 'request', label: t('attendance.overtimeRequest'), children: <RequestForm /> },
    { key: 'mine', label: t('attendance.overtimeMy'), children: <MyOvertime /> },
    ...(approver ? [{ key: 'inbox', label: t('attendance.overtimeInbox'), children: <Inbox /> }] : []),
  ];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <PageHeader title={t('attendance.overtimeTitle')} />
      <Segmented block value={tab} onChange={(v) => setTab(String(v))} options={tabs.map((x) => ({ value: x.key, label: x.label }))} />
      <Card size="small">{tabs.find((x) => x.key === tab)?.children}</Card>
    </Flex>
  );
}
