import { ClockCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../api/useApiError';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { DayStatusTag, PunchLine } from './AttendanceTags';
import { currentPosition, usePunch, useToday } from './useAttendance';
import './i18n';

/**
 * RS-1/AT-1: the clock-in card for the engineer and the resident, phone first (390 px): today's shift, one big punch
 * button (the time is the server's; the position is sent when the browser gives it), today's punches with their
 * flags and the judgement so far with its explanation.
 */
export function ClockInPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const punch = usePunch();
  const onError = useApiError();
  const [locating, setLocating] = useState(false);
  const data = today.data;

  const doPunch = async () => {
    setLocating(true);
    const position = await currentPosition();
    setLocating(false);
    punch.mutate(
      { device: window.matchMedia?.('(max-width: 600px)').matches ? 'phone' : 'web', ...position },
      {
        onSuccess: (p) => void message.success(t('attendance.punched', { time: dayjs(p.at).format('HH:mm') })),
        onError: (e) => onError(e),
      },
    );
  };

  if (today.isLoading || !data) return <Spin />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 480, margin: '0 auto' }}>
      <Card
        title={
          <Flex justify="space-between" align="center" wrap gap={4}>
            <span>{t('attendance.clockTitle')}</span>
            <Typography.Text type="secondary">{data.date}</Typography.Text>
          </Flex>
        }
        data-testid="clock-card"
      >
        <Flex vertical gap={12} align="stretch">
          {data.site && <Typography.Text>{t('attendance.site', { name: data.site.name })}</Typography.Text>}
          {data.working ? (
            <Flex gap={6} wrap align="center">
              <Typography.Text type="secondary">{t('attendance.shift')}</Typography.Text>
              {data.segments.map((s) => (
                <Tag key={s.startTime}>
                  {s.startTime}–{s.endTime}
                </Tag>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('attendance.notWorkingDay')}</Typography.Text>
          )}
          <Button
            type="primary"
            size="large"
            block
            icon={<ClockCircleOutlined />}
            style={{ height: 64, fontSize: 20 }}
            loading={locating || punch.isPending}
            onClick={() => void doPunch()}
            data-testid="punch"
          >
            {locating ? t('attendance.punching') : t('attendance.punch')}
          </Button>
          <Flex gap={8} align="center" wrap>
            <DayStatusTag status={data.day.status} />
            <Link to="/attendance/month">{t('attendance.myMonth')}</Link>
          </Flex>
          {data.day.explanations.map((e, i) => (
            <ExplanationLine key={i} explanation={e} testId="today-explanation" />
          ))}
        </Flex>
      </Card>
      <Card title={t('attendance.todayPunches')} size="small">
        <List
          dataSource={data.punches}
          locale={{ emptyText: t('attendance.noPunches') }}
          renderItem={(p) => (
            <List.Item>
              <PunchLine punch={p} />
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
