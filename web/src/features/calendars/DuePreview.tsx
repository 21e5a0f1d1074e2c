import type { TCalendar } from '@techserve/core';
import { Alert, Button, Card, Flex, Form, InputNumber, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { useDuePreview } from './useDuePreview';
import { WorkingDaysCounter } from './WorkingDaysCounter';
import { formatInZone, nowInZone, weekdayInZone, zonedIso } from './zonedTime';
import { TypedDatePicker } from '../../shared/DateInput';

const QUICK = [
  { minutes: 30, key: 'quick30' },
  { minutes: 120, key: 'quick120' },
  { minutes: 480, key: 'quick480' },
  { minutes: 2880, key: 'quick2880' },
] as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type Props = { calendar: TCalendar; initialFrom?: string };

/** SLA-3 preview: "a request created at … with a target of N working minutes is due at …". */
export function DuePreview({ calendar, initialFrom }: Props) {
  const { t } = useTranslation();
  const zone = calendar.definition.timeZone;
  // The picked wall-clock time is read in the calendar's zone, not the browser's.
  const [local, setLocal] = useState<string | null>(initialFrom ?? nowInZone(zone, Date.now()));
  const [minutes, setMinutes] = useState<number | null>(480);
  const from = local ? zonedIso(local, zone) : null;
  const due = useDuePreview(calendar.id, calendar.version, from, minutes);

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('calendars.previewTitle')}>
        <Form layout="vertical">
          <Form.Item label={`${t('calendars.createdAt')}${t('calendars.inZone', { zone })}`} style={{ marginBottom: 12 }}>
            <TypedDatePicker
              withTime
              minuteStep={5}
              needConfirm={false}
              value={local ? dayjs(local) : null}
              onChange={(value) => setLocal(value ? value.format('YYYY-MM-DDTHH:mm') : null)}
              style={{ width: '100%', maxWidth: 260 }}
              data-testid="due-from"
            />
          </Form.Item>
          <Form.Item label={t('calendars.target')} style={{ marginBottom: 12 }}>
            <Flex wrap gap={8} align="center">
              <InputNumber
                min={0}
                max={527040}
                step={30}
                value={minutes}
                onChange={(value) => setMinutes(typeof value === 'number' ? value : null)}
                style={{ width: 120 }}
                data-testid="due-minutes"
              />
              <Flex wrap gap={6}>
                {QUICK.map((q) => (
                  <Button
                    key={q.minutes}
                    type={minutes === q.minutes ? 'primary' : 'default'}
                    onClick={() => setMinutes(q.minutes)}
                    data-testid={`due-quick-${q.minutes}`}
                  >
                    {t(`calendars.${q.key}`)}
                  </Button>
                ))}
              </Flex>
            </Flex>
          </Form.Item>
        </Form>
        <Spin spinning={due.isFetching}>
          {due.isError && <Alert type="error" showIcon title={(due.error as Error).message} />}
          {due.data && !due.isError && (
            <Alert
              type="success"
              data-testid="due-result"
              title={
                <Flex wrap gap={8} align="baseline">
                  <span>{t('calendars.dueAt')}</span>
                  <Typography.Text strong style={{ fontSize: 18 }}>
                    {formatInZone(due.data.due, zone)}
                  </Typography.Text>
                  <span>
                    {t(`calendars.weekday_${WEEKDAYS[weekdayInZone(due.data.due, zone) - 1]}`)} · {zone}
                  </span>
                </Flex>
              }
              description={<ExplanationLine explanation={due.data.explanation} />}
            />
          )}
        </Spin>
      </Card>
      <WorkingDaysCounter calendar={calendar} />
    </Flex>
  );
}
