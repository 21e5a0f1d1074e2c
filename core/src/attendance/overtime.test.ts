import { describe, expect, it } from 'vitest';
import { chinaHqCalendar } from '../calendar/builtin-cn';
import { compileCalendar } from '../calendar/compileCalendar';
import { statutoryHoliday, statutoryHolidaysOf } from '../calendar/statutoryHolidays';
import { sh } from '../calendar/testing';
import { defaultPolicy } from '../policy/defaults';
import type { TOvertimePolicy } from '../policy/attendancePolicy';
import { computeOvertime, overtimeDay } from './overtime';
import { attendanceRules, shiftOn } from './rules';

// AT-5/AT-5b on China's 2026 calendar: 2026-02-14 (Saturday) and 2026-02-28 are 调休 working days; 春节 is off
// 2026-02-15..23 with the statutory days 除夕..初三 = 02-16..02-19; 02-20 and 02-23 are bridged (swapped) weekdays.
const cal = compileCalendar(chinaHqCalendar({ years: [2026] }));
const attendance = defaultPolicy().attendance; // shift 08:00–12:00 + 14:00–18:00
const rules = attendanceRules(attendance, 3, null);
const policy = attendance.overtime;

const run = (date: string, from: string, to: string, punches: string[], p: Partial<TOvertimePolicy> = {}) => {
  const [toDate, toTime] = to.includes(' ') ? to.split(' ') : [date, to];
  return computeOvertime({
    timeZone: 'Asia/Shanghai',
    policy: { ...policy, ...p },
    policyVersion: 3,
    request: { id: 1, start: sh(`${date} ${from}`), end: sh(`${toDate} ${toTime}`) },
    day: overtimeDay(cal, date),
    shift: shiftOn(cal, date, rules),
    punches: punches.map((t) => ({ at: sh(t.includes(' ') ? t : `${date} ${t}`), source: 'machine' as const })),
  });
};

describe('statutory holiday days (AT-5b)', () => {
  it('names the 13 statutory days of 2026 by the national rules, not the whole holiday blocks', () => {
    expect([...statutoryHolidaysOf(2026).keys()].sort()).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05',
      '2026-05-01',
      '2026-05-02',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
    ]);
    expect(statutoryHoliday('2026-02-17')).toEqual({ zh: '春节', en: 'Spring Festival' });
    expect(statutoryHoliday('2026-02-20')).toBeNull();
  });

  it('counts the old rules before 2025: 春节 初一..初三 and one day of 劳动节', () => {
    const y2024 = [...statutoryHolidaysOf(2024).keys()];
    expect(y2024).toHaveLength(11);
    expect(y2024).toContain('2024-02-10'); // 初一
    expect(y2024).not.toContain('2024-02-09'); // 除夕
    expect(y2024).not.toContain('2024-05-02');
  });
});

describe('overtimeDay: the day kind decides the rate', () => {
  it.each([
    ['2026-03-02', 'workday', 'workday'],
    ['2026-02-14', 'workday', 'makeup'], // 调休 Saturday
    ['2026-03-07', 'restDay', 'weekend'],
    ['2026-02-17', 'statutoryHoliday', 'holiday'], // 初一
    ['2026-02-20', 'restDay', 'holiday'], // bridged weekday of the block
    ['2026-02-21', 'restDay', 'holiday'], // Saturday inside the block
    ['2026-05-02', 'statutoryHoliday', 'holiday'], // a statutory day on a Saturday
    ['2026-04-06', 'restDay', 'holiday'], // Monday off after 清明 on Sunday 04-05
  ])('%s is %s (calendar: %s)', (date, kind, calendarKind) => {
    expect(overtimeDay(cal, date)).toMatchObject({ kind, calendarKind });
  });
});

describe('computeOvertime (AT-5)', () => {
  it('pays a 调休 Saturday at the working-day rate, outside its shift only', () => {
    const r = run('2026-02-14', '18:00', '21:00', ['07:58', '12:01', '13:59', '21:04']);
    expect(r).toMatchObject({ dayKind: 'workday', ratePercent: 150, workedMinutes: 180, paidMinutes: 180, compensation: 'pay' });
    expect(r.explanations[2].text['zh-CN']).toContain('调休上班日按工作日计');
  });

  it('pays a statutory holiday day at 300 % and a bridged rest day of the same block at 200 %', () => {
    const holiday = run('2026-02-17', '09:00', '12:00', ['08:55', '12:10']);
    expect(holiday).toMatchObject({ dayKind: 'statutoryHoliday', ratePercent: 300, workedMinutes: 180, paidMinutes: 180 });
    expect(holiday.explanations[2].text.en).toContain('a statutory holiday (Spring Festival)');
    const bridged = run('2026-02-20', '09:00', '12:00', ['08:55', '12:10']);
    expect(bridged).toMatchObject({ dayKind: 'restDay', ratePercent: 200 });
    expect(bridged.explanations[2].text['zh-CN']).toContain('不是法定节假日');
  });

  it('gives time off instead of pay for a rest day when the policy says so, never for a holiday', () => {
    expect(run('2026-03-07', '09:00', '11:00', ['09:00', '11:00'], { restDayCompensation: 'timeOff' })).toMatchObject({
      compensation: 'timeOff',
      paidMinutes: 120,
    });
    expect(run('2026-02-17', '09:00', '11:00', ['09:00', '11:00'], { restDayCompensation: 'timeOff' }).compensation).toBe('pay');
  });

  it('counts nothing when the last punch is exactly at the shift end, and one unit from a punch one unit later', () => {
    expect(run('2026-03-02', '18:00', '20:00', ['07:59', '12:00', '13:59', '18:00']).workedMinutes).toBe(0);
    const r = run('2026-03-02', '18:00', '20:00', ['07:59', '12:00', '13:59', '18:30']);
    expect(r).toMatchObject({ workedMinutes: 30, countedMinutes: 30, paidMinutes: 30 });
    expect(run('2026-03-02', '18:00', '20:00', ['07:59', '12:00', '13:59', '18:29']).countedMinutes).toBe(0);
  });

  it('never counts the shift: a window overlapping the afternoon counts only after 18:00', () => {
    const r = run('2026-03-02', '17:00', '19:00', ['13:58', '19:00']);
    expect(r).toMatchObject({ approvedMinutes: 60, workedMinutes: 60, paidMinutes: 60 });
    expect(r.explanations[0].text['zh-CN']).toContain('班次 08:00–12:00、14:00–18:00 内的时间不计');
  });

  it('follows punches across midnight', () => {
    const r = run('2026-03-02', '20:00', '2026-03-03 02:00', ['07:59', '12:00', '13:59', '2026-03-03 02:10', '2026-03-03 07:58']);
    expect(r).toMatchObject({ workedMinutes: 360, paidMinutes: 360, dayKind: 'workday' });
    expect(r.explanations[0].text.en).toContain('worked inside the window and outside the shift: 20:00–02:00, 360 min');
  });

  it('pays the lesser of approved and worked by default, the worked time when the policy says so', () => {
    expect(run('2026-03-07', '09:00', '11:00', ['08:50', '13:00']).paidMinutes).toBe(120);
    expect(run('2026-03-07', '09:00', '11:00', ['09:40', '11:00']).paidMinutes).toBe(60); // 80 min → one hour in half hours
    expect(run('2026-03-07', '09:00', '11:00', ['09:40', '11:00'], { paidBasis: 'approved' }).paidMinutes).toBe(120);
    expect(run('2026-03-07', '09:00', '11:00', ['09:40', '11:00'], { roundingMinutes: 0, paidBasis: 'actual' }).paidMinutes).toBe(80);
  });

  it('counts nothing without punches around the window, and explains why', () => {
    const r = run('2026-03-07', '09:00', '11:00', ['2026-03-07 16:00']);
    expect(r).toMatchObject({ workedMinutes: 0, paidMinutes: 0, inAt: null });
    expect(r.explanations[0].text['zh-CN']).toContain('没有成对的打卡记录');
  });
});
