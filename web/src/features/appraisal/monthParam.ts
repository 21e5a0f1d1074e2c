/** A month 'YYYY-MM' from a link's `?month=`, or null when absent or malformed. */
export const monthParam = (value: string | null): string | null => (value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null);
