import dayjs from 'dayjs';

/** Today's local date (YYYY-MM-DD), for what the applicant may still do with a leave. */
export function useToday(): string {
  return dayjs().format('YYYY-MM-DD');
}
