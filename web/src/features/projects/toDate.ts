import type { Dayjs } from 'dayjs';

/** A date picker's value as the API's 'YYYY-MM-DD' (undefined when empty). */
export const toDate = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);
