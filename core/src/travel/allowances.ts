import { addMonthsToDate } from '../appraisal/windows';
import { dateOfDayNumber, dayNumberOf } from '../calendar/dates';
import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import type { TDestinationLevel, TTravelPolicy } from '../policy/travelPolicy';

/** TR-3: what the traveller does on the trip; the allowance differs. */
export const TRAVEL_WORK_TYPES = ['technicalGuidance', 'construction'] as const;
export type TTravelWorkType = (typeof TRAVEL_WORK_TYPES)[number];

/** The parts of an itinerary segment the allowances depend on. */
export type TAllowanceSegment = { startDate: string; endDate: string; destinationLevel: TDestinationLevel };

export type TAllowanceItinerary = {
  workType: TTravelWorkType;
  /** TR-3: the client provides board and lodging. */
  boardProvided: boolean;
  segments: readonly TAllowanceSegment[];
  /** The days actually away (a claim); omitted: the itinerary's own first and last day. */
  actual?: { startDate: string; endDate: string } | null;
};

/** TR-3: the traveller's hire date (null: not recorded — not a new employee). */
export type TAllowanceTraveller = { hireDate: string | null };

export type TNewEmployeeStatus = { newEmployee: boolean; lastDay: string | null; explanation: TExplanation };

/**
 * TR-3: whether someone is a new employee on a date — from their hire date through the last day of the policy's
 * period (hired 2026-01-15 with 3 months: new through 2026-04-14, not on 2026-04-15). Not a flag anyone sets.
 */
export function newEmployeeOn(policy: TAllowancePolicy, hireDate: string | null, date: string): TNewEmployeeStatus {
  const months = policy.travel.newEmployeeMonths;
  const lastDay = hireDate && months > 0 ? dateOfDayNumber(dayNumberOf(addMonthsToDate(hireDate, months)) - 1) : null;
  const newEmployee = hireDate !== null && lastDay !== null && hireDate <= date && date <= lastDay;
  const base = { ruleId: 'TR-3', policyVersion: policy.version, inputs: { hireDate, date, months }, result: { newEmployee, lastDay } };
  const text = !hireDate
    ? { zh: '未登记入职日期，不按新员工计', en: 'no hire date recorded: not a new employee' }
    : newEmployee
      ? {
          zh: `${hireDate} 入职，新员工期 ${months} 个月至 ${lastDay}，按新员工计`,
          en: `hired ${hireDate}: a new employee for ${months} month(s), through ${lastDay}`,
        }
      : {
          zh: `${hireDate} 入职，${date} 已不在新员工期（${months} 个月${lastDay ? `，至 ${lastDay}` : ''}）内`,
          en: `hired ${hireDate}: on ${date} outside the new-employee period (${months} month(s)${lastDay ? `, through ${lastDay}` : ''})`,
        };
  return { newEmployee, lastDay, explanation: explain({ ...base, ...text }) };
}

export type TAllowanceApprovals = {
  /** TR-4: a special-region daily rate the GM approved; null when none. */
  specialDailyFen: number | null;
  /** TR-1: an approved extension of the itinerary (days before or after it that are paid). */
  extension: { startDate: string; endDate: string } | null;
};

export type TAllowanceLineKind =
  'technicalGuidance' | 'mealsLodging' | 'newEmployee' | 'flatDaily' | 'specialRegion' | 'boardProvided' | 'beyondItinerary';

export type TAllowanceLine = {
  kind: TAllowanceLineKind;
  /** The days (or nights) paid on this line. */
  days: number;
  rateFen: number;
  amountFen: number;
  explanation: TExplanation;
};

export type TAllowanceResult = { lines: TAllowanceLine[]; totalFen: number };

export type TAllowancePolicy = { travel: TTravelPolicy; version: number | null };

const LEVEL_RANK: Record<TDestinationLevel, number> = { countyOrBelow: 1, prefectureCity: 2, outOfProvince: 3 };
const LEVEL_TEXT: Record<TDestinationLevel, { zh: string; en: string }> = {
  outOfProvince: { zh: '省外', en: 'out of province' },
  prefectureCity: { zh: '地级市', en: 'prefecture-level city' },
  countyOrBelow: { zh: '县及以下', en: 'county or below' },
};

/** The first and last day of an itinerary (segments need not be in order). */
export function itineraryWindow(segments: readonly Pick<TAllowanceSegment, 'startDate' | 'endDate'>[]): {
  startDate: string;
  endDate: string;
} {
  if (segments.length === 0) throw new RangeError('an itinerary needs at least one segment');
  let start = segments[0].startDate;
  let end = segments[0].endDate;
  for (const s of segments) {
    if (s.startDate < start) start = s.startDate;
    if (s.endDate > end) end = s.endDate;
  }
  return { startDate: start, endDate: end };
}

/** Whole days from `from` to `to` inclusive (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, dayNumberOf(to) - dayNumberOf(from) + 1);
}

/**
 * Where the traveller is on each day: the highest destination level among the segments covering it; a day between
 * segments keeps the level of the latest segment started before it; a day before the first takes the first's.
 */
function levelOn(segments: readonly TAllowanceSegment[], day: number): TDestinationLevel {
  let covering: TDestinationLevel | null = null;
  let latest: { start: number; level: TDestinationLevel } | null = null;
  let earliest: { start: number; level: TDestinationLevel } | null = null;
  for (const s of segments) {
    const start = dayNumberOf(s.startDate);
    const end = dayNumberOf(s.endDate);
    if (start <= day && day <= end && (covering === null || LEVEL_RANK[s.destinationLevel] > LEVEL_RANK[covering]))
      covering = s.destinationLevel;
    if (start <= day && (latest === null || start >= latest.start)) latest = { start, level: s.destinationLevel };
    if (earliest === null || start < earliest.start) earliest = { start, level: s.destinationLevel };
  }
  return covering ?? latest?.level ?? earliest!.level;
}

type Day = { date: string; level: TDestinationLevel; paid: boolean; first: boolean; last: boolean };

/** TR-1: the days away, each marked whether it may be paid (inside the itinerary or an approved extension). */
function daysAway(policy: TTravelPolicy, itinerary: TAllowanceItinerary, approvals: TAllowanceApprovals): Day[] {
  const window = itineraryWindow(itinerary.segments);
  const actual = itinerary.actual ?? window;
  const from = dayNumberOf(actual.startDate);
  const to = dayNumberOf(actual.endDate);
  const inside = (d: number, w: { startDate: string; endDate: string } | null) =>
    w !== null && dayNumberOf(w.startDate) <= d && d <= dayNumberOf(w.endDate);
  const days: Day[] = [];
  for (let d = from; d <= to; d++) {
    const paid = !policy.beyondItineraryNeedsApproval || inside(d, window) || inside(d, approvals.extension);
    days.push({ date: dateOfDayNumber(d), level: levelOn(itinerary.segments, d), paid, first: d === from, last: d === to });
  }
  return days;
}

const yuan = (fen: number) => ({ zh: formatMoneyFen(fen, 'zh-CN'), en: formatMoneyFen(fen, 'en') });

/**
 * TR-1/TR-3/TR-3b/TR-4: the allowance lines of a trip, each with its explanation (rule, policy version, inputs).
 * - the policy's scheme decides: by destination (below) or a flat daily allowance per paid day away (TR-3b);
 * - technical guidance: per day at the destination's rate, without the departure and return days (policy), at most
 *   the policy's maximum days;
 * - construction or welding: meals and lodging per night away (days = nights away) at the destination's rate; none
 *   when the client provides board and lodging (policy);
 * - a new employee (hire date within the policy's period on the trip's first day) gets the new-employee rate per
 *   night away instead (and none when board is provided);
 * - a GM-approved special-region rate replaces a lower rate on the paid days (TR-4, when the policy allows it);
 * - days beyond the itinerary without an approved extension get nothing (TR-1).
 * Pure: the same inputs always give the same lines.
 */
export function computeAllowances(
  policy: TAllowancePolicy,
  itinerary: TAllowanceItinerary,
  traveller: TAllowanceTraveller,
  approvals: TAllowanceApprovals,
): TAllowanceResult {
  const p = policy.travel;
  const version = policy.version;
  const days = daysAway(p, itinerary, approvals);
  const lines: TAllowanceLine[] = [];
  const beyond = days.filter((d) => !d.paid);
  if (beyond.length > 0) {
    lines.push({
      kind: 'beyondItinerary',
      days: beyond.length,
      rateFen: 0,
      amountFen: 0,
      explanation: explain({
        ruleId: 'TR-1',
        policyVersion: version,
        inputs: { dates: beyond.map((d) => d.date), extension: approvals.extension },
        result: 0,
        zh: `行程外 ${beyond.length} 天（${beyond[0].date} 起）未经批准，不予补助`,
        en: `${beyond.length} day(s) beyond the itinerary (from ${beyond[0].date}) were not approved: no allowance`,
      }),
    });
  }
  const special = p.gmMayRaiseAllowance ? approvals.specialDailyFen : null;
  // Nights away: every day but the last; only paid days count.
  const nights = days.filter((d) => !d.last && d.paid);
  const boardRule = itinerary.boardProvided && p.noMealsLodgingWhenClientProvides;
  const status = newEmployeeOn(policy, traveller.hireDate, days[0].date);

  if (status.newEmployee) {
    if (boardRule) {
      lines.push(boardLine(version, nights.length, 'newEmployee'));
    } else {
      pushRateLines(
        lines,
        version,
        nights,
        () => p.newEmployeeDailyFen,
        special,
        'newEmployee',
        (n, rate) => ({
          zh: `新员工补助 ${yuan(rate).zh}/天 × ${n} 天（天数按在外过夜计；新员工期至 ${status.lastDay}）`,
          en: `new-employee allowance ${yuan(rate).en}/day × ${n} day(s) (days = nights away; new employee through ${status.lastDay})`,
        }),
      );
    }
  } else if (p.allowanceScheme === 'flatDaily') {
    // TR-3b: one flat amount per paid day away, departure and return days included; the GM may raise it (TR-4).
    pushRateLines(
      lines,
      version,
      days.filter((d) => d.paid && p.flatDailyFen > 0),
      () => p.flatDailyFen,
      special,
      'flatDaily',
      (n, rate) => ({
        zh: `出差补贴按天包干 ${yuan(rate).zh}/天 × ${n} 天（TR-3b）`,
        en: `flat travel allowance ${yuan(rate).en}/day × ${n} day(s) (TR-3b)`,
      }),
    );
  } else if (itinerary.workType === 'technicalGuidance') {
    const candidates = days.filter(
      (d) =>
        d.paid &&
        !(p.technicalGuidanceExcludesTravelDays && (d.first || d.last)) &&
        p.allowanceByDestination[d.level].technicalGuidanceDailyFen > 0,
    );
    const paidDays = candidates.slice(0, p.technicalGuidanceMaxDays);
    const capped = candidates.length - paidDays.length;
    pushRateLines(
      lines,
      version,
      paidDays,
      (d) => p.allowanceByDestination[d.level].technicalGuidanceDailyFen,
      special,
      'technicalGuidance',
      (n, rate, level) => ({
        zh: `${LEVEL_TEXT[level].zh}技术指导 ${yuan(rate).zh}/天 × ${n} 天${p.technicalGuidanceExcludesTravelDays ? '（不含出发和返回日）' : ''}${capped > 0 ? `，最多 ${p.technicalGuidanceMaxDays} 天，超出 ${capped} 天不计` : ''}`,
        en: `technical guidance ${LEVEL_TEXT[level].en} ${yuan(rate).en}/day × ${n} day(s)${p.technicalGuidanceExcludesTravelDays ? ' (departure and return days excluded)' : ''}${capped > 0 ? `; at most ${p.technicalGuidanceMaxDays} days, ${capped} day(s) over the cap not paid` : ''}`,
      }),
    );
  } else if (boardRule) {
    lines.push(boardLine(version, nights.length, 'mealsLodging'));
  } else {
    const paidNights = nights.filter((d) => p.allowanceByDestination[d.level].mealsLodgingPerNightFen > 0);
    pushRateLines(
      lines,
      version,
      paidNights,
      (d) => p.allowanceByDestination[d.level].mealsLodgingPerNightFen,
      special,
      'mealsLodging',
      (n, rate, level) => ({
        zh: `${LEVEL_TEXT[level].zh}施工/焊接食宿补助 ${yuan(rate).zh}/晚 × ${n} 晚（天数按在外过夜计）`,
        en: `construction/welding meals and lodging ${LEVEL_TEXT[level].en} ${yuan(rate).en}/night × ${n} night(s) (days = nights away)`,
      }),
    );
  }
  return { lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0) };
}

function boardLine(version: number | null, nights: number, instead: TAllowanceLineKind): TAllowanceLine {
  return {
    kind: 'boardProvided',
    days: nights,
    rateFen: 0,
    amountFen: 0,
    explanation: explain({
      ruleId: 'TR-3',
      policyVersion: version,
      inputs: { boardProvided: true, nights, instead },
      result: 0,
      zh: '客户提供食宿，不发食宿补助',
      en: 'the client provides board and lodging: no meals and lodging allowance',
    }),
  };
}

/**
 * Groups the paid days by (level, rate) into lines; with a GM-approved special rate above a day's rate, that day is
 * paid at the special rate on a TR-4 line instead.
 */
function pushRateLines(
  lines: TAllowanceLine[],
  version: number | null,
  paid: Day[],
  rateOf: (d: Day) => number,
  special: number | null,
  kind: TAllowanceLineKind,
  text: (days: number, rateFen: number, level: TDestinationLevel) => { zh: string; en: string },
) {
  const groups = new Map<string, { level: TDestinationLevel; rate: number; special: boolean; dates: string[] }>();
  for (const d of paid) {
    const standard = rateOf(d);
    const raised = special !== null && special > standard;
    const rate = raised ? special : standard;
    const key = `${raised ? 'special' : d.level}:${rate}`;
    const g = groups.get(key) ?? { level: d.level, rate, special: raised, dates: [] };
    g.dates.push(d.date);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const n = g.dates.length;
    const amountFen = n * g.rate;
    const inputs = { dates: g.dates, destinationLevel: g.level, rateFen: g.rate, kind };
    lines.push(
      g.special
        ? {
            kind: 'specialRegion',
            days: n,
            rateFen: g.rate,
            amountFen,
            explanation: explain({
              ruleId: 'TR-4',
              policyVersion: version,
              inputs,
              result: amountFen,
              zh: `总经理批准的特殊地区补助 ${yuan(g.rate).zh}/天 × ${n} 天 = ${yuan(amountFen).zh}`,
              en: `special-region rate approved by the GM ${yuan(g.rate).en}/day × ${n} day(s) = ${yuan(amountFen).en}`,
            }),
          }
        : {
            kind,
            days: n,
            rateFen: g.rate,
            amountFen,
            explanation: explain({
              ruleId: 'TR-3',
              policyVersion: version,
              inputs,
              result: amountFen,
              zh: `${text(n, g.rate, g.level).zh} = ${yuan(amountFen).zh}`,
              en: `${text(n, g.rate, g.level).en} = ${yuan(amountFen).en}`,
            }),
          },
    );
  }
}

export * from './logWindows';
