import { type CompiledCalendar, type TCalendarDefinition, compileCalendar } from '@techserve/core';

// Compiled calendars keep their precomputed day intervals between requests; the key includes the record
// version, so an edited calendar is recompiled and an old compilation is never used.
const cache = new Map<string, CompiledCalendar>();

export function compiledCalendar(id: number, version: number, definition: TCalendarDefinition): CompiledCalendar {
  const key = `${id}:${version}`;
  let cal = cache.get(key);
  if (!cal) {
    if (cache.size > 200) cache.clear();
    cal = compileCalendar(definition);
    cache.set(key, cal);
  }
  return cal;
}
