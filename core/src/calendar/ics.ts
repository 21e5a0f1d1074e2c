import { dateOfDayNumber, dayNumberOf, isIsoDate } from './dates';
import type { THolidaySet, TNamedDate } from './schema';

const CRLF = '\r\n';
type Kind = 'holiday' | 'makeup';
const CATEGORY: Record<Kind, string> = { holiday: 'HOLIDAY', makeup: 'MAKEUP-WORKDAY' };

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const compact = (date: string) => date.replace(/-/g, '');

/** Consecutive dates with the same name and kind become one multi-day event (DTEND exclusive). */
function toEvents(list: readonly TNamedDate[], kind: Kind): { first: string; last: string; name: string; kind: Kind }[] {
  const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const events: { first: string; last: string; name: string; kind: Kind }[] = [];
  for (const { date, name } of sorted) {
    const prev = events[events.length - 1];
    if (prev && prev.name === name && dayNumberOf(prev.last) + 1 === dayNumberOf(date)) prev.last = date;
    else events.push({ first: date, last: date, name, kind });
  }
  return events;
}

/**
 * An RFC 5545 VCALENDAR of all-day events: one per block of days off and per make-up working day, marked
 * with X-TECHSERVE-KIND and CATEGORIES. DTSTAMP is derived from the event date, so the output is deterministic.
 */
export function holidaysToIcs(set: THolidaySet, calendarName: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//TechServe//Business Calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  const events = [...toEvents(set.holidays, 'holiday'), ...toEvents(set.makeupWorkdays, 'makeup')].sort((a, b) =>
    a.first < b.first ? -1 : a.first > b.first ? 1 : 0,
  );
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${compact(e.first)}-${e.kind}@techserve`,
      `DTSTAMP:${compact(e.first)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(e.first)}`,
      `DTEND;VALUE=DATE:${compact(dateOfDayNumber(dayNumberOf(e.last) + 1))}`,
      `SUMMARY:${escapeText(e.name)}`,
      `CATEGORIES:${CATEGORY[e.kind]}`,
      `X-TECHSERVE-KIND:${e.kind}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

export interface TIcsParseError {
  /** 1-based line (after unfolding) of the event's BEGIN:VEVENT, or of the offending line. */
  line: number;
  message: string;
}

export interface TIcsParseResult extends THolidaySet {
  errors: TIcsParseError[];
}

// Summaries of Chinese holiday feeds mark make-up working days like this ('春节补班', '国庆节 (班)').
const MAKEUP_SUMMARY = /补班|上班|[(（]班[)）]/;
const MAKEUP_CATEGORY = /^(MAKEUP|MAKEUP-WORKDAY|WORKDAY|补班|调休|调休上班|上班)$/i;

function parseIcsDate(value: string, params: string): string | { error: string } {
  if (/^\d{8}$/.test(value)) {
    const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
    return isIsoDate(date) ? date : { error: `${value} is not an existing date` };
  }
  if (!/VALUE=DATE(?!-)/i.test(params) && /^\d{8}T/.test(value)) return { error: 'not an all-day event (has a time)' };
  return { error: `cannot read date '${value}'` };
}

interface RawEvent {
  line: number;
  props: { name: string; params: string; value: string; line: number }[];
}

/**
 * Reads holidays and make-up working days from an iCalendar feed: all-day VEVENTs (multi-day ones expand,
 * DTEND exclusive; DURATION:PnD/PnW accepted). An event is a make-up day when X-TECHSERVE-KIND is 'makeup',
 * a CATEGORIES value says so, or its SUMMARY contains 补班/上班/(班). Bad events are skipped and reported.
 */
export function parseHolidayIcs(text: string): TIcsParseResult {
  const lines = text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
  const errors: TIcsParseError[] = [];
  const raws: RawEvent[] = [];
  let current: RawEvent | null = null;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.trim() === '') return;
    const colon = raw.indexOf(':');
    if (colon < 0) {
      errors.push({ line: lineNo, message: `not a content line: '${raw.slice(0, 40)}'` });
      return;
    }
    const head = raw.slice(0, colon);
    const value = raw.slice(colon + 1);
    const semi = head.indexOf(';');
    const name = (semi < 0 ? head : head.slice(0, semi)).toUpperCase();
    const params = semi < 0 ? '' : head.slice(semi + 1);
    if (name === 'BEGIN' && value.toUpperCase() === 'VEVENT') current = { line: lineNo, props: [] };
    else if (name === 'END' && value.toUpperCase() === 'VEVENT') {
      if (current) raws.push(current);
      current = null;
    } else if (current) current.props.push({ name, params, value, line: lineNo });
  });

  const holidays = new Map<string, string>();
  const makeups = new Map<string, string>();
  for (const ev of raws) {
    const prop = (n: string) => ev.props.find((p) => p.name === n);
    const fail = (message: string) => errors.push({ line: ev.line, message });
    const start = prop('DTSTART');
    if (!start) {
      fail('event without DTSTART');
      continue;
    }
    if (prop('RRULE')) {
      fail('recurring events are not supported');
      continue;
    }
    const first = parseIcsDate(start.value, start.params);
    if (typeof first !== 'string') {
      fail(`DTSTART: ${first.error}`);
      continue;
    }
    let days = 1;
    const end = prop('DTEND');
    const duration = prop('DURATION');
    if (end) {
      const last = parseIcsDate(end.value, end.params);
      if (typeof last !== 'string') {
        fail(`DTEND: ${last.error}`);
        continue;
      }
      days = dayNumberOf(last) - dayNumberOf(first);
    } else if (duration) {
      const m = /^P(\d+)([DW])$/i.exec(duration.value);
      if (!m) {
        fail(`DURATION '${duration.value}' is not whole days`);
        continue;
      }
      days = Number(m[1]) * (m[2].toUpperCase() === 'W' ? 7 : 1);
    }
    if (days < 1) {
      fail('DTEND must be after DTSTART');
      continue;
    }
    const summary = unescapeText(prop('SUMMARY')?.value ?? '').trim();
    const kindProp = prop('X-TECHSERVE-KIND')?.value.trim().toLowerCase();
    const categories = ev.props
      .filter((p) => p.name === 'CATEGORIES')
      .flatMap((p) => p.value.split(/(?<!\\),/).map((c) => unescapeText(c).trim()));
    const isMakeup =
      kindProp !== undefined ? kindProp === 'makeup' : categories.some((c) => MAKEUP_CATEGORY.test(c)) || MAKEUP_SUMMARY.test(summary);
    const name = summary || (isMakeup ? '调休上班' : 'Holiday');
    const d0 = dayNumberOf(first);
    for (let d = d0; d < d0 + days; d++) {
      const date = dateOfDayNumber(d);
      const target = isMakeup ? makeups : holidays;
      const other = isMakeup ? holidays : makeups;
      if (other.has(date)) {
        fail(`${date} is both a holiday and a make-up working day; kept as a holiday`);
        if (isMakeup) continue;
        other.delete(date);
      }
      if (!target.has(date)) target.set(date, name);
    }
  }
  const toList = (m: Map<string, string>) =>
    [...m].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { holidays: toList(holidays), makeupWorkdays: toList(makeups), errors };
}
