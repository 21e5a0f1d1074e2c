import { z } from 'zod';
import { wallClockToUtc } from '../calendar/timeZone';
import { type CompiledCalendar, dayKind, isWorkingDay } from '../calendar/engine';
import { dayNumberOf, DAY_MS } from '../calendar/dates';
import type { TDayKind } from '../calendar/schema';
import { type TAttendancePolicy, ZAttendancePolicy } from '../policy/attendancePolicy';
import { minutesOfDay } from '../policy/primitives';

/**
 * POL-1: the attendance values a client site (or project) may set for its residents instead of the company policy's.
 * Every key is optional; a key absent here is the policy's.
 */
export const ZAttendanceOverride = z.strictObject({
  workIntervals: ZAttendancePolicy.shape.workIntervals.optional(),
  lateThresholdMinutes: ZAttendancePolicy.shape.lateThresholdMinutes.optional(),
  earlyLeaveThresholdMinutes: ZAttendancePolicy.shape.earlyLeaveThresholdMinutes.optional(),
  seriouslyLateMinutes: ZAttendancePolicy.shape.seriouslyLateMinutes.optional(),
  seriouslyEarlyLeaveMinutes: ZAttendancePolicy.shape.seriouslyEarlyLeaveMinutes.optional(),
  monthlyLimits: ZAttendancePolicy.shape.monthlyLimits.optional(),
  absenceDaysAsResignation: ZAttendancePolicy.shape.absenceDaysAsResignation.optional(),
  /** RS-9: a site's own list of offences and their points (resident values, POL-1). */
  conductPoints: ZAttendancePolicy.shape.conductPoints.optional(),
});
export type TAttendanceOverride = z.infer<typeof ZAttendanceOverride>;
export type TAttendanceOverrideKey = keyof TAttendanceOverride;

/** The values one person's attendance is judged by: the policy version, and the site's override when it has one. */
export type TAttendanceRules = {
  policy: TAttendancePolicy;
  policyVersion: number | null;
  override: { siteId: number; siteName: string; keys: TAttendanceOverrideKey[] } | null;
};

/** POL-1: the company policy with a site's override laid over it; explanations name which values came from the site. */
export function attendanceRules(
  policy: TAttendancePolicy,
  policyVersion: number | null,
  site: { siteId: number; siteName: string; override: TAttendanceOverride } | null,
): TAttendanceRules {
  if (!site) return { policy, policyVersion, override: null };
  const keys = (Object.keys(site.override) as TAttendanceOverrideKey[]).filter((k) => site.override[k] !== undefined);
  if (keys.length === 0) return { policy, policyVersion, override: null };
  return {
    policy: { ...policy, ...Object.fromEntries(keys.map((k) => [k, site.override[k]])) },
    policyVersion,
    override: { siteId: site.siteId, siteName: site.siteName, keys },
  };
}

const sources = new WeakMap<TAttendanceRules, Map<TAttendanceOverrideKey, ReturnType<typeof sourceOfUncached>>>();

/**
 * Where a value came from, as inputs and sentences name it: the policy version or the site's override (POL-1);
 * memoised per rules object (a month's evaluation asks it for every person-day).
 */
export function sourceOf(rules: TAttendanceRules, key: TAttendanceOverrideKey) {
  let byKey = sources.get(rules);
  if (!byKey) {
    byKey = new Map();
    sources.set(rules, byKey);
  }
  let out = byKey.get(key);
  if (!out) {
    out = sourceOfUncached(rules, key);
    byKey.set(key, out);
  }
  return out;
}

function sourceOfUncached(rules: TAttendanceRules, key: TAttendanceOverrideKey) {
  if (rules.override?.keys.includes(key))
    return {
      source: 'site' as const,
      zh: `现场「${rules.override.siteName}」的规定（POL-1）`,
      en: `site ${rules.override.siteName}'s own value (POL-1)`,
    };
  const v = rules.policyVersion;
  return {
    source: 'policy' as const,
    zh: v === null ? '公司制度' : `制度第 ${v} 版`,
    en: v === null ? 'the company policy' : `policy v${v}`,
  };
}

/** One segment of a shift as UTC ms, with its wall-clock times. */
export type TShiftSegment = { start: number; end: number; startTime: string; endTime: string };

/** The shift of a date: its kind on the calendar and, on a working day, the work intervals as instants. */
export type TShift = { date: string; kind: TDayKind; working: boolean; segments: TShiftSegment[] };

/**
 * RS-1: the shift of a date — the work intervals (policy, or the site's, POL-1) on each working day of the person's
 * calendar (a site's own calendar for its residents): a 调休 make-up Saturday is a working day, a public holiday
 * and a weekend are not. Times are wall-clock in the calendar's time zone.
 */
export function shiftOn(cal: CompiledCalendar, date: string, rules: TAttendanceRules): TShift {
  const kind = dayKind(cal, date);
  const working = isWorkingDay(cal, date);
  if (!working) return { date, kind, working, segments: [] };
  const midnight = dayNumberOf(date) * DAY_MS;
  const segments = [...rules.policy.workIntervals]
    .sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start))
    .map((iv) => ({
      start: wallClockToUtc(cal.timeZone, midnight + minutesOfDay(iv.start) * 60_000),
      end: wallClockToUtc(cal.timeZone, midnight + minutesOfDay(iv.end) * 60_000),
      startTime: iv.start,
      endTime: iv.end,
    }));
  return { date, kind, working, segments };
}
