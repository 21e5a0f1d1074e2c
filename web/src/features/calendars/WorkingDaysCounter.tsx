import type { TCalendar } from '@techserve/core';
import { Alert, Card, Flex, Form, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { useWorkingDays } from './useWorkingDays';
import { nowInZone } from './zonedTime';
import { DateInput } from '../../shared/DateInput';

/** RS-6: how many working days lie between two dates on this calendar. */
export function WorkingDaysCounter({ calendar }: { calendar: TCalendar }) {
  const { t } = useTranslation();
  const today = nowInZone(calendar.definition.timeZone, Date.now()).slice(0, 10);
  const [from, setFrom] = useState<string | null>(today);
  const [to, setTo] = useState<string | null>(dayjs(today).add(1, 'month').format('YYYY-MM-DD'));
  const result = useWorkingDays(calendar.id, calendar.version, from, to);

  return (
    <Card size="small" title={t('calendars.workingDaysTitle')}>
      <Form layout="vertical">
        <Flex wrap gap={12}>
          <Form.Item label={t('calendars.fromDate')} style={{ marginBottom: 12 }}>
            <DateInput value={from} onChange={setFrom} style={{ width: 'auto' }} data-testid="wd-from" />
          </Form.Item>
          <Form.Item label={t('calendars.toDate')} style={{ marginBottom: 12 }}>
            <DateInput value={to} onChange={setTo} style={{ width: 'auto' }} data-testid="wd-to" />
          </Form.Item>
        </Flex>
      </Form>
      {!from || !to ? (
        <Typography.Text type="secondary">{t('calendars.pickDates')}</Typography.Text>
      ) : (
        <Spin spinning={result.isFetching}>
          {result.isError && <Alert type="error" showIcon title={(result.error as Error).message} />}
          {result.data && !result.isError && (
            <Flex vertical gap={4} data-testid="wd-result">
              <Typography.Text strong style={{ fontSize: 18 }}>
                {t('calendars.workingDays', { count: result.data.workingDays })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('calendars.workingDaysHint')}</Typography.Text>
              <ExplanationLine explanation={result.data.explanation} />
            </Flex>
          )}
        </Spin>
      )}
    </Card>
  );
}
