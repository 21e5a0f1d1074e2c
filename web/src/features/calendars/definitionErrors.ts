import type { TFunction } from 'i18next';

/** Problems with a calendar draft, keyed by the definition path: 'weeklyHours.mon.1.start' → messages. */
export type TDefinitionErrors = Map<string, string[]>;

/**
 * Collects 422 `details` ('body.definition.weeklyHours.mon.1.start') or local zod issues (path arrays)
 * under keys relative to the definition, so fields and the summary alert read the same map.
 */
export function definitionErrors(items: { path: string | PropertyKey[]; message: string }[]): TDefinitionErrors {
  const errors: TDefinitionErrors = new Map();
  for (const item of items) {
    const key = (typeof item.path === 'string' ? item.path : item.path.map(String).join('.'))
      .replace(/^body\.definition\.?/, '')
      .replace(/^body\.?/, '');
    errors.set(key, [...(errors.get(key) ?? []), item.message]);
  }
  return errors;
}

/** The first message at exactly `key`, for a field's error text. */
export function errorAt(errors: TDefinitionErrors, key: string): string | undefined {
  return errors.get(key)?.[0];
}

/** How many problems sit at or under `prefix` (a tab's badge). */
export function countUnder(errors: TDefinitionErrors, prefixes: string[]): number {
  let count = 0;
  for (const [key, messages] of errors) {
    if (prefixes.some((p) => key === p || key.startsWith(`${p}.`))) count += messages.length;
  }
  return count;
}

/** A readable label for a path: 'weeklyHours.mon.1.start' → 'Working hours · Mon · interval 2 · Start'. */
export function describePath(key: string, t: TFunction): string {
  if (key === '') return t('calendars.title');
  const [head, ...rest] = key.split('.');
  const parts = [t(`calendars.path_${head}`, { defaultValue: head })];
  const intervals = head === 'weeklyHours' || head === 'makeupHours';
  for (const seg of rest) {
    if (/^\d+$/.test(seg)) parts.push(t(intervals ? 'calendars.path_interval' : 'calendars.path_row', { n: Number(seg) + 1 }));
    else if (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].includes(seg)) parts.push(t(`calendars.weekday_${seg}`));
    else if (seg === 'start' || seg === 'end' || seg === 'date') parts.push(t(`calendars.${seg}`));
    else if (seg === 'name') parts.push(t('calendars.dayName'));
    else parts.push(seg);
  }
  return parts.join(' · ');
}
