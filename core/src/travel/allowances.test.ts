import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOf } from '../calendar/dates';
import { defaultPolicy } from '../policy/defaults';
import type { TDestinationLevel, TTravelPolicy } from '../policy/travelPolicy';
import {
  type TAllowanceApprovals,
  type TAllowanceItinerary,
  computeAllowances,
  daysInclusive,
  itineraryWindow,
  newEmployeeOn,
} from './allowances';

const travel = (change: (p: TTravelPolicy) => void = () => {}): { travel: TTravelPolicy; version: number } => {
  const p = structuredClone(defaultPolicy().travel);
  change(p);
  return { travel: p, version: 3 };
};
const plus = (date: string, days: number) => dateOfDayNumber(dayNumberOf(date) + days);
const trip = (
  startDate: string,
  days: number,
  level: TDestinationLevel = 'outOfProvince',
  extra: Partial<TAllowanceItinerary> = {},
): TAllowanceItinerary => ({
  workType: 'technicalGuidance',
  boardProvided: false,
  segments: [{ startDate, endDate: plus(startDate, days - 1), destinationLevel: level }],
  ...extra,
});
const none: TAllowanceApprovals = { specialDailyFen: null, extension: null };
const regular = { hireDate: '2020-01-01' };
/** Hired 2026-01-15: with the default 3 months a new employee through 2026-04-14. */
const newcomer = { hireDate: '2026-01-15' };

describe('computeAllowances: TR-3 technical guidance', () => {
  it('pays nothing for a 1-day trip (the departure day is also the return day)', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 1), regular, none);
    expect(r.totalFen).toBe(0);
    expect(r.lines).toEqual([]);
  });

  it('pays 120 yuan per day out of province without the departure and return days', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 5), regular, none);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ kind: 'technicalGuidance', days: 3, rateFen: 12000, amountFen: 36000 });
    expect(r.lines[0].explanation).toMatchObject({ ruleId: 'TR-3', policyVersion: 3 });
    expect(r.lines[0].explanation.inputs.dates).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect(r.lines[0].explanation.text['zh-CN']).toContain('不含出发和返回日');
    expect(r.lines[0].explanation.text.en).toContain('departure and return days excluded');
    expect(r.totalFen).toBe(36000);
  });

  it('pays exactly the maximum for a trip of max + 2 days, with no cap note', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 7 + 2), regular, none);
    expect(r.lines[0]).toMatchObject({ days: 7, amountFen: 7 * 12000 });
    expect(r.lines[0].explanation.text.en).not.toContain('cap');
  });

  it('caps at the maximum days for a trip of max + 3 days and says so', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 7 + 3), regular, none);
    expect(r.lines[0]).toMatchObject({ days: 7, amountFen: 7 * 12000 });
    expect(r.lines[0].explanation.text.en).toContain('at most 7 days, 1 day(s) over the cap not paid');
  });

  it('reads the cap and the travel-day rule from the policy', () => {
    const p = travel((t) => {
      t.technicalGuidanceMaxDays = 2;
      t.technicalGuidanceExcludesTravelDays = false;
    });
    expect(computeAllowances(p, trip('2026-03-02', 1), regular, none).totalFen).toBe(12000);
    expect(computeAllowances(p, trip('2026-03-02', 5), regular, none).lines[0]).toMatchObject({ days: 2 });
  });

  it('pays no technical guidance where the policy rate is 0 (a prefecture-level city)', () => {
    expect(computeAllowances(travel(), trip('2026-03-02', 5, 'prefectureCity'), regular, none).totalFen).toBe(0);
  });
});

describe('computeAllowances: TR-3 construction meals and lodging', () => {
  const construction = (days: number, level: TDestinationLevel, boardProvided = false) =>
    trip('2026-03-02', days, level, { workType: 'construction', boardProvided });

  it('pays per night away by destination level: 80 prefecture city, 60 county', () => {
    expect(computeAllowances(travel(), construction(3, 'prefectureCity'), regular, none).lines[0]).toMatchObject({
      kind: 'mealsLodging',
      days: 2,
      rateFen: 8000,
      amountFen: 16000,
    });
    expect(computeAllowances(travel(), construction(3, 'countyOrBelow'), regular, none).lines[0]).toMatchObject({
      days: 2,
      rateFen: 6000,
      amountFen: 12000,
    });
  });

  it('pays nothing for a day trip (no night away)', () => {
    expect(computeAllowances(travel(), construction(1, 'countyOrBelow'), regular, none).totalFen).toBe(0);
  });

  it('pays nothing when the client provides board and lodging, and explains it', () => {
    const r = computeAllowances(travel(), construction(4, 'prefectureCity', true), regular, none);
    expect(r.totalFen).toBe(0);
    expect(r.lines).toEqual([expect.objectContaining({ kind: 'boardProvided', days: 3, amountFen: 0 })]);
    expect(r.lines[0].explanation.text['zh-CN']).toContain('客户提供食宿');
  });

  it('still pays when the policy does not withhold it for provided board', () => {
    const p = travel((t) => (t.noMealsLodgingWhenClientProvides = false));
    expect(computeAllowances(p, construction(4, 'prefectureCity', true), regular, none).totalFen).toBe(24000);
  });

  it('splits nights by the level of where the traveller is', () => {
    const it2: TAllowanceItinerary = {
      workType: 'construction',
      boardProvided: false,
      segments: [
        { startDate: '2026-03-02', endDate: '2026-03-03', destinationLevel: 'prefectureCity' },
        { startDate: '2026-03-04', endDate: '2026-03-05', destinationLevel: 'countyOrBelow' },
      ],
    };
    const r = computeAllowances(travel(), it2, regular, none);
    expect(r.lines.map((l) => [l.rateFen, l.days])).toEqual([
      [8000, 2],
      [6000, 1],
    ]);
    expect(r.totalFen).toBe(22000);
  });
});

describe('computeAllowances: TR-3 new employees', () => {
  it('pays the new-employee rate per night instead of the work type’s rate', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 5), newcomer, none);
    expect(r.lines).toEqual([expect.objectContaining({ kind: 'newEmployee', days: 4, rateFen: 6000, amountFen: 24000 })]);
    expect(r.lines[0].explanation.text['zh-CN']).toContain('新员工期至 2026-04-14');
  });

  it('takes new-employee status from the hire date and the policy’s period: a trip from its last day is new, from the day after not', () => {
    expect(newEmployeeOn(travel(), '2026-01-15', '2026-04-14')).toMatchObject({ newEmployee: true, lastDay: '2026-04-14' });
    expect(newEmployeeOn(travel(), '2026-01-15', '2026-04-15').newEmployee).toBe(false);
    expect(newEmployeeOn(travel(), '2026-01-15', '2026-01-14').newEmployee).toBe(false);
    expect(newEmployeeOn(travel(), null, '2026-03-02').newEmployee).toBe(false);
    expect(
      newEmployeeOn(
        travel((p) => (p.newEmployeeMonths = 0)),
        '2026-01-15',
        '2026-01-15',
      ).newEmployee,
    ).toBe(false);
    // Month ends clamp: hired 2025-11-30 with 3 months is new through 2026-02-27.
    expect(newEmployeeOn(travel(), '2025-11-30', '2026-02-27').newEmployee).toBe(true);
    expect(newEmployeeOn(travel(), '2025-11-30', '2026-02-28').newEmployee).toBe(false);
    expect(computeAllowances(travel(), trip('2026-04-14', 3), newcomer, none).lines[0].kind).toBe('newEmployee');
    expect(computeAllowances(travel(), trip('2026-04-15', 3), newcomer, none).lines[0].kind).toBe('technicalGuidance');
    expect(newEmployeeOn(travel(), '2026-01-15', '2026-04-14').explanation).toMatchObject({ ruleId: 'TR-3', policyVersion: 3 });
  });

  it('pays a new employee nothing when board is provided', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 5, 'outOfProvince', { boardProvided: true }), newcomer, none);
    expect(r.totalFen).toBe(0);
  });
});

describe('computeAllowances: TR-4 special-region rate', () => {
  it('pays the GM-approved higher rate on the paid days with a TR-4 explanation', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 5), regular, { ...none, specialDailyFen: 20000 });
    expect(r.lines).toEqual([expect.objectContaining({ kind: 'specialRegion', days: 3, rateFen: 20000, amountFen: 60000 })]);
    expect(r.lines[0].explanation.ruleId).toBe('TR-4');
  });

  it('keeps the standard rate when the special one is not higher', () => {
    const r = computeAllowances(travel(), trip('2026-03-02', 5), regular, { ...none, specialDailyFen: 10000 });
    expect(r.lines[0]).toMatchObject({ kind: 'technicalGuidance', rateFen: 12000 });
  });

  it('ignores the special rate when the policy does not let the GM raise allowances', () => {
    const p = travel((t) => (t.gmMayRaiseAllowance = false));
    expect(computeAllowances(p, trip('2026-03-02', 5), regular, { ...none, specialDailyFen: 20000 }).totalFen).toBe(36000);
  });
});

describe('computeAllowances: TR-1 days beyond the itinerary', () => {
  const planned = trip('2026-03-02', 5); // 03-02 .. 03-06

  it('pays nothing for unapproved days after the itinerary and lists them', () => {
    const r = computeAllowances(travel(), { ...planned, actual: { startDate: '2026-03-02', endDate: '2026-03-08' } }, regular, none);
    // Paid guidance days: 03-03 .. 03-06 (03-02 departure, 03-07 beyond, 03-08 return and beyond).
    const beyond = r.lines.find((l) => l.kind === 'beyondItinerary');
    expect(beyond).toMatchObject({ days: 2, amountFen: 0 });
    expect(beyond?.explanation).toMatchObject({ ruleId: 'TR-1', inputs: { dates: ['2026-03-07', '2026-03-08'] } });
    expect(r.lines.find((l) => l.kind === 'technicalGuidance')).toMatchObject({ days: 4 });
  });

  it('pays the extra days once an extension is approved', () => {
    const r = computeAllowances(travel(), { ...planned, actual: { startDate: '2026-03-02', endDate: '2026-03-08' } }, regular, {
      ...none,
      extension: { startDate: '2026-03-07', endDate: '2026-03-08' },
    });
    expect(r.lines.find((l) => l.kind === 'beyondItinerary')).toBeUndefined();
    expect(r.lines[0]).toMatchObject({ days: 5 });
  });

  it('pays them when the policy does not require approval', () => {
    const p = travel((t) => (t.beyondItineraryNeedsApproval = false));
    const r = computeAllowances(p, { ...planned, actual: { startDate: '2026-03-02', endDate: '2026-03-08' } }, regular, none);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ days: 5 });
  });

  it('pays fewer days for a shorter actual trip', () => {
    const r = computeAllowances(travel(), { ...planned, actual: { startDate: '2026-03-02', endDate: '2026-03-04' } }, regular, none);
    expect(r.lines[0]).toMatchObject({ days: 1 });
  });
});

describe('itinerary helpers', () => {
  it('finds the first and last day of unordered segments', () => {
    expect(
      itineraryWindow([
        { startDate: '2026-03-05', endDate: '2026-03-06' },
        { startDate: '2026-03-01', endDate: '2026-03-02' },
      ]),
    ).toEqual({ startDate: '2026-03-01', endDate: '2026-03-06' });
    expect(daysInclusive('2026-02-27', '2026-03-02')).toBe(4);
  });
});

describe('computeAllowances: TR-3b flat daily allowance', () => {
  const flat = () =>
    travel((p) => {
      p.allowanceScheme = 'flatDaily';
      p.flatDailyFen = 10000;
    });

  it('pays the flat amount for every paid day away, departure and return included, whatever the destination or work', () => {
    const r = computeAllowances(flat(), trip('2026-03-02', 5, 'countyOrBelow', { workType: 'construction' }), regular, none);
    expect(r.lines).toEqual([expect.objectContaining({ kind: 'flatDaily', days: 5, rateFen: 10000, amountFen: 50000 })]);
    expect(r.lines[0].explanation).toMatchObject({ ruleId: 'TR-3', policyVersion: 3 });
    expect(r.lines[0].explanation.text.en).toContain('flat travel allowance');
  });

  it('lets the GM raise it for a special region (TR-4) and pays no unapproved day beyond the itinerary (TR-1)', () => {
    const raised = computeAllowances(flat(), trip('2026-03-02', 2), regular, { specialDailyFen: 15000, extension: null });
    expect(raised.lines).toEqual([expect.objectContaining({ kind: 'specialRegion', days: 2, rateFen: 15000 })]);
    const beyond = computeAllowances(
      flat(),
      trip('2026-03-02', 2, 'outOfProvince', { actual: { startDate: '2026-03-02', endDate: '2026-03-04' } }),
      regular,
      none,
    );
    expect(beyond.lines.map((l) => [l.kind, l.days])).toEqual([
      ['beyondItinerary', 1],
      ['flatDaily', 2],
    ]);
  });

  it('keeps the per-destination scheme by default and the new-employee rate for new employees', () => {
    expect(computeAllowances(travel(), trip('2026-03-02', 5), regular, none).lines[0].kind).toBe('technicalGuidance');
    expect(computeAllowances(flat(), trip('2026-03-02', 5), newcomer, none).lines[0].kind).toBe('newEmployee');
  });
});

describe('computeAllowances: properties', () => {
  const arbTrip = fc.record({
    offset: fc.integer({ min: 0, max: 700 }),
    days: fc.integer({ min: 1, max: 40 }),
    level: fc.constantFrom<TDestinationLevel>('outOfProvince', 'prefectureCity', 'countyOrBelow'),
    workType: fc.constantFrom('technicalGuidance' as const, 'construction' as const),
    boardProvided: fc.boolean(),
    newEmployee: fc.boolean(),
    special: fc.option(fc.integer({ min: 1, max: 50000 }), { nil: null }),
    extraDays: fc.integer({ min: 0, max: 5 }),
  });

  it('totals the lines, never pays more than the highest rate per day away, and never pays unapproved extra days', () => {
    fc.assert(
      fc.property(arbTrip, (a) => {
        const start = plus('2026-01-01', a.offset);
        const itinerary = trip(start, a.days, a.level, {
          workType: a.workType,
          boardProvided: a.boardProvided,
          actual: { startDate: start, endDate: plus(start, a.days - 1 + a.extraDays) },
        });
        const p = travel();
        const r = computeAllowances(p, itinerary, a.newEmployee ? { hireDate: start } : regular, {
          specialDailyFen: a.special,
          extension: null,
        });
        expect(r.totalFen).toBe(r.lines.reduce((s, l) => s + l.amountFen, 0));
        for (const l of r.lines) expect(l.amountFen).toBe(l.days * l.rateFen);
        const maxRate = Math.max(12000, 8000, 6000, a.special ?? 0);
        expect(r.totalFen).toBeLessThanOrEqual(a.days * maxRate);
        if (a.workType === 'technicalGuidance' && !a.newEmployee) {
          const guidanceDays = r.lines.filter((l) => l.kind !== 'beyondItinerary').reduce((s, l) => s + l.days, 0);
          expect(guidanceDays).toBeLessThanOrEqual(p.travel.technicalGuidanceMaxDays);
        }
        const paidDates = r.lines.filter((l) => l.amountFen > 0).flatMap((l) => l.explanation.inputs.dates as string[]);
        const last = plus(start, a.days - 1);
        expect(paidDates.every((d) => d <= last)).toBe(true);
        expect(daysInclusive(start, last)).toBe(a.days);
      }),
      { numRuns: 300 },
    );
  });
});
