import { type TExplanation, explain } from '../explanation';
import type { TDayKind } from '../calendar/schema';
import { type TAttendanceRules, type TShift, sourceOf } from './rules';

/** A punch as the evaluation sees it: raw (phone, web, machine) or an approved correction (RS-1, item 3). */
export type TEvalPunch = { at: number; source: 'web' | 'phone' | 'machine' | 'correction' };

/** RS-3/AT-3: an absence reported by the lead, the manager or the client (not derived from punches). */
export const ABSENCE_REPORT_KINDS = ['leftWithoutPermission', 'standIn', 'unreachable', 'overstayedLeave', 'missingTravelLog'] as const;
export type TAbsenceReportKind = (typeof ABSENCE_REPORT_KINDS)[number];

export type TDayFacts = {
  shift: TShift;
  punches: readonly TEvalPunch[];
  /** RS-4: approved leave covering the day. */
  leave: { id: number; typeId: string } | null;
  /** AT-1: an approved trip covering the day. */
  trip: { id: number } | null;
  absenceReports: readonly { id: number; kind: TAbsenceReportKind }[];
  /** Evaluation time: segments not yet ended are not judged for early leave or missing punches. */
  asOf: number;
  /** The person's hire date (入职日期): days before it are not judged (no absence before one was employed). */
  hireDate?: string | null;
};

export type TSegmentResult = {
  startTime: string;
  endTime: string;
  inAt: number | null;
  outAt: number | null;
  lateMinutes: number;
  earlyMinutes: number;
  late: boolean;
  seriouslyLate: boolean;
  early: boolean;
  seriouslyEarly: boolean;
  missingIn: boolean;
  missingOut: boolean;
  /** The segment has not ended at the evaluation time. */
  pending: boolean;
};

export const DAY_STATUSES = ['rest', 'holiday', 'leave', 'trip', 'absent', 'incomplete', 'late', 'early', 'normal', 'pending'] as const;
export type TDayStatus = (typeof DAY_STATUSES)[number];

export type TDayEvaluation = {
  date: string;
  kind: TDayKind;
  status: TDayStatus;
  segments: TSegmentResult[];
  lateCount: number;
  lateMinutes: number;
  seriouslyLateCount: number;
  earlyCount: number;
  earlyMinutes: number;
  seriouslyEarlyCount: number;
  missingPunches: number;
  absent: boolean;
  explanations: TExplanation[];
};

const MINUTE = 60_000;
const minuteOf = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

/**
 * Which punches belong to which segment: each segment catches the punches from the middle of the gap before it to the
 * middle of the gap after it. Of several, the first is the arrival and the last the departure; a single punch is an
 * arrival in the segment's first half, else a departure.
 */
function assign(shift: TShift, punches: readonly TEvalPunch[]): { inAt: number | null; outAt: number | null }[] {
  const segs = shift.segments;
  const sorted = [...punches].sort((a, b) => a.at - b.at);
  return segs.map((s, i) => {
    const from = i === 0 ? -Infinity : (segs[i - 1].end + s.start) / 2;
    const to = i === segs.length - 1 ? Infinity : (s.end + segs[i + 1].start) / 2;
    const caught = sorted.filter((p) => p.at >= from && p.at < to);
    if (caught.length === 0) return { inAt: null, outAt: null };
    if (caught.length >= 2) return { inAt: caught[0].at, outAt: caught[caught.length - 1].at };
    return caught[0].at < (s.start + s.end) / 2 ? { inAt: caught[0].at, outAt: null } : { inAt: null, outAt: caught[0].at };
  });
}

const hhmm = (ms: number, shiftStart: number, startTime: string) => {
  const minutes = Math.round((minuteOf(ms) - shiftStart) / MINUTE) + Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3));
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

const REPORT_TEXT: Record<TAbsenceReportKind, { zh: string; en: string; ruleId: string }> = {
  leftWithoutPermission: { zh: '工作时间擅自离岗', en: 'left during work hours without permission', ruleId: 'RS-3' },
  standIn: { zh: '抽查发现由他人代岗', en: 'a stand-in found by a spot check', ruleId: 'RS-3' },
  unreachable: { zh: '手机关机或无法联系超过规定时间', en: 'unreachable beyond the policy hours', ruleId: 'AT-3' },
  overstayedLeave: { zh: '假期届满未归且无正当理由', en: 'overstayed leave without reason', ruleId: 'RS-3' },
  missingTravelLog: { zh: '出差期间未按要求报告', en: 'missing travel report', ruleId: 'AT-3' },
};

function empty(shift: TShift, status: TDayStatus, explanations: TExplanation[], absent = false): TDayEvaluation {
  return {
    date: shift.date,
    kind: shift.kind,
    status,
    segments: [],
    lateCount: 0,
    lateMinutes: 0,
    seriouslyLateCount: 0,
    earlyCount: 0,
    earlyMinutes: 0,
    seriouslyEarlyCount: 0,
    missingPunches: 0,
    absent,
    explanations,
  };
}

/**
 * RS-1/RS-2/RS-3/AT-1/AT-3: one person's day against their shift.
 * - Before the person's hire date (入职日期): nothing is judged — a person who joined mid-month was not absent before.
 * - Not a working day (weekend, public holiday): nothing is judged.
 * - A reported absence (left without permission, a stand-in, unreachable, overstayed leave) makes the day absent.
 * - Approved leave covers the day (RS-4); an approved trip covers it (AT-1: away, attendance is meeting the work).
 * - A working day without any punch, once its first segment has ended, is an absence without leave (旷工, RS-3).
 * - Otherwise each segment is judged separately on whole minutes (a punch at 08:15:59 counts as 08:15): arriving more
 *   than the late threshold after the segment's start is late, leaving more than the early threshold before its end
 *   is early leave, and beyond the serious thresholds seriously so (RS-9); exactly at a threshold is not late.
 *   A segment without its arrival or departure punch counts a missing punch once it has ended.
 */
export function evaluateDay(rules: TAttendanceRules, facts: TDayFacts): TDayEvaluation {
  const { shift } = facts;
  const v = rules.policyVersion;
  const base = { date: shift.date, dayKind: shift.kind };
  if (facts.hireDate && shift.date < facts.hireDate) {
    return empty(shift, 'rest', [
      explain({
        ruleId: 'RS-3',
        policyVersion: v,
        inputs: { ...base, hireDate: facts.hireDate },
        result: 'beforeHire',
        zh: `${shift.date} 在入职日期 ${facts.hireDate} 之前，不计考勤`,
        en: `${shift.date} is before the hire date ${facts.hireDate}: attendance is not judged`,
      }),
    ]);
  }
  if (!shift.working) {
    const holiday = shift.kind === 'holiday';
    return empty(shift, holiday ? 'holiday' : 'rest', [
      explain({
        ruleId: 'RS-1',
        policyVersion: v,
        inputs: base,
        result: holiday ? 'holiday' : 'rest',
        zh: `${shift.date} ${holiday ? '是法定节假日' : '不是工作日'}，不计考勤`,
        en: `${shift.date} is ${holiday ? 'a public holiday' : 'not a working day'}: attendance is not judged`,
      }),
    ]);
  }
  if (facts.absenceReports.length > 0) {
    return empty(
      shift,
      'absent',
      facts.absenceReports.map((r) =>
        explain({
          ruleId: REPORT_TEXT[r.kind].ruleId,
          policyVersion: v,
          inputs: { ...base, report: r.id, kind: r.kind },
          result: 'absent',
          zh: `${shift.date} 计旷工：${REPORT_TEXT[r.kind].zh}（报告 #${r.id}）`,
          en: `${shift.date} counts as absence without leave: ${REPORT_TEXT[r.kind].en} (report #${r.id})`,
        }),
      ),
      true,
    );
  }
  if (facts.leave) {
    return empty(shift, 'leave', [
      explain({
        ruleId: 'RS-4',
        policyVersion: v,
        inputs: { ...base, leave: facts.leave.id, type: facts.leave.typeId },
        result: 'leave',
        zh: `${shift.date} 有已批准的请假 #${facts.leave.id}，不计迟到早退和旷工`,
        en: `${shift.date} is covered by approved leave #${facts.leave.id}: not late, early or absent`,
      }),
    ]);
  }
  if (facts.trip) {
    return empty(shift, 'trip', [
      explain({
        ruleId: 'AT-1',
        policyVersion: v,
        inputs: { ...base, trip: facts.trip.id },
        result: 'trip',
        zh: `${shift.date} 出差（出差申请 #${facts.trip.id}），外出期间以完成工作、服从调度为考勤`,
        en: `${shift.date} is on trip #${facts.trip.id}: away, attendance means meeting the work and obeying dispatch`,
      }),
    ]);
  }
  const firstEnded = shift.segments.length > 0 && facts.asOf >= shift.segments[0].end;
  if (facts.punches.length === 0) {
    if (!firstEnded) return empty(shift, 'pending', []);
    return empty(
      shift,
      'absent',
      [
        explain({
          ruleId: 'RS-3',
          policyVersion: v,
          inputs: { ...base, punches: 0, leave: null, trip: null },
          result: 'absent',
          zh: `${shift.date} 是工作日，没有打卡记录，也没有已批准的请假或出差：计旷工`,
          en: `${shift.date} is a working day with no punch and no approved leave or trip: absence without leave`,
        }),
      ],
      true,
    );
  }
  return judgeSegments(rules, facts);
}

function judgeSegments(rules: TAttendanceRules, facts: TDayFacts): TDayEvaluation {
  const { shift } = facts;
  const p = rules.policy;
  const v = rules.policyVersion;
  const lateSrc = sourceOf(rules, 'lateThresholdMinutes');
  const earlySrc = sourceOf(rules, 'earlyLeaveThresholdMinutes');
  const hoursSrc = sourceOf(rules, 'workIntervals');
  const out = empty(shift, 'normal', []);
  const caught = assign(shift, facts.punches);
  shift.segments.forEach((s, i) => {
    const { inAt, outAt } = caught[i];
    const pending = facts.asOf < s.end;
    const lateMinutes = inAt === null ? 0 : Math.max(0, Math.round((minuteOf(inAt) - s.start) / MINUTE));
    const earlyMinutes = outAt === null || pending ? 0 : Math.max(0, Math.round((s.end - minuteOf(outAt)) / MINUTE));
    const r: TSegmentResult = {
      startTime: s.startTime,
      endTime: s.endTime,
      inAt,
      outAt,
      lateMinutes,
      earlyMinutes,
      late: lateMinutes > p.lateThresholdMinutes,
      seriouslyLate: lateMinutes > p.seriouslyLateMinutes,
      early: earlyMinutes > p.earlyLeaveThresholdMinutes,
      seriouslyEarly: earlyMinutes > p.seriouslyEarlyLeaveMinutes,
      missingIn: !pending && inAt === null,
      missingOut: !pending && outAt === null,
      pending,
    };
    out.segments.push(r);
    const seg = `${s.startTime}–${s.endTime}`;
    // Built only for a segment that is explained (most are on time): speed target of the month's evaluation.
    const inputs = () => ({
      date: shift.date,
      segment: seg,
      intervalsFrom: hoursSrc.source,
      inAt: inAt === null ? null : new Date(inAt).toISOString(),
      outAt: outAt === null ? null : new Date(outAt).toISOString(),
    });
    // An arrival at or before the start needs no sentence; from the first minute after it, the judgement is explained.
    if (inAt !== null && lateMinutes > 0) {
      const at = hhmm(inAt, s.start, s.startTime);
      const t = p.lateThresholdMinutes;
      const verdict = r.seriouslyLate ? 'seriouslyLate' : r.late ? 'late' : 'onTime';
      out.explanations.push(
        explain({
          ruleId: 'RS-2',
          policyVersion: v,
          inputs: {
            ...inputs(),
            lateMinutes,
            lateThresholdMinutes: t,
            seriouslyLateMinutes: p.seriouslyLateMinutes,
            source: lateSrc.source,
          },
          result: verdict,
          zh:
            `${shift.date} 时段 ${seg} ${at} 到岗，晚 ${lateMinutes} 分钟；` +
            `超过 ${t} 分钟算迟到${r.seriouslyLate ? `，超过 ${p.seriouslyLateMinutes} 分钟算严重迟到` : ''}（${lateSrc.zh}）` +
            `：${r.seriouslyLate ? '严重迟到' : r.late ? '迟到' : '不算迟到'}`,
          en:
            `${shift.date} segment ${seg}: arrived ${at}, ${lateMinutes} min after the start; ` +
            `late is more than ${t} min${r.seriouslyLate ? `, seriously late more than ${p.seriouslyLateMinutes} min` : ''} ` +
            `(${lateSrc.en}): ${r.seriouslyLate ? 'seriously late' : r.late ? 'late' : 'not late'}`,
        }),
      );
    }
    if (outAt !== null && !pending && earlyMinutes > 0) {
      const at = hhmm(outAt, s.start, s.startTime);
      const t = p.earlyLeaveThresholdMinutes;
      out.explanations.push(
        explain({
          ruleId: 'RS-2',
          policyVersion: v,
          inputs: { ...inputs(), earlyMinutes, earlyLeaveThresholdMinutes: t, source: earlySrc.source },
          result: r.seriouslyEarly ? 'seriouslyEarly' : r.early ? 'early' : 'onTime',
          zh:
            `${shift.date} 时段 ${seg} ${at} 离岗，早 ${earlyMinutes} 分钟；超过 ${t} 分钟算早退（${earlySrc.zh}）` +
            `：${r.seriouslyEarly ? '严重早退' : r.early ? '早退' : '不算早退'}`,
          en:
            `${shift.date} segment ${seg}: left ${at}, ${earlyMinutes} min before the end; early leave is more than ${t} min ` +
            `(${earlySrc.en}): ${r.seriouslyEarly ? 'seriously early' : r.early ? 'early leave' : 'not early'}`,
        }),
      );
    }
    if (r.missingIn || r.missingOut) {
      const which =
        r.missingIn && r.missingOut
          ? { zh: '上下班', en: 'arrival and departure' }
          : r.missingIn
            ? { zh: '上班', en: 'arrival' }
            : { zh: '下班', en: 'departure' };
      out.explanations.push(
        explain({
          ruleId: 'RS-1',
          policyVersion: v,
          inputs: { ...inputs(), missingIn: r.missingIn, missingOut: r.missingOut },
          result: 'missingPunch',
          zh: `${shift.date} 时段 ${seg} 缺${which.zh}打卡（可申请补卡）`,
          en: `${shift.date} segment ${seg}: no ${which.en} punch (a correction may be requested)`,
        }),
      );
    }
    if (r.late) {
      out.lateCount++;
      out.lateMinutes += lateMinutes;
    }
    if (r.seriouslyLate) out.seriouslyLateCount++;
    if (r.early) {
      out.earlyCount++;
      out.earlyMinutes += earlyMinutes;
    }
    if (r.seriouslyEarly) out.seriouslyEarlyCount++;
    out.missingPunches += (r.missingIn ? 1 : 0) + (r.missingOut ? 1 : 0);
  });
  if (out.explanations.length === 0 && !out.segments.some((s) => s.pending))
    out.explanations.push(
      explain({
        ruleId: 'RS-2',
        policyVersion: v,
        inputs: { date: shift.date, segments: shift.segments.length, intervalsFrom: hoursSrc.source },
        result: 'normal',
        zh: `${shift.date} 各时段均按时到岗、按时离岗（${hoursSrc.zh}）`,
        en: `${shift.date}: on time in and out of every segment (${hoursSrc.en})`,
      }),
    );
  out.status =
    out.missingPunches > 0
      ? 'incomplete'
      : out.lateCount > 0
        ? 'late'
        : out.earlyCount > 0
          ? 'early'
          : out.segments.some((s) => s.pending)
            ? 'pending'
            : 'normal';
  return out;
}
