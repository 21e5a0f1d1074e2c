import { z } from 'zod';
import { zInt } from '../schemas/common';

/** Text shown in both UI languages. */
export const ZLocalizedText = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

/** Money: integer fen (分), never negative in a policy. */
export const ZFen = zInt().min(0);
/** A duration in minutes (wall-clock or working minutes, as the field name says). */
export const ZMinutes = zInt().min(0);
/** A whole number of hours. */
export const ZHours = zInt().min(0);
/** A whole number of (calendar or working) days, as the field name says. */
export const ZDays = zInt().min(0);
/** A whole number of months. */
export const ZMonths = zInt().min(0);
/** A count of events or items. */
export const ZCount = zInt().min(0);
/** Appraisal weights, scores and conduct points. */
export const ZPoints = zInt().min(0);

/** A time of day 'HH:MM', 00:00–23:59 (24:00 allowed as an end of day). */
export const ZTimeOfDay = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, "a time of day 'HH:MM'");
export type TTimeOfDay = z.infer<typeof ZTimeOfDay>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const ZIsoWeekday = zInt().min(1).max(7);
/** A day of the month, 1–31. */
export const ZDayOfMonth = zInt().min(1).max(31);

/** Item ids are stable keys: camelCase or short codes, used in paths and diffs. */
export const ZItemId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an id of letters, digits, - or _');

/** A calendar date 'YYYY-MM-DD'. */
export const ZIsoDate = z.iso.date();

/** Minutes since midnight of an 'HH:MM' time. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}
