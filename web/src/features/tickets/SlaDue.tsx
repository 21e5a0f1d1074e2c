import type { TTicketSummary } from '@techserve/core';
import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import './i18n';

dayjs.extend(relativeTime);

/**
 * The next SLA due instant of a list row, relative: red when breached, orange when near breach. The list row has
 * no working-time state, so "near" is judged on wall-clock time against the default 30-minute warning (working
 * minutes left are never more than wall-clock minutes, so this never calls a row near that is not).
 */
export function SlaDue({
  ticket,
  now = Date.now(),
  nearBreachMinutes = 30,
}: {
  ticket: Pick<TTicketSummary, 'nextDueAt' | 'slaBreached'>;
  now?: number;
  nearBreachMinutes?: number;
}) {
  const { t } = useTranslation();
  if (!ticket.nextDueAt) return <Typography.Text type="secondary">{t('tickets.noDue')}</Typography.Text>;
  const due = dayjs(ticket.nextDueAt);
  const late = ticket.slaBreached || due.valueOf() <= now;
  const soon = !late && due.valueOf() - now <= nearBreachMinutes * 60_000;
  const relative = due.from(dayjs(now));
  return (
    <Tooltip title={due.format('YYYY-MM-DD HH:mm')}>
      <Typography.Text
        type={late ? 'danger' : soon ? 'warning' : undefined}
        strong={late || soon}
        data-testid="sla-due"
        data-sla={late ? 'breached' : soon ? 'near' : 'ok'}
      >
        {late ? t('tickets.overdue', { time: relative }) : t('tickets.dueIn', { time: relative })}
      </Typography.Text>
    </Tooltip>
  );
}
