import { describe, expect, it } from 'vitest';
import { chinaHqCalendar, compileCalendar } from '../calendar';
import { defaultPolicy } from '../policy/defaults';
import type { TLeavePolicy } from '../policy/leavePolicy';
import { type TLeaveFacts, assessLeave, noticeRuleFor } from './notice';

const cal = compileCalendar(chinaHqCalendar());
const policy = (): TLeavePolicy => structuredClone(defaultPolicy().leave);
const facts = (f: Partial<TLeaveFacts>): TLeaveFacts => ({
  typeId: 'personal',
  startDate: '2026-03-10',
  endDate: '2026-03-10',
  filedOn: '2026-03-09',
  emergency: false,
  ...f,
});
const assess = (f: Partial<TLeaveFacts>, p = policy()) => assessLeave(p, 7, cal, facts(f));

describe('RS-4: notice by the length of the leave', () => {
  it('a 1-day leave filed exactly one day ahead is on time; filed the same day it is late', () => {
    const onTime = assess({ filedOn: '2026-03-09' });
    expect(onTime).toMatchObject({
      days: 1,
      requiredNoticeDays: 1,
      daysAhead: 1,
      late: false,
      noticeRuleId: 'oneToTwoDays',
      refusal: null,
    });
    const sameDay = assess({ filedOn: '2026-03-10' });
    expect(sameDay).toMatchObject({ daysAhead: 0, late: true, refusal: null });
    expect(sameDay.explanation.text.en).toContain('valid only with a superior’s approval');
  });

  it('3 working days need two days’ notice: two days ahead is on time, one day ahead is late', () => {
    expect(assess({ startDate: '2026-03-10', endDate: '2026-03-12', filedOn: '2026-03-08' })).toMatchObject({
      days: 3,
      requiredNoticeDays: 2,
      late: false,
      noticeRuleId: 'threeDaysOrMore',
    });
    expect(assess({ startDate: '2026-03-10', endDate: '2026-03-12', filedOn: '2026-03-09' })).toMatchObject({
      days: 3,
      requiredNoticeDays: 2,
      late: true,
    });
  });

  it('counts working days, not calendar days: Friday to Monday is 2 days, so one day’s notice is enough', () => {
    const a = assess({ startDate: '2026-03-06', endDate: '2026-03-09', filedOn: '2026-03-05' });
    expect(a).toMatchObject({ calendarDays: 4, days: 2, requiredNoticeDays: 1, late: false });
  });

  it('a make-up working day on a Saturday (调休, 2026-02-14) is a leave day; the Spring Festival is not', () => {
    expect(assess({ startDate: '2026-02-13', endDate: '2026-02-14', filedOn: '2026-02-01' }).days).toBe(2);
    expect(assess({ startDate: '2026-02-13', endDate: '2026-02-24', filedOn: '2026-02-01' }).days).toBe(3);
    const holiday = assess({ startDate: '2026-02-15', endDate: '2026-02-23', filedOn: '2026-02-01' });
    expect(holiday.refusal).toMatchObject({ ruleId: 'AT-4', path: 'body.endDate' });
  });

  it('follows the policy’s rules, not constants', () => {
    const p = policy();
    p.noticeRules = [{ id: 'any', minDays: 1, maxDays: null, noticeDays: 5 }];
    expect(assess({ filedOn: '2026-03-05' }, p)).toMatchObject({ requiredNoticeDays: 5, late: false, noticeRuleId: 'any' });
    expect(assess({ filedOn: '2026-03-06' }, p)).toMatchObject({ requiredNoticeDays: 5, late: true });
    expect(noticeRuleFor(p, 400)?.id).toBe('any');
  });

  it('refuses a late request when the policy does not accept one with a superior’s approval, naming the first possible day', () => {
    const p = policy();
    p.lateRequestNeedsSuperiorApproval = false;
    const a = assess({ startDate: '2026-03-10', endDate: '2026-03-12', filedOn: '2026-03-09' }, p);
    expect(a.refusal).toMatchObject({ ruleId: 'RS-4', path: 'body.startDate' });
    expect(a.refusal?.message).toContain('2026-03-11');
    expect(assess({ startDate: '2026-03-10', endDate: '2026-03-12', filedOn: '2026-03-08' }, p).refusal).toBeNull();
  });
});

describe('RS-4 emergencies and AT-4 types', () => {
  it('an emergency filed afterwards is not late when the policy allows it, and late when it does not', () => {
    const a = assess({ filedOn: '2026-03-11', emergency: true });
    expect(a).toMatchObject({ daysAhead: -1, late: false, refusal: null });
    expect(a.explanation.text['zh-CN']).toContain('事后补办');
    const p = policy();
    p.emergencyFileAfterwards = false;
    expect(assess({ filedOn: '2026-03-11', emergency: true }, p).late).toBe(true);
  });

  it('sick leave needs no notice, and from the policy’s day count a medical certificate unless an emergency is exempt', () => {
    const sick = assess({ typeId: 'sick', filedOn: '2026-03-10' });
    expect(sick).toMatchObject({ requiredNoticeDays: 0, late: false, certificateRequired: true, noticeRuleId: null });
    expect(sick.explanation.ruleId).toBe('AT-4');
    expect(assess({ typeId: 'sick', filedOn: '2026-03-10', emergency: true }).certificateRequired).toBe(false);
    const p = policy();
    p.sick.certificateFromDays = 2;
    expect(assess({ typeId: 'sick' }, p).certificateRequired).toBe(false);
    expect(assess({ typeId: 'sick', endDate: '2026-03-11' }, p).certificateRequired).toBe(true);
    expect(assess({ typeId: 'personal' }, p).certificateRequired).toBe(false);
  });

  it('refuses a type the policy does not know and an end before the start', () => {
    expect(assess({ typeId: 'sabbatical' }).refusal).toMatchObject({ ruleId: 'AT-4', path: 'body.typeId' });
    expect(assess({ startDate: '2026-03-10', endDate: '2026-03-09' }).refusal).toMatchObject({ path: 'body.endDate' });
  });

  it('explains the result with the rule, the policy version and the inputs', () => {
    const a = assess({ startDate: '2026-03-10', endDate: '2026-03-12', filedOn: '2026-03-09' });
    expect(a.explanation).toMatchObject({
      ruleId: 'RS-4',
      policyVersion: 7,
      result: { days: 3, requiredNoticeDays: 2, daysAhead: 1, late: true },
    });
    expect(a.explanation.text.en).toMatch(/^RS-4: Personal leave 2026-03-10–2026-03-12, 3 working days; needs 2 days notice/);
  });
});

describe('AT-4b: personal leave length, annual leave, extensions and the superior’s types', () => {
  it('accepts personal leave of exactly the policy’s maximum calendar days and refuses one day more', () => {
    const p = policy();
    expect(p.personalMaxDaysPerRequest).toBe(30);
    // 2026-03-10 .. 2026-04-08 is 30 calendar days.
    expect(assess({ startDate: '2026-03-10', endDate: '2026-04-08', filedOn: '2026-03-01' }).refusal).toBeNull();
    const over = assess({ startDate: '2026-03-10', endDate: '2026-04-09', filedOn: '2026-03-01' });
    expect(over.refusal).toMatchObject({ ruleId: 'AT-4b', path: 'body.endDate', reason: 'leave.personalTooLong' });
    expect(over.refusal?.params).toMatchObject({ max: 30, calendarDays: 31 });
    // Another type is not bound by it.
    expect(assess({ typeId: 'sick', startDate: '2026-03-10', endDate: '2026-04-09', filedOn: '2026-03-01' }).refusal).toBeNull();
  });

  it('grants annual leave up to the entitlement of the years of service on its first day', () => {
    const annual = (f: Partial<TLeaveFacts>) =>
      assess({ typeId: 'annual', startDate: '2026-03-10', endDate: '2026-03-10', filedOn: '2026-03-01', ...f });
    expect(annual({ hireDate: null }).refusal).toMatchObject({ reason: 'leave.hireDateUnknown' });
    // Hired 2025-03-10: one full year on 2026-03-10 (the anniversary), none the day before.
    expect(annual({ hireDate: '2025-03-10' }).refusal).toBeNull();
    expect(annual({ hireDate: '2025-03-11' }).refusal).toMatchObject({ reason: 'leave.annualExceeded', params: { entitlement: 0 } });
    // 5 days a year: 4 used + 1 is exactly 5; 5 used + 1 is over.
    expect(annual({ hireDate: '2025-03-10', annualUsedDays: 4 }).refusal).toBeNull();
    expect(annual({ hireDate: '2025-03-10', annualUsedDays: 5 }).refusal).toMatchObject({
      ruleId: 'AT-4b',
      params: { years: 1, entitlement: 5, used: 5, days: 1, year: '2026' },
    });
    expect(annual({ hireDate: '2025-03-10' }).explanation.text.en).toContain('5 days of annual leave a year');
  });

  it('lets an on-time extension pass without approval only when the policy says so, never one of the superior’s types', () => {
    expect(assess({ extension: true }).approvalNeeded).toBe(true);
    const p = policy();
    p.extensionNeedsApproval = false;
    expect(assess({ extension: true }, p).approvalNeeded).toBe(false);
    expect(assess({ extension: true }, p).explanation.text['zh-CN']).toContain('续假无需审批');
    expect(assess({ extension: true, filedOn: '2026-03-10' }, p).approvalNeeded).toBe(true);
    expect(assess({ extension: false }, p).approvalNeeded).toBe(true);
    expect(assess({ extension: true, typeId: 'study' }, p)).toMatchObject({ approvalNeeded: true, refusal: null });
  });

  it('says a refused late request must be filed ahead, by reason key in both languages', () => {
    const p = policy();
    p.lateRequestNeedsSuperiorApproval = false;
    const r = assess({ startDate: '2026-03-10', endDate: '2026-03-12', filedOn: '2026-03-09' }, p).refusal;
    expect(r).toMatchObject({ reason: 'leave.mustFileAhead', params: { days: 3, noticeDays: 2, firstDay: '2026-03-11' } });
    expect(r?.message).toContain('must be filed 2 day(s) ahead');
  });

  it('counts a 调休 Saturday as a working day of the leave and a holiday not', () => {
    // 2026-02-14 (Saturday) is a make-up working day of the 2026 Spring Festival arrangement.
    expect(assess({ typeId: 'sick', startDate: '2026-02-13', endDate: '2026-02-15', filedOn: '2026-02-13' }).days).toBe(2);
  });
});
