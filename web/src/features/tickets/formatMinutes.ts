import type { TFunction } from 'i18next';

/** Working minutes as "2 小时 5 分钟" / "2 h 5 min" (absolute; rounded to the minute). */
export function formatMinutes(minutes: number, t: TFunction): string {
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? t('tickets.hoursMinutes', { h, m }) : t('tickets.minutes', { n: m });
}
