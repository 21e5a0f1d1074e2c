import { describe, expect, it } from 'vitest';
import { formatInZone, weekdayInZone, zonedIso } from './zonedTime';

describe('zoned time', () => {
  it('reads a picked wall-clock time in the calendar zone, not the browser zone', () => {
    expect(zonedIso('2026-02-13T16:00', 'Asia/Shanghai')).toBe('2026-02-13T16:00:00+08:00');
    expect(zonedIso('2026-07-01T09:30', 'Europe/London')).toBe('2026-07-01T09:30:00+01:00');
    expect(zonedIso('2026-01-15T09:30', 'America/New_York')).toBe('2026-01-15T09:30:00-05:00');
    expect(zonedIso('2026-01-15T09:30', 'UTC')).toBe('2026-01-15T09:30:00+00:00');
  });

  it('shows a due instant in the calendar zone', () => {
    expect(formatInZone('2026-02-14T08:00:00.000Z', 'Asia/Shanghai')).toBe('2026-02-14 16:00');
    expect(weekdayInZone('2026-02-14T08:00:00.000Z', 'Asia/Shanghai')).toBe(6);
    expect(formatInZone('2026-02-13T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-02-14 07:30');
  });
});
