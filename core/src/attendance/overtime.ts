import { type TExplanation, explain } from '../explanation';
import { type CompiledCalendar, dayKind } from '../calendar/engine';
import { statutoryHoliday } from '../calendar/statutoryHolidays';
import type { TDayKind } from '../calendar/schema';
import { zoneOffsetAt } from '../calendar/timeZone';
import type { TOvertimePolicy } from '../policy/attendancePolicy';
import type { TEvalPunch } from './evaluate';
import type { TShift } from './rules';

/** AT-5b: the kind of day that decides the overtime rate. */
export const OVERTIME_DAY_KINDS = ['workday', 'restDay', 'statutoryHoliday'] as const;
export type TOvertimeDayKind = (typeof OVERTIME_DAY_KINDS)[number];

export type TOvertimeDay = { date: string; kind: TOvertimeDayKind; calendarKind: TDayKind; festival: { zh: string; en: string } | null };

/**
 * AT-5b: a date's kind on the person's calendar. A working day — a 调休 make-up Saturday included — is a working day;
 * a day off inside a holiday block is a statutory holiday only on the festival's statutory days (statutoryHoliday),
 * the bridged days of the block (weekend days, weekdays swapped for a 调休 Saturday) are rest days, as are weekends.
 */
export function overtimeDay(cal: CompiledCalendar, date: string): TOvertimeDay {
  const calendarKind = dayKind(cal, date);
  const festival = calendarKind === 'holiday' ? statutoryHoliday(date) : null;
  const kind: TOvertimeDayKind =
    calendarKind === 'workday' || calendarKind === 'makeup' ? 'workday' : festival ? 'statutoryHoliday' : 'restDay';
  return { date, kind, calendarKind, festival };
}

export type TOvertimeInput = {
  /** The calendar's time zone: wall-clock times in the sentences. */
  timeZone: string;
  policy: TOvertimePolicy;
  policyVersion: number | null;
  request: { id: number; start: number; end: number };
  day: TOvertimeDay;
  /** The shift of the overtime's date (no segments on a day off); its time never counts as overtime. */
  shift: TShift;
  /** The person's punches around the window (approved corrections included), any order. */
  punches: readonly TEvalPunch[];
};

export type TOvertimeResult = {
  dayKind: TOvertimeDayKind;
  approvedMinutes: number;
  inAt: number | null;
  outAt: number | null;
  /** The time worked that counts: inside the approved window, outside the shift. */
  intervals: { start: number; end: number }[];
  workedMinutes: number;
  countedMinutes: number;
  paidMinutes: number;
  ratePercent: number;
  compensation: 'pay' | 'timeOff';
  explanations: TExplanation[];
};

const MINUTE = 60_000;
const KIND_TEXT: Record<TOvertimeDayKind, { zh: string; en: string }> = {
  workday: { zh: '工作日', en: 'a working day' },
  restDay: { zh: '休息日', en: 'a rest day' },
  statutoryHoliday: { zh: '法定节假日', en: 'a statutory holiday' },
};

/** 'HH:MM' wall clock of an instant in a time zone. */
const clock = (ms: number, timeZone: string) => {
  const m = Math.floor((ms + zoneOffsetAt(timeZone, ms)) / MINUTE);
  const d = ((m % 1440) + 1440) % 1440;
  return `${String(Math.floor(d / 60)).padStart(2, '0')}:${String(d % 60).padStart(2, '0')}`;
};

/** The parts of [start, end) not covered by the shift's segments. */
function outsideShift(start: number, end: number, shift: TShift): { start: number; end: number }[] {
  let parts = start < end ? [{ start, end }] : [];
  for (const s of shift.segments)
    parts = parts.flatMap((p) =>
      [
        { start: p.start, end: Math.min(p.end, s.start) },
        { start: Math.max(p.start, s.end), end: p.end },
      ].filter((x) => x.start < x.end),
    );
  return parts;
}

/**
 * AT-5/AT-5b: one approved overtime against the punches. Worked time runs from the first punch to the last punch
 * around the approved window (within the policy's punch window before its start and after its end, whole minutes; a
 * window right after a shift segment reaches back to that segment's start, whose arrival punch opens the time);
 * what counts is inside the approved window and outside the shift, rounded down to the policy's unit. Paid minutes
 * follow the policy's basis (by default the lesser of approved and counted: overtime is approved in advance). The
 * rate is the day kind's; a rest day's overtime is time off instead of pay when the policy says so.
 */
export function computeOvertime(input: TOvertimeInput): TOvertimeResult {
  const { policy: p, request: r, day } = input;
  const v = input.policyVersion;
  const w = p.punchWindowMinutes * MINUTE;
  const sorted = input.punches.map((x) => Math.floor(x.at / MINUTE) * MINUTE).sort((a, b) => a - b);
  // Overtime right after a shift segment continues it: the arrival punch of that segment opens the time worked.
  // Its arrival may come before the segment starts: up to the middle of the gap before it, as the day's evaluation assigns.
  const segs = input.shift.segments;
  const adjoining = segs
    .map((s, i) => ({ s, from: i === 0 ? s.start - w : (segs[i - 1].end + s.start) / 2 }))
    .filter(({ s }) => s.start < r.start && s.end >= r.start - w)
    .map((x) => x.from);
  const from = Math.min(r.start - w, ...adjoining);
  const inAt = sorted.find((t) => t >= from && t < r.end) ?? null;
  const outAt = [...sorted].reverse().find((t) => t > r.start && t <= r.end + w) ?? null;
  const present = inAt !== null && outAt !== null && outAt > inAt;
  const intervals = present ? outsideShift(Math.max(inAt, r.start), Math.min(outAt, r.end), input.shift) : [];
  const workedMinutes = intervals.reduce((n, x) => n + Math.round((x.end - x.start) / MINUTE), 0);
  const unit = p.roundingMinutes > 1 ? p.roundingMinutes : 1;
  const countedMinutes = Math.floor(workedMinutes / unit) * unit;
  const approvedMinutes = outsideShift(r.start, r.end, input.shift).reduce((n, x) => n + Math.round((x.end - x.start) / MINUTE), 0);
  const paidMinutes =
    p.paidBasis === 'actual'
      ? countedMinutes
      : p.paidBasis === 'approved'
        ? countedMinutes > 0
          ? approvedMinutes
          : 0
        : Math.min(approvedMinutes, countedMinutes);
  const ratePercent = day.kind === 'workday' ? p.workdayRatePercent : day.kind === 'restDay' ? p.restDayRatePercent : p.holidayRatePercent;
  const compensation = day.kind === 'restDay' && p.restDayCompensation === 'timeOff' ? 'timeOff' : 'pay';
  const hm = (ms: number) => clock(ms, input.timeZone);
  const window = `${hm(r.start)}–${hm(r.end)}`;
  const kindText = KIND_TEXT[day.kind];
  const festival = day.festival ? { zh: `（${day.festival.zh}）`, en: ` (${day.festival.en})` } : { zh: '', en: '' };
  const bridged = day.calendarKind === 'holiday' && day.kind === 'restDay';
  const makeup = day.calendarKind === 'makeup';
  const spans = intervals.map((x) => `${hm(x.start)}–${hm(x.end)}`).join('、');
  const shiftNote =
    input.shift.segments.length > 0
      ? {
          zh: `，班次 ${input.shift.segments.map((s) => `${s.startTime}–${s.endTime}`).join('、')} 内的时间不计`,
          en: `; time in the shift ${input.shift.segments.map((s) => `${s.startTime}–${s.endTime}`).join(', ')} does not count`,
        }
      : { zh: '', en: '' };
  const inputs = {
    overtime: r.id,
    date: day.date,
    window,
    inAt: inAt === null ? null : new Date(inAt).toISOString(),
    outAt: outAt === null ? null : new Date(outAt).toISOString(),
    punchWindowMinutes: p.punchWindowMinutes,
  };
  const explanations: TExplanation[] = [
    explain({
      ruleId: 'AT-5',
      policyVersion: v,
      inputs: {
        ...inputs,
        intervals: intervals.map((x) => [new Date(x.start).toISOString(), new Date(x.end).toISOString()]),
        workedMinutes,
      },
      result: workedMinutes,
      zh: present
        ? `${day.date} 批准加班 ${window}；打卡 ${hm(inAt)} 与 ${hm(outAt)}（取批准时段前后 ${p.punchWindowMinutes} 分钟内的首末打卡）` +
          `；批准时段内${input.shift.segments.length > 0 ? '、班次外' : ''}实际加班 ${spans || '无'}，共 ${workedMinutes} 分钟${shiftNote.zh}`
        : `${day.date} 批准加班 ${window}；批准时段前后 ${p.punchWindowMinutes} 分钟内没有成对的打卡记录：实际加班 0 分钟`,
      en: present
        ? `${day.date} approved overtime ${window}; punches ${hm(inAt)} and ${hm(outAt)} (the first and last within ` +
          `${p.punchWindowMinutes} min of the window); worked inside the window${input.shift.segments.length > 0 ? ' and outside the shift' : ''}: ` +
          `${spans || 'none'}, ${workedMinutes} min${shiftNote.en}`
        : `${day.date} approved overtime ${window}; no pair of punches within ${p.punchWindowMinutes} min of the window: 0 min worked`,
    }),
    explain({
      ruleId: 'AT-5',
      policyVersion: v,
      inputs: {
        overtime: r.id,
        workedMinutes,
        roundingMinutes: p.roundingMinutes,
        countedMinutes,
        approvedMinutes,
        paidBasis: p.paidBasis,
      },
      result: paidMinutes,
      zh:
        `按 ${unit} 分钟为单位向下取整计 ${countedMinutes} 分钟；批准 ${approvedMinutes} 分钟；` +
        (p.paidBasis === 'actual'
          ? `制度规定按实际时长计：${paidMinutes} 分钟`
          : p.paidBasis === 'approved'
            ? `制度规定按批准时长计（有实际加班时）：${paidMinutes} 分钟`
            : `加班须事先批准，按批准与实际较少者计：${paidMinutes} 分钟`),
      en:
        `rounded down to units of ${unit} min: ${countedMinutes} min counted; ${approvedMinutes} min approved; ` +
        (p.paidBasis === 'actual'
          ? `the policy pays the hours worked: ${paidMinutes} min`
          : p.paidBasis === 'approved'
            ? `the policy pays the approved hours (when any were worked): ${paidMinutes} min`
            : `overtime is approved in advance, so the lesser of approved and worked: ${paidMinutes} min`),
    }),
    explain({
      ruleId: 'AT-5b',
      policyVersion: v,
      inputs: {
        date: day.date,
        dayKind: day.kind,
        calendarKind: day.calendarKind,
        festival: day.festival?.zh ?? null,
        ratePercent,
        compensation,
      },
      result: { ratePercent, compensation },
      zh:
        `${day.date} 是${kindText.zh}${festival.zh}` +
        (makeup ? '（调休上班日按工作日计）' : bridged ? '（节假日中调休的休息日，不是法定节假日）' : '') +
        (compensation === 'timeOff'
          ? `：制度规定休息日加班安排同等时间补休 ${paidMinutes} 分钟，不发加班工资`
          : `：加班工资按 ${ratePercent}% 计`),
      en:
        `${day.date} is ${kindText.en}${festival.en}` +
        (makeup
          ? ' (a 调休 make-up day counts as a working day)'
          : bridged
            ? ' (a bridged rest day of the holiday block, not a statutory day)'
            : '') +
        (compensation === 'timeOff'
          ? `: the policy gives ${paidMinutes} min time off instead of pay`
          : `: overtime paid at ${ratePercent} %`),
    }),
  ];
  return {
    dayKind: day.kind,
    approvedMinutes,
    inAt,
    outAt,
    intervals,
    workedMinutes,
    countedMinutes,
    paidMinutes,
    ratePercent,
    compensation,
    explanations,
  };
}
