import dayjs from 'dayjs';

/** An ISO instant in the viewer's local time ('YYYY-MM-DD HH:mm'), or a dash when absent. */
export function formatInstant(instant: string | null | undefined, format = 'YYYY-MM-DD HH:mm'): string {
  return instant ? dayjs(instant).format(format) : '—';
}
