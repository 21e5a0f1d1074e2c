import { describe, expect, it } from 'vitest';
import { chinaHqCalendar, compileCalendar } from '../calendar';
import { defaultPolicy } from '../policy/defaults';
import {
  checkChangeDate,
  checkHandover,
  checkNotice,
  checkReplacementDate,
  checkRequestTiming,
  replacementDue,
  replacementOverdue,
  requestDeadline,
  workingDaysIn,
} from './changes';

// The built-in China calendar of 2026: Labour Day 05-01..05-05 off, Saturday 05-09 a 调休 working day.
const cal = compileCalendar(chinaHqCalendar());
const rules = defaultPolicy().attendance;

describe('RS-6: the change request 12 working days before the change (policy value, site calendar)', () => {
  it('counts back over the Labour Day holiday and the 调休 Saturday: the last day is 2026-04-27', () => {
    expect(requestDeadline(rules, cal, '2026-05-15')).toBe('2026-04-27');
  });

  it('accepts a request exactly 12 working days before, with the explanation naming the rule', () => {
    const r = checkRequestTiming(rules, 3, cal, '2026-04-27', '2026-05-15');
    expect(r).toMatchObject({ ok: true, workingDays: 12, required: 12, refusal: null });
    expect(r.explanation).toMatchObject({ ruleId: 'RS-6', policyVersion: 3 });
    expect(r.explanation.text['zh-CN']).toContain('12 个工作日');
  });

  it('refuses one working day later (11): reason personnel.requestLate with the deadline', () => {
    const r = checkRequestTiming(rules, 3, cal, '2026-04-28', '2026-05-15');
    expect(r).toMatchObject({ ok: false, workingDays: 11 });
    expect(r.refusal).toEqual({
      ruleId: 'RS-6',
      reason: 'personnel.requestLate',
      params: { required: 12, workingDays: 11, deadline: '2026-04-27', changeDate: '2026-05-15' },
    });
  });

  it('holiday days in between change nothing: filed on the holiday 05-02 leaves 9 working days', () => {
    expect(checkRequestTiming(rules, 1, cal, '2026-05-02', '2026-05-15').workingDays).toBe(9);
  });

  it('reads the threshold from the policy', () => {
    const ten = { ...rules, personnelChange: { ...rules.personnelChange, requestWorkingDaysBefore: 10 } };
    expect(checkRequestTiming(ten, 2, cal, '2026-04-29', '2026-05-15').ok).toBe(true);
    expect(requestDeadline(ten, cal, '2026-05-15')).toBe('2026-04-29');
  });

  it('the change date must be a working day: the 调休 Saturday is, the holiday is not', () => {
    expect(checkChangeDate(cal, '2026-05-09')).toBeNull();
    expect(checkChangeDate(cal, '2026-05-04')).toMatchObject({ reason: 'personnel.changeDateNotWorking' });
  });
});

describe('RS-6: the notice a month ahead', () => {
  it('is in time exactly a month before and late a day after; month ends clamp', () => {
    expect(checkNotice(rules, 1, '2026-04-15', '2026-05-15').ok).toBe(true);
    const late = checkNotice(rules, 1, '2026-04-16', '2026-05-15');
    expect(late.refusal).toMatchObject({ ruleId: 'RS-6', reason: 'personnel.noticeLate', params: { latest: '2026-04-15' } });
    expect(checkNotice(rules, 1, '2026-02-28', '2026-03-31').ok).toBe(true);
    expect(checkNotice(rules, 1, '2026-03-01', '2026-03-31').ok).toBe(false);
  });
});

describe('RS-6/RS-7: the handover of at least 10 working days', () => {
  it('counts both ends; exactly 10 working days over the holiday and the 调休 Saturday is enough, 9 is not', () => {
    // 04-28, 04-29, 04-30, 05-06, 05-07, 05-08, 05-09 (调休), 05-11, 05-12, 05-13 = 10
    expect(workingDaysIn(cal, '2026-04-28', '2026-05-13')).toBe(10);
    expect(checkHandover(rules, 1, cal, 'change', '2026-04-28', '2026-05-13')).toMatchObject({ ok: true, workingDays: 10 });
    const short = checkHandover(rules, 1, cal, 'change', '2026-04-28', '2026-05-12');
    expect(short).toMatchObject({ ok: false, workingDays: 9 });
    expect(short.refusal).toMatchObject({ ruleId: 'RS-6', reason: 'personnel.handoverShort' });
    expect(checkHandover(rules, 1, cal, 'replacement', '2026-04-28', '2026-05-12').refusal?.ruleId).toBe('RS-7');
  });

  it('a start on a holiday is not counted; an end before the start has none', () => {
    expect(workingDaysIn(cal, '2026-05-01', '2026-05-06')).toBe(1);
    expect(workingDaysIn(cal, '2026-05-06', '2026-05-01')).toBe(0);
  });
});

describe('RS-7: a replacement within 15 working days', () => {
  it('is due 15 working days after the client asked, over the holiday and the 调休 Saturday', () => {
    // from 04-24: 04-26 is a plain Sunday; 04-27..04-30 (4), 05-06..05-09 (8), 05-11..05-15 (13), 05-18, 05-19 (15)
    const due = replacementDue(rules, 4, cal, '2026-04-24');
    expect(due.dueDate).toBe('2026-05-19');
    expect(due.explanation).toMatchObject({ ruleId: 'RS-7', policyVersion: 4 });
  });

  it('refuses a change date after the due date; overdue only after the due day while not completed', () => {
    expect(checkReplacementDate('2026-05-19', '2026-05-19')).toBeNull();
    expect(checkReplacementDate('2026-05-19', '2026-05-20')).toMatchObject({ ruleId: 'RS-7', reason: 'personnel.replacementLate' });
    expect(replacementOverdue('2026-05-19', false, '2026-05-19')).toBe(false);
    expect(replacementOverdue('2026-05-19', false, '2026-05-20')).toBe(true);
    expect(replacementOverdue('2026-05-19', true, '2026-05-20')).toBe(false);
    expect(replacementOverdue(null, false, '2026-05-20')).toBe(false);
  });
});
