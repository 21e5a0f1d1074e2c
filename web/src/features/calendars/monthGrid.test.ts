import { describe, expect, it } from 'vitest';
import type { TMonthDay } from './calendarTypes';
import { isoWeekdayOf, monthGrid, shiftMonth } from './monthGrid';

const daysOf = (month: string, count: number): TMonthDay[] =>
  Array.from({ length: count }, (_, i) => {
    const date = `${month}-${String(i + 1).padStart(2, '0')}`;
    return { date, weekday: isoWeekdayOf(date), kind: 'workday', minutes: 480 };
  });

describe('month grid', () => {
  it('puts 2026-02-01, a Sunday, in the seventh column after six empty cells', () => {
    const weeks = monthGrid(daysOf('2026-02', 28));
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0][6]?.date).toBe('2026-02-01');
    expect(weeks[1][0]?.date).toBe('2026-02-02');
  });

  it('pads the last week so every week has seven cells', () => {
    const weeks = monthGrid(daysOf('2026-02', 28));
    expect(weeks).toHaveLength(5);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[4][0]?.date).toBe('2026-02-23');
    expect(weeks[4][6]?.date).toBeUndefined();
    expect(weeks[4][6]).toBeNull();
  });

  it('starts a month beginning on a Monday in the first column', () => {
    const weeks = monthGrid(daysOf('2026-06', 30));
    expect(weeks[0][0]?.date).toBe('2026-06-01');
  });

  it('gives no weeks for no days', () => {
    expect(monthGrid([])).toEqual([]);
  });

  it('steps across year ends', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-02', 12)).toBe('2027-02');
  });
});
