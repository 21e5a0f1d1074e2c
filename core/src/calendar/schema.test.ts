import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_HOURS, type TCalendarDefinitionInput, ZCalendarDefinition } from './schema';

const base: TCalendarDefinitionInput = { timeZone: 'Asia/Shanghai', mode: 'business' };

/** The issues of a rejected definition as [path, message] pairs. */
function issuesOf(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = ZCalendarDefinition.safeParse(input);
  if (result.success) throw new Error('expected the definition to be rejected');
  return result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

const week = (mon: { start: string; end: string }[]) => ({ ...DEFAULT_WEEKLY_HOURS, mon });

describe('ZCalendarDefinition', () => {
  it('accepts a minimal definition and fills in the default week', () => {
    const def = ZCalendarDefinition.parse({});
    expect(def.timeZone).toBe('Asia/Shanghai');
    expect(def.mode).toBe('business');
    expect(def.weeklyHours).toEqual(DEFAULT_WEEKLY_HOURS);
    expect(def.holidays).toEqual([]);
  });

  it('accepts split days, touching intervals and an interval ending at 24:00', () => {
    const mon = [
      { start: '00:00', end: '12:00' },
      { start: '12:00', end: '24:00' },
    ];
    expect(ZCalendarDefinition.safeParse({ ...base, weeklyHours: week(mon) }).success).toBe(true);
  });

  it('rejects an unknown time zone on the timeZone path', () => {
    expect(issuesOf({ ...base, timeZone: 'Mars/Olympus' })).toEqual([
      { path: ['timeZone'], message: "unknown IANA time zone 'Mars/Olympus'" },
    ]);
  });

  it('rejects a reversed interval on its end', () => {
    const mon = [
      { start: '08:30', end: '12:00' },
      { start: '17:30', end: '13:00' },
    ];
    expect(issuesOf({ ...base, weeklyHours: week(mon) })).toEqual([
      { path: ['weeklyHours', 'mon', 1, 'end'], message: 'interval end 13:00 must be after its start 17:30' },
    ]);
  });

  it('rejects an empty interval whose start equals its end', () => {
    expect(issuesOf({ ...base, weeklyHours: week([{ start: '09:00', end: '09:00' }]) })[0].path).toEqual(['weeklyHours', 'mon', 0, 'end']);
  });

  it('rejects overlapping intervals on the later one', () => {
    const mon = [
      { start: '13:00', end: '17:30' },
      { start: '08:30', end: '13:30' },
    ];
    expect(issuesOf({ ...base, weeklyHours: week(mon) })).toEqual([
      { path: ['weeklyHours', 'mon', 0, 'start'], message: 'interval 13:00–17:30 overlaps 08:30–13:30' },
    ]);
  });

  it('rejects a malformed time of day', () => {
    expect(issuesOf({ ...base, weeklyHours: week([{ start: '8:30', end: '12:00' }]) })[0].path).toEqual(['weeklyHours', 'mon', 0, 'start']);
  });

  it('rejects a non-existent holiday date such as 2026-02-30', () => {
    expect(issuesOf({ ...base, holidays: [{ date: '2026-02-30', name: 'Nope' }] })).toEqual([
      { path: ['holidays', 0, 'date'], message: '2026-02-30 is not an existing date' },
    ]);
  });

  it('rejects a make-up working day that is not a Saturday or Sunday', () => {
    const makeupWorkdays = [
      { date: '2025-09-28', name: 'ok, a Sunday' },
      { date: '2025-09-29', name: 'a Monday' },
    ];
    expect(issuesOf({ ...base, makeupWorkdays })).toEqual([
      { path: ['makeupWorkdays', 1, 'date'], message: 'make-up working day 2025-09-29 must be a Saturday or Sunday' },
    ]);
  });

  it('rejects a date that is both a holiday and a make-up working day', () => {
    const input = {
      ...base,
      holidays: [{ date: '2025-10-04', name: 'National Day' }],
      makeupWorkdays: [{ date: '2025-10-04', name: 'make-up' }],
    };
    expect(issuesOf(input)).toEqual([
      { path: ['makeupWorkdays', 0, 'date'], message: '2025-10-04 cannot be both a holiday and a make-up working day' },
    ]);
  });

  it('rejects a holiday listed twice', () => {
    const holidays = [
      { date: '2025-10-01', name: 'a' },
      { date: '2025-10-01', name: 'b' },
    ];
    expect(issuesOf({ ...base, holidays })[0].path).toEqual(['holidays', 1, 'date']);
  });

  it('rejects a business calendar without any working hours', () => {
    const weeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(issuesOf({ ...base, weeklyHours })[0].path).toEqual(['weeklyHours']);
  });

  it('rejects reversed make-up hours on their own path', () => {
    expect(issuesOf({ ...base, makeupHours: [{ start: '12:00', end: '08:30' }] })[0].path).toEqual(['makeupHours', 0, 'end']);
  });

  it('reports every bad field at once', () => {
    const input = {
      timeZone: 'Nowhere/Land',
      weeklyHours: week([{ start: '12:00', end: '08:00' }]),
      holidays: [{ date: '2025-02-29', name: 'not a leap year' }],
    };
    expect(issuesOf(input).map((i) => i.path)).toEqual([['timeZone'], ['weeklyHours', 'mon', 0, 'end'], ['holidays', 0, 'date']]);
  });
});
