import type { TTravelRequest } from '@techserve/core';
import { Button, Card, Flex, Form, Input, List, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTravelAction, useTravelLogDays } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';
import { DateInput } from '../../shared/DateInput';

/** AT-2/AT-3: the trip's days — logged, missing (a window ended without a log), recorded as absence — and the phone form for today's log. */
export function LogsCard({ trip, own }: { trip: TTravelRequest; own: boolean }) {
  const { t } = useTranslation();
  const days = useTravelLogDays(trip.id);
  const action = useTravelAction();
  const showError = useTravelError();
  const [form] = Form.useForm<{ date: string; place: string; workDone: string }>();
  const file = (v: { date: string; place: string; workDone: string }) =>
    action.mutate(
      { path: '/travel-logs', body: { requestId: trip.id, ...v } },
      { onSuccess: () => form.resetFields(['place', 'workDone']), onError: (e) => showError(e, form) },
    );
  return (
    <Card
      size="small"
      title={t('travel.logs')}
      extra={days.data && <Typography.Text type="secondary">{t('travel.logEvery', { n: days.data.everyDays })}</Typography.Text>}
    >
      {own && trip.status === 'approved' && (
        <Form
          form={form}
          name="travelLog"
          layout="vertical"
          onFinish={file}
          initialValues={{ date: dayjs().format('YYYY-MM-DD') }}
          style={{ marginBottom: 12 }}
        >
          <Form.Item name="date" label={t('travel.logDate')} rules={[{ required: true, message: t('travel.required') }]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="place" label={t('travel.place')} rules={[{ required: true, message: t('travel.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="workDone" label={t('travel.workDone')} rules={[{ required: true, message: t('travel.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={action.isPending}>
            {t('travel.fileLog')}
          </Button>
        </Form>
      )}
      {days.isLoading ? (
        <Skeleton active />
      ) : (
        <List
          size="small"
          dataSource={days.data?.days ?? []}
          renderItem={(d) => (
            <List.Item key={d.date} data-testid={`log-day-${d.date}`}>
              <Flex vertical style={{ width: '100%' }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{d.date}</Typography.Text>
                  {d.log && <Tag color="green">{t('travel.logged')}</Tag>}
                  {d.missing && <Tag color="red">{t('travel.missing')}</Tag>}
                  {d.gap && <Tag color="volcano">{t('travel.gap')}</Tag>}
                </Flex>
                {d.log && (
                  <Typography.Text type="secondary">
                    {d.log.place} · {d.log.workDone}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
