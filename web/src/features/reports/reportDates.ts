import dayjs from 'dayjs';

/** Company-local dates as the reports use them ('YYYY-MM-DD', weeks from Monday, months 'YYYY-MM'). */
export const today = () => dayjs().format('YYYY-MM-DD');
export const mondayOf = (date: string) => {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
};
export const plusDays = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD');
export const thisMonth = () => dayjs().format('YYYY-MM');
export const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');
/** An instant as 'YYYY-MM-DD HH:mm' in the browser's zone (the company's, for its users). */
export const at = (instant: string | null | undefined) => (instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : '—');
/** Minutes as "3.5 h" / "3.5 小时" numbers. */
export const hours = (minutes: number) => Math.round(minutes / 6) / 10;
