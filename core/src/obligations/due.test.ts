import { describe, expect, it } from 'vitest';
import { chinaHqCalendar, compileCalendar } from '../calendar';
import { sh, shText } from '../calendar/testing';
import { defaultPolicy } from '../policy/defaults';
import type { TPolicy } from '../policy/schema';
import { type TDueContext, type TDueFacts, dueOf, judgeReceipt, localTimeText } from './due';
import { addMonths, dayOfMonthClamped, monthDates, monthInstants, weekStartOf } from './month';

const hq = compileCalendar(chinaHqCalendar());
const ctx = (patch: (p: TPolicy) => void = () => {}): TDueContext => {
  const policy = structuredClone(defaultPolicy());
  patch(policy);
  return { policy, policyVersion: 4, calendar: hq, calendarRef: { id: 1, name: '公司日历' } };
};
const due = (facts: TDueFacts, c = ctx()) => dueOf(facts, c);
const dueText = (facts: TDueFacts, c = ctx()) => shText(due(facts, c).dueAt);

describe('WR-4: the engineer weekly report is due Saturday 18:00, judged by the time received', () => {
  const week = { kind: 'weekly_report', weekStart: '2026-03-02' } as const;

  it('is due on the Saturday of its week at 18:00 company time, with rule, policy version and calendar', () => {
    const d = due(week);
    expect(shText(d.dueAt)).toBe('2026-03-07 18:00');
    expect(d).toMatchObject({ ruleId: 'WR-4', period: '2026-03-02', dueDate: '2026-03-07' });
    expect(d.explanation).toMatchObject({ ruleId: 'WR-4', policyVersion: 4 });
    expect(d.explanation.text['zh-CN']).toContain('周六 2026-03-07 18:00，以收到时间为准');
    expect(d.explanation.text['zh-CN']).toContain('日历：公司日历');
  });

  it('received Saturday 17:59 is on time, 18:01 is late by one minute', () => {
    const d = due(week);
    expect(judgeReceipt(d, sh('2026-03-07 17:59'), 4, 'Asia/Shanghai')).toMatchObject({ state: 'on_time', lateMinutes: 0 });
    const late = judgeReceipt(d, sh('2026-03-07 18:01'), 4, 'Asia/Shanghai');
    expect(late).toMatchObject({ state: 'late', lateMinutes: 1 });
    expect(late.explanation.text['zh-CN']).toBe(
      'WR-4：技术服务周报于 2026-03-07 18:01 收到，晚于截止时间 2026-03-07 18:00，逾期 1 分钟（以收到时间为准）',
    );
  });

  it('received exactly at 18:00:00.000 is on time; one millisecond later is late (rounded up to a minute)', () => {
    const d = due(week);
    expect(judgeReceipt(d, sh('2026-03-07 18:00'), 4, 'Asia/Shanghai').state).toBe('on_time');
    expect(judgeReceipt(d, sh('2026-03-07 18:00:00.001'), 4, 'Asia/Shanghai')).toMatchObject({ state: 'late', lateMinutes: 1 });
  });

  it('a Saturday inside the National Day holiday moves to the first working day after it, same time (policy: nextWorkingDay)', () => {
    const d = due({ kind: 'weekly_report', weekStart: '2026-09-28' });
    expect(shText(d.dueAt)).toBe('2026-10-08 18:00');
    expect(d.explanation.inputs).toMatchObject({ movedFrom: '2026-10-03', holidayDeadlineRule: 'nextWorkingDay' });
    expect(d.explanation.text['zh-CN']).toContain('2026-10-03（周六）为法定节假日，按政策顺延至节后第一个工作日 2026-10-08 18:00');
  });

  it('a holiday Saturday keeps its deadline when the policy says keep', () => {
    const d = due(
      { kind: 'weekly_report', weekStart: '2026-09-28' },
      ctx((p) => (p.reports.holidayDeadlineRule = 'keep')),
    );
    expect(shText(d.dueAt)).toBe('2026-10-03 18:00');
    expect(d.explanation.text.en).toContain('public holiday and by the policy the deadline stays');
  });

  it('a 调休 make-up Saturday is a working day: the deadline stays, and the explanation says so', () => {
    const d = due({ kind: 'weekly_report', weekStart: '2026-02-09' });
    expect(shText(d.dueAt)).toBe('2026-02-14 18:00');
    expect(d.explanation.text['zh-CN']).toContain('调休上班日');
  });

  it('a plain weekend Saturday never moves, whatever the holiday rule', () => {
    expect(dueText({ kind: 'weekly_report', weekStart: '2026-03-09' })).toBe('2026-03-14 18:00');
  });

  it('takes the weekday and time from the policy (Friday 17:00)', () => {
    const c = ctx((p) => (p.reports.engineerWeekly.due = { weekday: 5, time: '17:00' }));
    expect(dueText(week, c)).toBe('2026-03-06 17:00');
  });

  it('refuses a week start that is not a Monday', () => {
    expect(() => due({ kind: 'weekly_report', weekStart: '2026-03-03' })).toThrow(RangeError);
  });
});

describe("WR-4: the supervisor's weekly report to the GM is due Sunday 18:00", () => {
  it('is due on the Sunday of its week', () => {
    expect(dueText({ kind: 'supervisor_weekly_report', weekStart: '2026-03-02' })).toBe('2026-03-08 18:00');
  });

  it('a Sunday in the Spring Festival moves to the first working day after it', () => {
    // 2026-02-15..23 are off; the first working day after Sunday 2026-02-22 is Tuesday 2026-02-24.
    expect(dueText({ kind: 'supervisor_weekly_report', weekStart: '2026-02-16' })).toBe('2026-02-24 18:00');
  });
});

describe('WR-1: next week’s plan and its approval', () => {
  it('the plan is due the Saturday before the week, 18:00; the lead approves it before the week starts (Monday 00:00)', () => {
    expect(dueText({ kind: 'weekly_plan', weekStart: '2026-03-09' })).toBe('2026-03-07 18:00');
    expect(dueText({ kind: 'weekly_plan_approval', weekStart: '2026-03-09' })).toBe('2026-03-09 00:00');
  });
});

describe('WR-5: the monthly service report is due on the policy’s working day of the next month', () => {
  it('the 3rd working day of an ordinary month, at the end of that day', () => {
    // March 2026: Mon 2, Tue 3, Wed 4.
    const d = due({ kind: 'monthly_service_report', month: '2026-02' });
    expect(shText(d.dueAt)).toBe('2026-03-05 00:00');
    expect(d.dueDate).toBe('2026-03-04');
    expect(d.explanation.text['zh-CN']).toContain('截止次月第 3 个工作日 2026-03-04 24:00');
  });

  it('the 3rd working day after the National Day holiday is the 调休 make-up Saturday 2026-10-10', () => {
    const d = due({ kind: 'monthly_service_report', month: '2026-09' });
    expect(shText(d.dueAt)).toBe('2026-10-11 00:00');
    expect(d.explanation.text['zh-CN']).toContain('2026-10-10 24:00（调休上班日）');
  });

  it('counts the make-up Sunday 2026-01-04 after New Year as the first working day', () => {
    expect(dueText({ kind: 'monthly_service_report', month: '2025-12' })).toBe('2026-01-07 00:00');
  });

  it('a policy day deadline time of 17:30 puts it at 17:30 of that day', () => {
    const c = ctx((p) => (p.reports.dayDeadlineTime = '17:30'));
    expect(dueText({ kind: 'monthly_service_report', month: '2026-09' }, c)).toBe('2026-10-10 17:30');
  });

  it('AP-15 (appraisal sheet) and RS-5 (absence explanation) use their own working-day counts', () => {
    const c = ctx((p) => {
      p.appraisal.sheetDueWorkingDays = 2;
      p.attendance.monthlyLimits.explanationDueWorkingDays = 1;
    });
    expect(due({ kind: 'appraisal_sheet', month: '2026-09' }, c)).toMatchObject({ ruleId: 'AP-15', dueDate: '2026-10-09' });
    expect(dueText({ kind: 'appraisal_sheet', month: '2026-09' }, c)).toBe('2026-10-10 00:00');
    expect(due({ kind: 'absence_explanation', month: '2026-09' }, c)).toMatchObject({ ruleId: 'RS-5' });
    expect(dueText({ kind: 'absence_explanation', month: '2026-09' }, c)).toBe('2026-10-09 00:00');
  });
});

describe('WR-7: the completed work volume is due by the 3rd of the next month', () => {
  it('by the end of the 3rd', () => {
    expect(dueText({ kind: 'work_volume', month: '2026-02' })).toBe('2026-03-04 00:00');
  });

  it('the 3rd inside the National Day holiday moves to the first working day after it', () => {
    const d = due({ kind: 'work_volume', month: '2026-09' });
    expect(shText(d.dueAt)).toBe('2026-10-09 00:00');
    expect(d.explanation.inputs).toMatchObject({ movedFrom: '2026-10-03' });
  });

  it('a day beyond the month’s end is its last day', () => {
    const c = ctx((p) => (p.reports.monthlyVolumeDueDay = 31));
    expect(dueText({ kind: 'work_volume', month: '2026-03' }, c)).toBe('2026-05-01 00:00');
  });
});

describe('AP-16: the KPI reviews are due in the next month’s first ten days, the annual one in January', () => {
  it('the self and the superior review of a month by the end of the 10th of the next month, explained', () => {
    const d = due({ kind: 'kpi_self_review', period: '2026-02' });
    expect(shText(d.dueAt)).toBe('2026-03-11 00:00');
    expect(d).toMatchObject({ kind: 'kpi_self_review', ruleId: 'AP-16', period: '2026-02' });
    expect(d.explanation.text['zh-CN']).toContain('2026-02 的绩效自评截止次月 10 日');
    expect(dueText({ kind: 'kpi_superior_review', period: '2026-12' })).toBe('2027-01-11 00:00');
  });

  it('a 调休 make-up Saturday keeps the deadline; a holiday moves it to the first working day after', () => {
    expect(dueText({ kind: 'kpi_self_review', period: '2026-09' })).toBe('2026-10-11 00:00');
    const moved = due(
      { kind: 'kpi_self_review', period: '2026-09' },
      ctx((p) => (p.appraisal.kpi.monthlyReviewDueDay = 3)),
    );
    expect(moved.explanation.inputs).toMatchObject({ period: '2026-09', monthlyReviewDueDay: 3 });
    expect(shText(moved.dueAt)).toBe('2026-10-09 00:00');
  });

  it('the annual review of a year by the end of January of the next year', () => {
    const d = due({ kind: 'kpi_superior_review', period: '2026' });
    expect(d.period).toBe('2026');
    expect(d.dueDate).toBe('2027-01-31');
    expect(d.explanation.text.en).toContain('by the end of month 1 of the next year');
  });

  it('refuses a period that is neither a month nor a year', () => {
    expect(() => due({ kind: 'kpi_self_review', period: '2026-13' })).toThrow(RangeError);
  });
});

describe('WR-2: a missing daily log is flagged the next working morning', () => {
  it('Friday’s log is due when Monday’s work starts', () => {
    expect(dueText({ kind: 'daily_log', date: '2026-03-06' })).toBe('2026-03-09 08:30');
  });

  it('the log of the last day before the National Day holiday is due on 2026-10-08 at 08:30', () => {
    expect(dueText({ kind: 'daily_log', date: '2026-09-30' })).toBe('2026-10-08 08:30');
  });

  it('on a site with its own calendar (POL-1) the site’s start of work counts and the explanation names the site', () => {
    const siteCal = compileCalendar({
      ...chinaHqCalendar(),
      weeklyHours: {
        ...chinaHqCalendar().weeklyHours,
        mon: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
    });
    const d = dueOf(
      { kind: 'daily_log', date: '2026-03-06' },
      { ...ctx(), calendar: siteCal, calendarRef: { id: 9, name: '市一院日历', siteName: '市第一人民医院' } },
    );
    expect(shText(d.dueAt)).toBe('2026-03-09 08:00');
    expect(d.explanation.text['zh-CN']).toContain('现场 市第一人民医院 的规定，POL-1');
  });
});

describe('IN-1/IN-3: reflection and notice are due working days after the resolution', () => {
  it('a resolution on the eve of the holiday counts working days after it', () => {
    // Resolved Tue 2026-09-29: working days after it are Wed 09-30, Thu 10-08, Fri 10-09.
    const d = due({ kind: 'reflection', eventAt: sh('2026-09-29 15:00') });
    expect(shText(d.dueAt)).toBe('2026-10-10 00:00');
    expect(d).toMatchObject({ ruleId: 'IN-1', period: '2026-09-29' });
    const notice = due({ kind: 'incident_notice', eventAt: sh('2026-09-29 15:00') });
    expect(notice.ruleId).toBe('IN-3');
    // 5 working days: 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12.
    expect(shText(notice.dueAt)).toBe('2026-10-13 00:00');
  });
});

describe('month and week helpers', () => {
  it('moves across year ends and clamps days', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthDates('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(dayOfMonthClamped('2026-02', 31)).toBe('2026-02-28');
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
  });

  it('gives a month’s company-local bounds', () => {
    const m = monthInstants('2026-03', 'Asia/Shanghai');
    expect(new Date(m.start).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(new Date(m.end).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('writes seconds only when there are some', () => {
    expect(localTimeText(sh('2026-03-07 18:00'), 'Asia/Shanghai')).toBe('2026-03-07 18:00');
    expect(localTimeText(sh('2026-03-07 18:00:30'), 'Asia/Shanghai')).toBe('2026-03-07 18:00:30');
  });
});
