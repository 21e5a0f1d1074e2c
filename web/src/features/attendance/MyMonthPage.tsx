import { FormOutlined } from '@ant-design/icons';
import type { TAttendanceDay } from '@techserve/core';
import { Button, Card, DatePicker, Flex, List, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { DayStatusTag, PunchLine } from './AttendanceTags';
import { CorrectionDialog } from './CorrectionDialog';
import { RollupSummary } from './RollupSummary';
import { useAttendanceMonth } from './useAttendance';
import './i18n';

const time = (iso: string | null, none: string) => (iso ? dayjs(iso).format('HH:mm') : none);

function DayItem({ day, punches }: { day: TAttendanceDay; punches: ReactNode }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid={`day-${day.date}`}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{day.date}</Typography.Text>
          <DayStatusTag status={day.status} />
          {day.kind === 'makeup' && <Tag>{t('attendance.kind_makeup')}</Tag>}
        </Flex>
        {day.segments.map((s) => (
          <Typography.Text key={s.startTime} type="secondary">
            {t('attendance.segmentLine', {
              start: s.startTime,
              end: s.endTime,
              in: time(s.inAt, t('attendance.noTime')),
              out: time(s.outAt, t('attendance.noTime')),
            })}
          </Typography.Text>
        ))}
        {day.explanations.map((e, i) => (
          <ExplanationLine key={i} explanation={e} testId="day-explanation" />
        ))}
        {punches}
      </Flex>
    </List.Item>
  );
}

/**
 * RS-1..5: a person's month day by day — status, segments and every explanation — and the month's figures; one's own
 * (with "request a correction") or, with ?userId=, a person in the supervisor's or the client's scope.
 */
export function MyMonthPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const userId = params.get('userId') ? Number(params.get('userId')) : undefined;
  const data = useAttendanceMonth(month, userId);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const m = data.data;
  const days = m ? [...m.days].reverse() : [];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <PageHeader
        title={userId && m ? t('attendance.monthOf', { name: m.userName }) : t('attendance.myMonth')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker
              picker="month"
              value={dayjs(`${month}-01`)}
              allowClear={false}
              inputReadOnly
              aria-label={t('attendance.month')}
              onChange={(d) => d && setParams((p) => ({ ...Object.fromEntries(p), month: d.format('YYYY-MM') }), { replace: true })}
              data-testid="attendance-month"
            />
            {!userId && (
              <Button icon={<FormOutlined />} onClick={() => setCorrecting(dayjs().format('YYYY-MM-DD'))} data-testid="request-correction">
                {t('attendance.requestCorrection')}
              </Button>
            )}
          </Flex>
        }
      />
      {data.isLoading || !m ? (
        <Spin />
      ) : (
        <>
          {m.closed && <Tag color="purple">{t('attendance.closed')}</Tag>}
          <RollupSummary rollup={m.rollup} />
          <Card size="small">
            <List
              dataSource={days}
              renderItem={(d) => (
                <DayItem
                  key={d.date}
                  day={d}
                  punches={m.punches
                    .filter((p) => p.date === d.date)
                    .map((p) => (
                      <PunchLine key={p.id} punch={p} />
                    ))}
                />
              )}
            />
          </Card>
        </>
      )}
      <CorrectionDialog open={correcting !== null} date={correcting ?? undefined} onClose={() => setCorrecting(null)} />
    </Flex>
  );
}
