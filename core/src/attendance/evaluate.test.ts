import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compileCalendar';
import { sh } from '../calendar/testing';
import { defaultPolicy } from '../policy/defaults';
import { type TDayFacts, type TEvalPunch, evaluateDay } from './evaluate';
import { rollUpMonth } from './rollup';
import { attendanceRules, shiftOn } from './rules';

// Monday 2026-03-02 … ; 2026-03-07 (Saturday) is a 调休 make-up working day, 2026-03-09 (Monday) a public holiday.
const cal = compileCalendar({
  timeZone: 'Asia/Shanghai',
  holidays: [{ date: '2026-03-09', name: '测试假日' }],
  makeupWorkdays: [{ date: '2026-03-07', name: '调休上班' }],
});
const policy = defaultPolicy().attendance; // 08:00–12:00 + 14:00–18:00, late/early > 15 min, serious > 60 min
const rules = attendanceRules(policy, 4, null);
const END = sh('2026-04-01 00:00');
const punch = (local: string, source: TEvalPunch['source'] = 'phone'): TEvalPunch => ({ at: sh(local), source });
const day = (date: string, punches: string[], extra: Partial<TDayFacts> = {}, r = rules) =>
  evaluateDay(r, {
    shift: shiftOn(cal, date, r),
    punches: punches.map((t) => punch(`${date} ${t}`)),
    leave: null,
    trip: null,
    absenceReports: [],
    asOf: END,
    ...extra,
  });
const FULL = ['07:55', '12:01', '13:58', '18:02'];

describe('evaluateDay: late per segment (RS-2), exact boundaries', () => {
  it('is not late exactly at the threshold (08:15), nor with seconds inside that minute (08:15:59)', () => {
    for (const t of ['08:15', '08:15:59']) {
      const e = day('2026-03-02', [t, '12:01', '13:58', '18:02']);
      expect(e.status).toBe('normal');
      expect(e.segments[0]).toMatchObject({ lateMinutes: 15, late: false });
      expect(e.explanations[0]).toMatchObject({ ruleId: 'RS-2', policyVersion: 4, result: 'onTime' });
      expect(e.explanations[0].text['zh-CN']).toContain('超过 15 分钟算迟到（制度第 4 版）：不算迟到');
    }
  });

  it('is late one minute past the threshold (08:16), explained in both languages', () => {
    const e = day('2026-03-02', ['08:16', '12:01', '13:58', '18:02']);
    expect(e).toMatchObject({ status: 'late', lateCount: 1, lateMinutes: 16, seriouslyLateCount: 0 });
    expect(e.explanations[0].text.en).toBe(
      'RS-2: 2026-03-02 segment 08:00–12:00: arrived 08:16, 16 min after the start; late is more than 15 min (policy v4): late',
    );
  });

  it('judges each segment separately: on time in the morning, late after lunch (14:16)', () => {
    const e = day('2026-03-02', ['07:59', '12:00', '14:16', '18:00']);
    expect(e.segments.map((s) => s.late)).toEqual([false, true]);
    expect(e).toMatchObject({ lateCount: 1, lateMinutes: 16 });
  });

  it('seriously late above 60 minutes, not at 60', () => {
    expect(day('2026-03-02', ['09:00', ...FULL.slice(1)]).segments[0]).toMatchObject({ late: true, seriouslyLate: false });
    expect(day('2026-03-02', ['09:01', ...FULL.slice(1)]).segments[0]).toMatchObject({ late: true, seriouslyLate: true });
  });

  it('any minute late when the policy says 0 (the other document)', () => {
    const strict = attendanceRules({ ...policy, lateThresholdMinutes: 0 }, 5, null);
    expect(day('2026-03-02', ['08:00:59', ...FULL.slice(1)], {}, strict).segments[0].late).toBe(false);
    expect(day('2026-03-02', ['08:01', ...FULL.slice(1)], {}, strict).segments[0].late).toBe(true);
  });
});

describe('evaluateDay: early leave per segment (RS-2)', () => {
  it('leaving exactly 15 minutes early (11:45) is not early, 16 minutes (11:44:59) is', () => {
    expect(day('2026-03-02', ['07:58', '11:45', '13:58', '18:00']).segments[0]).toMatchObject({ earlyMinutes: 15, early: false });
    const e = day('2026-03-02', ['07:58', '11:44:59', '13:58', '18:00']);
    expect(e).toMatchObject({ status: 'early', earlyCount: 1, earlyMinutes: 16 });
  });

  it('a different early threshold from the policy (30 min, the third document)', () => {
    const r = attendanceRules({ ...policy, earlyLeaveThresholdMinutes: 30 }, 6, null);
    expect(day('2026-03-02', [...FULL.slice(0, 3), '17:30'], {}, r).segments[1].early).toBe(false);
    expect(day('2026-03-02', [...FULL.slice(0, 3), '17:29'], {}, r).segments[1].early).toBe(true);
  });
});

describe('evaluateDay: the calendar, leave, trips and absence', () => {
  it('a 调休 make-up Saturday is a working day: no punch is an absence', () => {
    const e = day('2026-03-07', []);
    expect(e).toMatchObject({ kind: 'makeup', status: 'absent', absent: true });
    expect(e.explanations[0]).toMatchObject({ ruleId: 'RS-3', result: 'absent' });
  });

  it('a public holiday and a Sunday are not judged', () => {
    expect(day('2026-03-09', [])).toMatchObject({ status: 'holiday', absent: false });
    expect(day('2026-03-08', [])).toMatchObject({ status: 'rest', absent: false });
  });

  it('approved leave covers its day; a trip covers its day (AT-1)', () => {
    expect(day('2026-03-03', [], { leave: { id: 7, typeId: 'personal' } })).toMatchObject({ status: 'leave', absent: false });
    const trip = day('2026-03-04', [], { trip: { id: 9 } });
    expect(trip).toMatchObject({ status: 'trip', absent: false });
    expect(trip.explanations[0]).toMatchObject({ ruleId: 'AT-1' });
  });

  it('a reported absence (unreachable, AT-3) is an absence even with punches', () => {
    const e = day('2026-03-05', FULL, { absenceReports: [{ id: 3, kind: 'unreachable' }] });
    expect(e).toMatchObject({ status: 'absent', absent: true });
    expect(e.explanations[0]).toMatchObject({ ruleId: 'AT-3' });
  });

  it('a missing departure punch is counted, and a correction punch completes the day', () => {
    const e = day('2026-03-02', ['07:58', '12:00', '13:58']);
    expect(e).toMatchObject({ status: 'incomplete', missingPunches: 1 });
    const fixed = evaluateDay(rules, {
      shift: shiftOn(cal, '2026-03-02', rules),
      punches: [...['07:58', '12:00', '13:58'].map((t) => punch(`2026-03-02 ${t}`)), punch('2026-03-02 18:00', 'correction')],
      leave: null,
      trip: null,
      absenceReports: [],
      asOf: END,
    });
    expect(fixed.status).toBe('normal');
  });

  it('days before the hire date are not judged: one who joined mid-month was not absent before (RS-3)', () => {
    const before = day('2026-03-13', [], { hireDate: '2026-03-16' });
    expect(before).toMatchObject({ status: 'rest', absent: false, missingPunches: 0 });
    expect(before.explanations[0]).toMatchObject({ ruleId: 'RS-3', result: 'beforeHire' });
    expect(before.explanations[0].text['zh-CN']).toContain('在入职日期 2026-03-16 之前，不计考勤');
    expect(day('2026-03-16', [], { hireDate: '2026-03-16' })).toMatchObject({ status: 'absent', absent: true });
    const dates = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    const month = rollUpMonth(
      rules,
      '2026-03',
      dates.map((d) => day(d, d >= '2026-03-16' ? FULL : [], { hireDate: '2026-03-16' })),
    );
    expect(month).toMatchObject({ workingDays: 12, presentDays: 12, absences: 0, explanationDue: false, resignationProposal: false });
  });

  it('today before the first segment ends is pending, not absent; a late arrival already shows', () => {
    expect(day('2026-03-02', [], { asOf: sh('2026-03-02 11:00') }).status).toBe('pending');
    const e = day('2026-03-02', ['08:20'], { asOf: sh('2026-03-02 08:21') });
    expect(e).toMatchObject({ status: 'late', missingPunches: 0 });
  });
});

describe('POL-1: a site override', () => {
  const site = attendanceRules(policy, 4, {
    siteId: 1,
    siteName: '市一医院',
    override: {
      workIntervals: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
      lateThresholdMinutes: 0,
    },
  });
  it('uses the site hours and threshold and names the override', () => {
    const e = day('2026-03-02', ['08:31', '12:00', '13:59', '17:30'], {}, site);
    expect(e.segments[0]).toMatchObject({ startTime: '08:30', late: true, lateMinutes: 1 });
    expect(e.explanations[0].text['zh-CN']).toContain('现场「市一医院」的规定（POL-1）');
    expect(e.explanations[0].inputs).toMatchObject({ source: 'site' });
  });
});

describe('rollUpMonth (RS-5, RS-9, AT-3)', () => {
  const dates = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
  it('explanation due above 3 absences, not at 3', () => {
    const absent = new Set(['2026-03-02', '2026-03-03', '2026-03-04']);
    const days = (extra: string[]) => dates.map((d) => day(d, absent.has(d) || extra.includes(d) ? [] : FULL));
    const three = rollUpMonth(rules, '2026-03', days([]));
    expect(three).toMatchObject({ absences: 3, explanationDue: false });
    const four = rollUpMonth(rules, '2026-03', days(['2026-03-05']));
    expect(four).toMatchObject({ absences: 4, explanationDue: true, longestAbsenceRun: 4, resignationProposal: false });
    expect(four.explanations.find((x) => x.ruleId === 'RS-5')?.text['zh-CN']).toContain('需提交缺勤情况说明');
  });

  it('explanation due above 180 cumulative late minutes, not at 180; late points from the evaluation', () => {
    // six working days (Monday 2 … the make-up Saturday 7) × 30 min = 180 exactly, then one more minute
    const lateDays = (mins: number[]) =>
      dates.map((d, i) =>
        i >= 1 && i <= mins.length ? day(d, [`08:${String(mins[i - 1]).padStart(2, '0')}`, ...FULL.slice(1)]) : day(d, FULL),
      );
    const at = rollUpMonth(rules, '2026-03', lateDays([30, 30, 30, 30, 30, 30]));
    expect(at).toMatchObject({ lateCount: 6, lateMinutes: 180, explanationDue: false, conductPoints: 30 });
    const over = rollUpMonth(rules, '2026-03', lateDays([30, 30, 30, 30, 30, 31]));
    expect(over).toMatchObject({ lateMinutes: 181, explanationDue: true });
  });

  it('seven consecutive absent working days propose resignation (never automatic)', () => {
    const r = rollUpMonth(
      rules,
      '2026-03',
      dates.map((d) => day(d, d <= '2026-03-11' ? [] : FULL)),
    );
    expect(r.longestAbsenceRun).toBeGreaterThanOrEqual(7);
    expect(r.resignationProposal).toBe(true);
    expect(r.explanations.find((x) => x.ruleId === 'AT-3')).toBeDefined();
  });
});
