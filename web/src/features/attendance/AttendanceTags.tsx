import type { TDayStatusApi, TPunch } from '@techserve/core';
import { Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import './i18n';

const STATUS_COLOR: Record<TDayStatusApi, string> = {
  rest: 'default',
  holiday: 'default',
  leave: 'blue',
  trip: 'geekblue',
  absent: 'red',
  incomplete: 'orange',
  late: 'volcano',
  early: 'gold',
  normal: 'green',
  pending: 'processing',
};

/** A day's status (RS-2/RS-3) as a coloured tag. */
export function DayStatusTag({ status }: { status: TDayStatusApi }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={`day-status-${status}`}>
      {t(`attendance.status_${status}`)}
    </Tag>
  );
}

/** A punch: its time, source and the flags it was kept with (RS-1: outside the geofence, no position, off the network). */
export function PunchLine({ punch }: { punch: TPunch }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap align="center" data-testid="punch-line">
      <strong>{dayjs(punch.at).format('HH:mm:ss')}</strong>
      <Tag>{t(`attendance.source_${punch.source}`)}</Tag>
      {punch.outsideGeofence && <Tag color="orange">{t('attendance.flag_outsideGeofence', { distance: punch.distanceM ?? '?' })}</Tag>}
      {punch.noPosition && <Tag color="orange">{t('attendance.flag_noPosition')}</Tag>}
      {punch.outsideNetwork && <Tag color="orange">{t('attendance.flag_outsideNetwork')}</Tag>}
    </Flex>
  );
}
