import { describe, expect, it } from 'vitest';
import { cnHolidaySet } from './builtin-cn';
import { foldIcsLine, holidaysToIcs, parseHolidayIcs } from './ics';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';
const event = (props: string[]) => ['BEGIN:VEVENT', ...props, 'END:VEVENT'];

describe('holidaysToIcs', () => {
  const ics = holidaysToIcs(cnHolidaySet(), '中国法定节假日 China public holidays');

  it('writes a VCALENDAR with CRLF line endings only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets', () => {
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });

  it('writes a holiday block as one all-day event with an exclusive DTEND', () => {
    expect(ics).toContain(
      [
        'DTSTART;VALUE=DATE:20251001',
        'DTEND;VALUE=DATE:20251006',
        'SUMMARY:国庆节 National Day',
        'CATEGORIES:HOLIDAY',
        'X-TECHSERVE-KIND:holiday',
      ].join('\r\n'),
    );
  });

  it('marks make-up working days', () => {
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20251011\r\nDTEND;VALUE=DATE:20251012\r\n[\s\S]*?X-TECHSERVE-KIND:makeup/);
  });

  it('escapes commas and semicolons in text', () => {
    const out = holidaysToIcs({ holidays: [{ date: '2025-01-01', name: 'A, B; C' }], makeupWorkdays: [] }, 'x');
    expect(out).toContain('SUMMARY:A\\, B\\; C');
    expect(parseHolidayIcs(out).holidays).toEqual([{ date: '2025-01-01', name: 'A, B; C' }]);
  });

  it('round-trips the built-in set exactly', () => {
    const parsed = parseHolidayIcs(ics);
    expect(parsed.errors).toEqual([]);
    expect({ holidays: parsed.holidays, makeupWorkdays: parsed.makeupWorkdays }).toEqual(cnHolidaySet());
  });
});

describe('foldIcsLine', () => {
  it('folds long lines without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'春节'.repeat(40)}`;
    const folded = foldIcsLine(line);
    const encoder = new TextEncoder();
    for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a 75-octet line alone', () => {
    const line = 'X'.repeat(75);
    expect(foldIcsLine(line)).toBe(line);
  });
});

describe('parseHolidayIcs', () => {
  it('expands a multi-day all-day event, DTEND exclusive', () => {
    const text = crlf([
      'BEGIN:VCALENDAR',
      ...event(['DTSTART;VALUE=DATE:20260215', 'DTEND;VALUE=DATE:20260224', 'SUMMARY:春节']),
      'END:VCALENDAR',
    ]);
    const { holidays, errors } = parseHolidayIcs(text);
    expect(errors).toEqual([]);
    expect(holidays.map((h) => h.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
  });

  it('reads 补班 / 上班 / (班) summaries and make-up categories as make-up days', () => {
    const text = crlf([
      'BEGIN:VCALENDAR',
      ...event(['DTSTART;VALUE=DATE:20260214', 'SUMMARY:春节补班']),
      ...event(['DTSTART;VALUE=DATE:20260228', 'SUMMARY:春节调休上班']),
      ...event(['DTSTART;VALUE=DATE:20260104', 'SUMMARY:元旦 (班)']),
      ...event(['DTSTART;VALUE=DATE:20260509', 'SUMMARY:Labour Day', 'CATEGORIES:PUBLIC,MAKEUP-WORKDAY']),
      ...event(['DTSTART;VALUE=DATE:20260101', 'DURATION:P3D', 'SUMMARY:元旦']),
      'END:VCALENDAR',
    ]);
    const { holidays, makeupWorkdays, errors } = parseHolidayIcs(text);
    expect(errors).toEqual([]);
    expect(makeupWorkdays.map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09']);
    expect(holidays.map((d) => d.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
  });

  it('unfolds folded lines and accepts bare LF line endings', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:2025', ' 0101', 'SUMMARY:New', ' Year', 'END:VEVENT']
      .concat('END:VCALENDAR')
      .join('\n');
    expect(parseHolidayIcs(text).holidays).toEqual([{ date: '2025-01-01', name: 'NewYear' }]);
  });

  it('reports timed, recurring and reversed events and keeps the good ones', () => {
    const text = crlf([
      'BEGIN:VCALENDAR',
      ...event(['DTSTART:20250101T090000Z', 'SUMMARY:meeting']),
      ...event(['DTSTART;VALUE=DATE:20250101', 'RRULE:FREQ=YEARLY', 'SUMMARY:New Year']),
      ...event(['DTSTART;VALUE=DATE:20250105', 'DTEND;VALUE=DATE:20250103', 'SUMMARY:reversed']),
      ...event(['DTSTART;VALUE=DATE:20250230', 'SUMMARY:no such day']),
      ...event(['DTSTART;VALUE=DATE:20250404', 'SUMMARY:清明节']),
      'END:VCALENDAR',
    ]);
    const { holidays, errors } = parseHolidayIcs(text);
    expect(holidays).toEqual([{ date: '2025-04-04', name: '清明节' }]);
    expect(errors.map((e) => e.message)).toEqual([
      'DTSTART: not an all-day event (has a time)',
      'recurring events are not supported',
      'DTEND must be after DTSTART',
      'DTSTART: 20250230 is not an existing date',
    ]);
    expect(errors[0].line).toBe(2);
  });

  it('keeps a date listed as both holiday and make-up day as a holiday and reports it', () => {
    const text = crlf([
      ...event(['DTSTART;VALUE=DATE:20251004', 'SUMMARY:National Day']),
      ...event(['DTSTART;VALUE=DATE:20251004', 'SUMMARY:补班']),
    ]);
    const result = parseHolidayIcs(text);
    expect(result.holidays.map((d) => d.date)).toEqual(['2025-10-04']);
    expect(result.makeupWorkdays).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });
});
