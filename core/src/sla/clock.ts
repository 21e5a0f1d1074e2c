import { compileCalendar } from '../calendar/compileCalendar';
import { addWorkingMinutes, type CompiledCalendar, workingMinutesBetween } from '../calendar/engine';
import { zoneOffsetAt } from '../calendar/timeZone';
import { explain, type TExplanation } from '../explanation';
import type { TLocalizedText } from '../policy/primitives';
import type { TPriority, TSlaLevel, TSlaTargets } from '../policy/slaPolicy';

/*
 * SLA clock conventions (SLA-2/3/4):
 * - Every target counts from `createdAt` in working minutes of the site calendar, or wall-clock minutes when
 *   the level is 24×7. dueAt is the engine's EARLIEST instant with the target elapsed, so a target ending at
 *   the close of the day is due at 17:30, not the next morning.
 * - Waiting for the customer (paused → resumed; still open at `now` means paused until now) does not count.
 *   A pause that starts at or after the due instant does not move it (a breach stays a breach), and pauses
 *   after a target is met do not move that target. Hence: working minutes from createdAt to dueAt equal the
 *   target plus `pausedMinutes`.
 * - resolved → reopened: the time between does not count for resolution; the clock continues from the reopen
 *   keeping the time already used. The first `resolved` since the last reopen is the resolution's metAt.
 * - First response is met by the first `first_response`, `arrived_on_site` or `resolved` (arriving or
 *   resolving answers the customer too); on-site by the first `arrived_on_site`.
 * - States, first match wins: met (metAt ≤ dueAt: met exactly at the due instant is on time), met_late,
 *   breached (now ≥ dueAt: breached at exactly the due instant), paused, near_breach
 *   (0 < remaining ≤ nearBreachMinutes: inclusive at exactly the threshold), running.
 * - remainingMinutes: working minutes from now to dueAt (negative when overdue); for a met target, from metAt
 *   to dueAt (the margin it was met with, negative when late). Exact to the ms, so it may be fractional.
 * - SLA-2 resolutionFrom 'solutionOffered' (a level's choice): the resolution target counts from the first
 *   `solution_offered` (or `resolved`, which offers the solution it applies) instead of createdAt. Until then it
 *   is `not_started`: dueAt is where it would fall if the solution were offered now, remainingMinutes the whole
 *   target. Pauses and reopen gaps before the start do not count (nothing was running).
 * - The clock is evaluated as of `now`: events after `now` are ignored. Events or `now` before createdAt are
 *   an invalid history and throw RangeError. Events at the same instant keep their given order.
 */

export type TSlaEventType = 'paused' | 'resumed' | 'first_response' | 'arrived_on_site' | 'solution_offered' | 'resolved' | 'reopened';

/** One entry of a request's history that matters to its SLA clock; `at` is epoch ms. */
export interface TSlaEvent {
  at: number;
  type: TSlaEventType;
}

export type TSlaTargetKind = 'firstResponse' | 'onsite' | 'resolution';
export const SLA_TARGET_KINDS: readonly TSlaTargetKind[] = ['firstResponse', 'onsite', 'resolution'];

export type TSlaClockState = 'not_started' | 'running' | 'paused' | 'near_breach' | 'breached' | 'met' | 'met_late';

export interface SlaClockOptions {
  /** Epoch ms the request was created; every target counts from here. */
  createdAt: number;
  /** SLA-1: the contract level (see findSlaLevel). */
  level: TSlaLevel;
  priority: TPriority;
  /** SLA-3: the site's business calendar; a 24×7 level ignores it except for the time zone of its text. */
  calendar: CompiledCalendar;
  /** The calendar's name for the explanation, e.g. 公司总部; defaults to "the company calendar". */
  calendarName?: TLocalizedText;
  events: readonly TSlaEvent[];
  now: number;
  /** SLA-4: policy.sla.nearBreachMinutes. */
  nearBreachMinutes: number;
  policyVersion: number | null;
  /** Whether the request needs an on-site visit; the on-site clock exists only then. */
  needsVisit: boolean;
  /** policy.sla.pauseWhileWaitingForCustomer; default true. When false, paused/resumed are ignored. */
  pauseWhileWaitingForCustomer?: boolean;
  /** CU-4: the contract's coverage (24×7 or business hours) decides the clock; null or absent: the level's calendarMode. */
  coverage?: 'business' | '24x7' | null;
}

/** SLA-3 / CU-4: wall-clock or business time — the contract's coverage when the request runs on a contract, else the level's. */
const calendarModeOf = (options: Pick<SlaClockOptions, 'level' | 'coverage'>) => options.coverage ?? options.level.calendarMode;

/** One target's clock. */
export interface TSlaTargetClock {
  target: TSlaTargetKind;
  targetMinutes: number;
  /** Epoch ms, shifted later by the working minutes spent paused before it. */
  dueAt: number;
  metAt: number | null;
  state: TSlaClockState;
  /** Working minutes until due from now (from metAt once met); negative when overdue. */
  remainingMinutes: number;
  /** Working minutes excluded before dueAt: waiting for the customer, and resolved-until-reopened. */
  pausedMinutes: number;
  explanation: TExplanation;
}

export interface TSlaClock {
  firstResponse: TSlaTargetClock;
  /** Null when the request needs no visit. */
  onsite: TSlaTargetClock | null;
  resolution: TSlaTargetClock;
}

type Interval = readonly [number, number];

const MINUTE_MS = 60_000;
// SLA-3: 24×7 levels run on wall-clock time; the engine ignores a 24×7 calendar's zone, so one serves all.
const WALL_CLOCK = compileCalendar({ mode: '24x7' });

const TARGET_FIELD: Record<TSlaTargetKind, keyof TSlaTargets> = {
  firstResponse: 'firstResponseMinutes',
  onsite: 'onsiteMinutes',
  resolution: 'resolutionMinutes',
};

const TARGET_TEXT: Record<TSlaTargetKind, { zh: string; en: string }> = {
  firstResponse: { zh: '首次响应', en: 'first response' },
  onsite: { zh: '到场', en: 'on-site arrival' },
  resolution: { zh: '解决', en: 'resolution' },
};

function checkInstant(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite epoch-ms number`);
}

/** Events up to `now`, in time order (stable, so same-instant events keep their given order). */
function historyUntil(options: SlaClockOptions): TSlaEvent[] {
  const { createdAt, now, events } = options;
  checkInstant(createdAt, 'createdAt');
  checkInstant(now, 'now');
  if (now < createdAt) throw new RangeError('now is before the request was created');
  for (const e of events) {
    checkInstant(e.at, `${e.type} event time`);
    if (e.at < createdAt) throw new RangeError(`${e.type} event is before the request was created`);
  }
  return events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
}

/** Waiting-for-customer intervals; a pause still open at `now` runs until now. */
function waitingIntervals(history: readonly TSlaEvent[], now: number): { intervals: Interval[]; pausedNow: boolean } {
  const intervals: Interval[] = [];
  let start: number | null = null;
  for (const e of history) {
    // A second pause while paused, or a resume while running, changes nothing.
    if (e.type === 'paused' && start === null) start = e.at;
    else if (e.type === 'resumed' && start !== null) {
      intervals.push([start, e.at]);
      start = null;
    }
  }
  if (start !== null) intervals.push([start, now]);
  return { intervals, pausedNow: start !== null };
}

/** The resolution's metAt and the resolved → reopened gaps that do not count towards it. */
function resolutionHistory(history: readonly TSlaEvent[]): { metAt: number | null; gaps: Interval[] } {
  const gaps: Interval[] = [];
  let metAt: number | null = null;
  for (const e of history) {
    if (e.type === 'resolved' && metAt === null) metAt = e.at;
    else if (e.type === 'reopened' && metAt !== null) {
      gaps.push([metAt, e.at]);
      metAt = null;
    }
  }
  return { metAt, gaps };
}

function firstOf(history: readonly TSlaEvent[], types: readonly TSlaEventType[]): number | null {
  return history.find((e) => types.includes(e.type))?.at ?? null;
}

/** Sorted, non-overlapping, non-empty intervals clipped to [from, to]. */
function normalise(intervals: readonly Interval[], from: number, to: number): Interval[] {
  const clipped = intervals
    .map(([s, e]): Interval => [Math.max(s, from), Math.min(e, to)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * The instant `targetMinutes` of counted working time have elapsed from `start`, skipping `excluded`
 * (normalised). Counting is in integer ms so long histories never drift by rounding.
 */
function dueInstant(
  cal: CompiledCalendar,
  start: number,
  targetMinutes: number,
  excluded: readonly Interval[],
): { dueAt: number; excludedMs: number } {
  let cursor = start;
  let remainingMs = Math.round(targetMinutes * MINUTE_MS);
  let excludedMs = 0;
  for (const [s, e] of excluded) {
    const workedMs = Math.round(workingMinutesBetween(cal, cursor, s) * MINUTE_MS);
    // A pause starting at or after the due instant does not move it.
    if (workedMs >= remainingMs) break;
    remainingMs -= workedMs;
    excludedMs += Math.round(workingMinutesBetween(cal, s, e) * MINUTE_MS);
    cursor = e;
  }
  return { dueAt: addWorkingMinutes(cal, cursor, remainingMs / MINUTE_MS), excludedMs };
}

function stateOf(
  metAt: number | null,
  dueAt: number,
  now: number,
  pausedNow: boolean,
  remaining: number,
  nearBreachMinutes: number,
): TSlaClockState {
  if (metAt !== null) return metAt <= dueAt ? 'met' : 'met_late';
  if (now >= dueAt) return 'breached';
  if (pausedNow) return 'paused';
  // SLA-4: inclusive — exactly nearBreachMinutes left is already near breach.
  if (remaining <= nearBreachMinutes && remaining > 0) return 'near_breach';
  return 'running';
}

/** 'YYYY-MM-DD HH:MM' (':SS' when not on the minute) in the site's time zone. */
export function localText(instant: number, timeZone: string): string {
  const iso = new Date(instant + zoneOffsetAt(timeZone, instant)).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

/** Minutes for a sentence: whole minutes as is, fractions to one decimal. */
function minutesText(minutes: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** What a target's explanation is written from: the clock itself, before its explanation, plus its context. */
type TargetFacts = Omit<TSlaTargetClock, 'explanation'> & {
  options: SlaClockOptions;
  reopened: boolean;
  /** When the target started counting: createdAt, or the solution offered (SLA-2); null while not started. */
  startedAt: number | null;
  fromSolution: boolean;
};

function explainTarget(f: TargetFacts): TExplanation {
  const { options, target, state, remainingMinutes: r } = f;
  const { level, priority, calendar } = options;
  const business = calendarModeOf(options) === 'business';
  const byContract = options.coverage != null;
  const at = (instant: number) => localText(instant, calendar.timeZone);
  const name = TARGET_TEXT[target];
  const unit = business ? { zh: '个工作分钟', en: 'working minutes' } : { zh: '分钟', en: 'minutes' };
  const levelZh = level.name['zh-CN'].endsWith('级') ? level.name['zh-CN'] : `${level.name['zh-CN']}级`;
  const rule = byContract ? '合同约定，CU-4' : 'SLA-3';
  const ruleEn = byContract ? 'by the contract, CU-4' : 'SLA-3';
  const calZh = !business
    ? `按 7×24 小时自然时间（${rule}）`
    : options.calendarName
      ? `按「${options.calendarName['zh-CN']}」日历（${rule}）`
      : `按公司日历（${rule}）`;
  const calEn = !business
    ? `on wall-clock time, 24×7 (${ruleEn})`
    : options.calendarName
      ? `on the "${options.calendarName.en}" calendar (${ruleEn})`
      : `on the company calendar (${ruleEn})`;

  const from = at(f.startedAt ?? options.now);
  const due = at(f.dueAt);
  const fromZh = f.fromSolution ? `自 ${from} 提出解决方案起` : `自 ${from} 起`;
  const fromEn = f.fromSolution ? `from the solution offered at ${from}` : `from ${from}`;
  let zh = `${levelZh} ${priority} ${name.zh}目标 ${f.targetMinutes} ${unit.zh}，${fromZh}${calZh} → ${due} 到期`;
  let en = `${level.name.en} ${priority} ${name.en} target ${f.targetMinutes} ${unit.en}`;
  en += ` ${fromEn} ${calEn} → due ${due}`;
  if (f.startedAt === null) {
    zh = `${levelZh} ${priority} ${name.zh}目标 ${f.targetMinutes} ${unit.zh}，自提出解决方案起计${calZh}`;
    en = `${level.name.en} ${priority} ${name.en} target ${f.targetMinutes} ${unit.en} from the moment a solution is offered, ${calEn}`;
  }
  if (f.pausedMinutes > 0) {
    const p = minutesText(f.pausedMinutes);
    zh += f.reopened ? `；等待客户及已解决至重开期间共 ${p} 分钟已顺延` : `；等待客户暂停 ${p} 分钟已顺延`;
    en += f.reopened ? `; ${p} min waiting for the customer or resolved until reopened added` : `; ${p} min waiting for the customer added`;
  }

  const left = minutesText(r);
  const over = minutesText(-r);
  const stateText: Record<TSlaClockState, { zh: string; en: string }> = {
    not_started: { zh: '尚未提出解决方案，未开始计时', en: 'not started: no solution offered yet' },
    running: { zh: `计时中，剩余 ${left} 分钟`, en: `running, ${left} min left` },
    paused: { zh: '等待客户，计时暂停', en: 'paused while waiting for the customer' },
    near_breach: {
      zh: `即将超时：剩余 ${left} 分钟，不超过预警阈值 ${options.nearBreachMinutes} 分钟`,
      en: `near breach: ${left} min left, within the ${options.nearBreachMinutes}-minute warning`,
    },
    breached: { zh: `已超时 ${over} 分钟`, en: `breached, ${over} min overdue` },
    met: { zh: `已于 ${at(f.metAt ?? 0)} 达成`, en: `met at ${at(f.metAt ?? 0)}` },
    met_late: {
      zh: `于 ${at(f.metAt ?? 0)} 达成，超时 ${over} 分钟`,
      en: `met late at ${at(f.metAt ?? 0)}, ${over} min overdue`,
    },
  };
  const s = stateText[state];
  // SLA-4 leads when the clock is breached or close to it; otherwise the target (SLA-2) does.
  const breach = state === 'near_breach' || state === 'breached' || state === 'met_late';
  return explain({
    ruleId: breach ? 'SLA-4' : 'SLA-2',
    policyVersion: options.policyVersion,
    inputs: {
      levelId: level.id,
      priority,
      target,
      targetMinutes: f.targetMinutes,
      calendarMode: calendarModeOf(options),
      coverage: options.coverage ?? null,
      resolutionFrom: target === 'resolution' ? (level.resolutionFrom ?? 'created') : 'created',
      startedAt: f.startedAt,
      timeZone: calendar.timeZone,
      createdAt: options.createdAt,
      now: options.now,
      pausedMinutes: f.pausedMinutes,
      nearBreachMinutes: options.nearBreachMinutes,
    },
    result: { dueAt: f.dueAt, metAt: f.metAt, state, remainingMinutes: r },
    zh: breach ? `SLA-4：${s.zh}。SLA-2：${zh}` : `SLA-2：${zh}；${s.zh}`,
    en: breach ? `SLA-4: ${s.en}. SLA-2: ${en}` : `SLA-2: ${en}; ${s.en}`,
  });
}

/**
 * SLA-1..4: the first-response, on-site (when needsVisit) and resolution clocks of one request as of `now`,
 * from its event history. Pure: time is only what the arguments say. See the conventions at the top of the file.
 */
export function computeSlaClock(options: SlaClockOptions): TSlaClock {
  const history = historyUntil(options);
  const { createdAt, now, level, priority } = options;
  const cal = calendarModeOf(options) === '24x7' ? WALL_CLOCK : options.calendar;
  const pausing = options.pauseWhileWaitingForCustomer ?? true;
  const waiting = pausing ? waitingIntervals(history, now) : { intervals: [], pausedNow: false };
  const resolution = resolutionHistory(history);

  const clock = (
    target: TSlaTargetKind,
    metAt: number | null,
    gaps: readonly Interval[],
    start: number | null = createdAt,
  ): TSlaTargetClock => {
    const targetMinutes = level.targets[priority][TARGET_FIELD[target]];
    // SLA-2: not started yet (no solution offered) — due as if offered now, nothing used.
    const from = start ?? now;
    // The clock stops when met: pauses after that do not move its due time.
    const excluded = start === null ? [] : normalise([...waiting.intervals, ...gaps], from, metAt ?? now);
    const { dueAt, excludedMs } = dueInstant(cal, from, targetMinutes, excluded);
    const remainingMinutes = workingMinutesBetween(cal, metAt ?? now, dueAt);
    const state =
      start === null ? 'not_started' : stateOf(metAt, dueAt, now, waiting.pausedNow, remainingMinutes, options.nearBreachMinutes);
    const pausedMinutes = excludedMs / MINUTE_MS;
    // Plain literals: on Node 20 spreading the result into a bigger object costs microseconds per property.
    const explanation = explainTarget({
      target,
      targetMinutes,
      dueAt,
      metAt,
      state,
      remainingMinutes,
      pausedMinutes,
      options,
      reopened: gaps.length > 0,
      startedAt: start,
      fromSolution: target === 'resolution' && level.resolutionFrom === 'solutionOffered',
    });
    return { target, targetMinutes, dueAt, metAt, state, remainingMinutes, pausedMinutes, explanation };
  };

  return {
    firstResponse: clock('firstResponse', firstOf(history, ['first_response', 'arrived_on_site', 'resolved']), []),
    onsite: options.needsVisit ? clock('onsite', firstOf(history, ['arrived_on_site']), []) : null,
    resolution: clock('resolution', resolution.metAt, resolution.gaps, resolutionStart(history, options)),
  };
}

/** SLA-2: when the resolution target starts counting — at creation, or at the first solution offered (null: not yet). */
function resolutionStart(history: readonly TSlaEvent[], options: SlaClockOptions): number | null {
  if (options.level.resolutionFrom !== 'solutionOffered') return options.createdAt;
  return firstOf(history, ['solution_offered', 'resolved']);
}

/**
 * SLA-2 on-site arrival by the same rules as `computeSlaClock`, without the explanation: its due instant, when the
 * engineer arrived and the target's state. For counting many requests at once (WR-5's timeliness rate reads a
 * department's month, 100,000 requests); a single request's clock with its explanation comes from computeSlaClock.
 */
export function onsiteArrival(
  options: Pick<
    SlaClockOptions,
    'createdAt' | 'level' | 'priority' | 'calendar' | 'events' | 'now' | 'pauseWhileWaitingForCustomer' | 'coverage'
  > & {
    nearBreachMinutes?: number;
  },
): { dueAt: number; metAt: number | null; state: TSlaClockState } {
  const { createdAt, now, level, priority } = options;
  const history = historyUntil({ ...options, nearBreachMinutes: 0, policyVersion: null, needsVisit: true });
  const cal = calendarModeOf(options) === '24x7' ? WALL_CLOCK : options.calendar;
  const waiting = (options.pauseWhileWaitingForCustomer ?? true) ? waitingIntervals(history, now) : { intervals: [], pausedNow: false };
  const metAt = firstOf(history, ['arrived_on_site']);
  const excluded = normalise(waiting.intervals, createdAt, metAt ?? now);
  const { dueAt } = dueInstant(cal, createdAt, level.targets[priority].onsiteMinutes, excluded);
  const remaining = metAt === null && now < dueAt ? workingMinutesBetween(cal, now, dueAt) : 0;
  return { dueAt, metAt, state: stateOf(metAt, dueAt, now, waiting.pausedNow, remaining, options.nearBreachMinutes ?? 0) };
}
