import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { TCalendar, TDayKind } from '@techserve/core';
import { Alert, Button, Card, DatePicker, Flex, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthGrid, shiftMonth } from './monthGrid';
import { useCalendarMonth } from './useCalendarMonth';
import { nowInZone } from './zonedTime';
import './calendars.css';

const KINDS: TDayKind[] = ['workday', 'weekend', 'holiday', 'makeup'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const SWATCH: Record<TDayKind, string> = { workday: '#f6ffed', weekend: '#fafafa', holiday: '#f5222d', makeup: '#fa8c16' };
const TAG_COLOUR: Partial<Record<TDayKind, string>> = { holiday: 'red', makeup: 'orange' };

type Props = { calendar: TCalendar; initialMonth?: string };

/** RS-1: a month of the calendar, each day coloured by kind — working, weekend, holiday, make-up day (调休). */
export function MonthView({ calendar, initialMonth }: Props) {
  const { t } = useTranslation();
  const today = nowInZone(calendar.definition.timeZone, Date.now()).slice(0, 10);
  const [month, setMonth] = useState(initialMonth ?? today.slice(0, 7));
  const query = useCalendarMonth(calendar.id, month, calendar.version);
  const days = query.data?.items ?? [];
  const weeks = monthGrid(days);
  const special = days.filter((d) => d.kind === 'holiday' || d.kind === 'makeup');
  const working = days.filter((d) => d.minutes > 0);
  const hours = working.reduce((sum, d) => sum + d.minutes, 0) / 60;

  return (
    <Flex vertical gap={12} data-testid="calendar-month">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Space.Compact>
          <Button icon={<LeftOutlined />} aria-label={t('calendars.prevMonth')} onClick={() => setMonth(shiftMonth(month, -1))} />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
            aria-label={t('calendars.month')}
            style={{ width: 130 }}
            data-testid="calendar-month-picker"
          />
          <Button icon={<RightOutlined />} aria-label={t('calendars.nextMonth')} onClick={() => setMonth(shiftMonth(month, 1))} />
        </Space.Compact>
        <Button onClick={() => setMonth(today.slice(0, 7))}>{t('calendars.today')}</Button>
      </Flex>
      <Flex wrap gap={12} role="list" aria-label="legend">
        {KINDS.map((kind) => (
          <span key={kind} role="listitem" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
            <span className="cal-swatch" style={{ background: SWATCH[kind] }} />
            {t(`calendars.kind_${kind}`)}
          </span>
        ))}
      </Flex>
      {query.isError && <Alert type="error" showIcon title={(query.error as Error).message} />}
      <Spin spinning={query.isFetching}>
        <div className="cal-grid" role="grid" aria-label={month}>
          {WEEKDAYS.map((key) => (
            <div key={key} className="cal-head" role="columnheader">
              {t(`calendars.weekday_${key}`)}
            </div>
          ))}
          {weeks.flat().map((day, index) => {
            if (!day) return <div key={`pad-${index}`} className="cal-cell cal-cell--empty" aria-hidden />;
            const classes = ['cal-cell', `cal-cell--${day.kind}`];
            if (day.date === today) classes.push('cal-cell--today');
            const label = `${day.date} ${t(`calendars.kind_${day.kind}`)}${day.name ? ` ${day.name}` : ''}`;
            return (
              <div
                key={day.date}
                className={classes.join(' ')}
                role="gridcell"
                title={label}
                aria-label={label}
                data-testid={`cal-day-${day.date}`}
                data-kind={day.kind}
              >
                <div className="cal-day-top">
                  <span className="cal-day-number">{Number(day.date.slice(8))}</span>
                  {(day.kind === 'holiday' || day.kind === 'makeup') && (
                    <span className="cal-badge">{t(`calendars.badge_${day.kind}`)}</span>
                  )}
                </div>
                {day.name && <span className="cal-day-name">{day.name}</span>}
                {day.minutes > 0 && <span className="cal-day-hours">{t('calendars.minutesShort', { hours: day.minutes / 60 })}</span>}
              </div>
            );
          })}
        </div>
      </Spin>
      {days.length > 0 && (
        <Typography.Text type="secondary">
          {t('calendars.monthSummary', { days: working.length, hours: Math.round(hours * 10) / 10 })}
        </Typography.Text>
      )}
      <Card size="small" title={t('calendars.specialDays')} styles={{ body: { padding: 0 } }}>
        {special.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: 12 }}>
            {t('calendars.noSpecialDays')}
          </Typography.Paragraph>
        )}
        {special.map((day, index) => (
          <Flex
            key={day.date}
            gap={8}
            wrap
            align="center"
            style={{ padding: '6px 12px', borderTop: index ? '1px solid #f0f0f0' : undefined }}
          >
            <Typography.Text code>{day.date}</Typography.Text>
            <span>{t(`calendars.weekday_${WEEKDAYS[day.weekday - 1]}`)}</span>
            <Tag color={TAG_COLOUR[day.kind]}>{t(`calendars.kind_${day.kind}`)}</Tag>
            <span>{day.name}</span>
          </Flex>
        ))}
      </Card>
    </Flex>
  );
}
