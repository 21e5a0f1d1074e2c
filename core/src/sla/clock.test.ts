import { describe, expect, it } from 'vitest';
import { chinaHqCalendar } from '../calendar/builtin-cn';
import { compileCalendar } from '../calendar/compileCalendar';
import { sh, shText } from '../calendar/testing';
import { ZExplanation } from '../explanation';
import { defaultPolicy } from '../policy/defaults';
import type { TSlaLevel } from '../policy/slaPolicy';
import { computeSlaClock, type SlaClockOptions, type TSlaEvent, type TSlaEventType } from './clock';
import { findSlaLevel } from './level';

const hq = compileCalendar(chinaHqCalendar());
const standard = findSlaLevel(defaultPolicy(), 'standard');
const premium = findSlaLevel(defaultPolicy(), 'premium');

/** A level whose every priority has the same targets, for boundary cases with small numbers. */
function levelWith(firstResponse: number, onsite: number, resolution: number, calendarMode: TSlaLevel['calendarMode']) {
  const targets = { firstResponseMinutes: firstResponse, onsiteMinutes: onsite, resolutionMinutes: resolution };
  return {
    id: 'test',
    name: { 'zh-CN': '测试', en: 'Test' },
    calendarMode,
    targets: { P1: targets, P2: targets, P3: targets, P4: targets },
  } satisfies TSlaLevel;
}

const ev = (type: TSlaEventType, local: string): TSlaEvent => ({ type, at: sh(local) });

function clockAt(created: string, now: string, options: Partial<Omit<SlaClockOptions, 'createdAt'>> = {}) {
  return computeSlaClock({
    createdAt: sh(created),
    now: sh(now),
    level: standard,
    priority: 'P2',
    calendar: hq,
    events: [],
    nearBreachMinutes: 30,
    policyVersion: 5,
    needsVisit: false,
    ...options,
  });
}

describe("the contract's coverage decides the clock (CU-4)", () => {
  it('runs a business-hours level on wall-clock time under a 24×7 contract, and says so', () => {
    const c = clockAt('2026-03-13 17:00', '2026-03-13 17:00', { coverage: '24x7' });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-13 19:00');
    expect(c.firstResponse.explanation.text['zh-CN']).toContain('合同约定，CU-4');
    expect(c.firstResponse.explanation.inputs).toMatchObject({ calendarMode: '24x7', coverage: '24x7' });
  });

  it('runs a 24×7 level on the calendar under a business-hours contract', () => {
    const wall = clockAt('2026-03-13 17:00', '2026-03-13 17:00', { level: premium });
    const business = clockAt('2026-03-13 17:00', '2026-03-13 17:00', { level: premium, coverage: 'business' });
    const minutes = premium.targets.P2.firstResponseMinutes;
    expect(wall.firstResponse.dueAt).toBe(sh('2026-03-13 17:00') + minutes * 60_000);
    expect(shText(business.firstResponse.dueAt)).toBe(
      shText(clockAt('2026-03-13 17:00', '2026-03-13 17:00', { level: { ...premium, calendarMode: 'business' } }).firstResponse.dueAt),
    );
    expect(business.firstResponse.explanation.text.en).toContain('by the contract, CU-4');
  });

  it('keeps the level’s own mode when there is no contract coverage', () => {
    const c = clockAt('2026-03-13 17:00', '2026-03-13 17:00', { coverage: null });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-16 10:00');
    expect(c.firstResponse.explanation.text['zh-CN']).toContain('SLA-3');
  });
});

describe('due times on the HQ calendar (SLA-2, SLA-3)', () => {
  it('is due at 17:30, not the next morning, when the target ends exactly at the close of the day', () => {
    const c = clockAt('2026-03-10 16:30', '2026-03-10 16:30', { level: levelWith(60, 60, 60, 'business') });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 17:30');
  });

  it('moves a 2-minute target created at 17:29 to 08:31 the next morning', () => {
    const c = clockAt('2026-03-10 17:29', '2026-03-10 17:29', { level: levelWith(2, 2, 2, 'business') });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-11 08:31');
  });

  it('continues after lunch at 13:00 when a target crosses 12:00', () => {
    const c = clockAt('2026-03-10 11:30', '2026-03-10 11:30', { priority: 'P1' });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 12:00');
    expect(shText(c.resolution.dueAt)).toBe('2026-03-10 14:30');
  });

  it('counts the 调休 Saturday 2026-02-14 before Spring Festival as a working day', () => {
    const c = clockAt('2026-02-13 16:00', '2026-02-13 16:00', { needsVisit: true });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-02-14 09:00');
    expect(shText(c.onsite?.dueAt ?? 0)).toBe('2026-02-14 16:00');
  });

  it('skips the Spring Festival holiday for a request created just before it', () => {
    const c = clockAt('2026-02-14 17:00', '2026-02-14 17:00', { priority: 'P1' });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-02-14 17:30');
    expect(shText(c.resolution.dueAt)).toBe('2026-02-24 10:00');
    // 2880 working minutes = six 8-hour days: Fri 13th (90), Sat 14th, then 24th–27th, and the 调休 Saturday 28th.
    const p2 = clockAt('2026-02-13 16:00', '2026-02-13 16:00');
    expect(shText(p2.resolution.dueAt)).toBe('2026-02-28 16:00');
  });

  it('starts counting at 08:30 for a request created on a weekend night', () => {
    const c = clockAt('2026-03-14 22:00', '2026-03-14 22:00');
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-16 10:30');
  });

  it('takes the targets of the request priority from the contract level', () => {
    const p1 = clockAt('2026-03-10 09:00', '2026-03-10 09:00', { priority: 'P1', needsVisit: true });
    expect(p1.firstResponse.targetMinutes).toBe(30);
    expect(p1.onsite?.targetMinutes).toBe(120);
    expect(p1.resolution.targetMinutes).toBe(120);
    const p4 = clockAt('2026-03-10 09:00', '2026-03-10 09:00', { priority: 'P4', needsVisit: true });
    expect(p4.onsite?.targetMinutes).toBe(1440);
  });
});

describe('24×7 levels (SLA-3)', () => {
  it('ignores the business calendar and runs on wall-clock time through a weekend night', () => {
    const c = clockAt('2026-03-14 23:50', '2026-03-14 23:50', { level: premium });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-15 00:20');
    expect(shText(c.resolution.dueAt)).toBe('2026-03-15 23:50');
  });

  it('runs through the Spring Festival holiday', () => {
    const c = clockAt('2026-02-16 10:00', '2026-02-16 10:20', { level: premium });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-02-16 10:30');
    expect(c.firstResponse.remainingMinutes).toBe(10);
    expect(c.firstResponse.state).toBe('near_breach');
  });

  it('pauses by wall-clock minutes, nights included', () => {
    const c = clockAt('2026-03-10 22:00', '2026-03-11 12:00', {
      level: premium,
      events: [ev('paused', '2026-03-10 22:10'), ev('resumed', '2026-03-11 08:10')],
    });
    expect(c.firstResponse.pausedMinutes).toBe(600);
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-11 08:30');
  });
});

describe('waiting for the customer (paused → resumed)', () => {
  it('shifts the due time by exactly the paused working minutes', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 10:30', {
      events: [ev('paused', '2026-03-10 09:30'), ev('resumed', '2026-03-10 10:00')],
    });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 11:30');
    expect(c.firstResponse.pausedMinutes).toBe(30);
    expect(c.firstResponse.state).toBe('running');
    expect(c.firstResponse.remainingMinutes).toBe(60);
  });

  it('shifts by 0 for a pause that lies entirely over a weekend', () => {
    const c = clockAt('2026-03-13 16:00', '2026-03-16 08:45', {
      events: [ev('paused', '2026-03-13 17:30'), ev('resumed', '2026-03-16 08:30')],
    });
    expect(c.firstResponse.pausedMinutes).toBe(0);
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-16 09:00');
  });

  it('shifts only by the working part of a pause from Friday afternoon to Monday morning', () => {
    const c = clockAt('2026-03-13 16:00', '2026-03-16 09:00', {
      events: [ev('paused', '2026-03-13 17:00'), ev('resumed', '2026-03-16 08:40')],
    });
    expect(c.firstResponse.pausedMinutes).toBe(40);
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-16 09:40');
  });

  it('does not count the lunch break inside a pause', () => {
    const c = clockAt('2026-03-10 11:00', '2026-03-10 14:00', {
      events: [ev('paused', '2026-03-10 11:30'), ev('resumed', '2026-03-10 13:30')],
    });
    expect(c.firstResponse.pausedMinutes).toBe(60);
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 15:00');
  });

  it('is paused while the pause is still open and moves the due time up to now', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 10:15', { events: [ev('paused', '2026-03-10 09:30')] });
    expect(c.firstResponse.state).toBe('paused');
    expect(c.firstResponse.pausedMinutes).toBe(45);
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 11:45');
    expect(c.firstResponse.remainingMinutes).toBe(90);
  });

  it('reports paused rather than near breach while the clock is stopped', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 11:00', { events: [ev('paused', '2026-03-10 10:45')] });
    expect(c.firstResponse.remainingMinutes).toBe(15);
    expect(c.firstResponse.state).toBe('paused');
  });

  it('does not move a due time that has already passed, so a breach stays a breach', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 14:00', { events: [ev('paused', '2026-03-10 11:30')] });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 11:00');
    expect(c.firstResponse.pausedMinutes).toBe(0);
    expect(c.firstResponse.state).toBe('breached');
  });

  it('does not move the due time for a pause that starts exactly at it', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 11:00', { events: [ev('paused', '2026-03-10 11:00')] });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 11:00');
    expect(c.firstResponse.state).toBe('breached');
  });

  it('does not move a target that was met before the pause', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 11:00', {
      events: [ev('first_response', '2026-03-10 09:10'), ev('paused', '2026-03-10 09:30'), ev('resumed', '2026-03-10 10:30')],
    });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 11:00');
    expect(c.firstResponse.pausedMinutes).toBe(0);
    expect(c.resolution.pausedMinutes).toBe(60);
    expect(shText(c.resolution.dueAt)).toBe('2026-03-18 10:00');
  });

  it('ignores a second pause while paused and a resume while running', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 10:30', {
      events: [
        ev('resumed', '2026-03-10 09:10'),
        ev('paused', '2026-03-10 09:30'),
        ev('paused', '2026-03-10 09:40'),
        ev('resumed', '2026-03-10 10:00'),
        ev('resumed', '2026-03-10 10:10'),
      ],
    });
    expect(c.firstResponse.pausedMinutes).toBe(30);
  });

  it('ignores pauses when the policy does not pause for the customer', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 10:15', {
      pauseWhileWaitingForCustomer: false,
      events: [ev('paused', '2026-03-10 09:30')],
    });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 11:00');
    expect(c.firstResponse.state).toBe('running');
  });

  it('accepts events given out of order', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 10:30', {
      events: [ev('resumed', '2026-03-10 10:00'), ev('paused', '2026-03-10 09:30')],
    });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 11:30');
  });
});

describe('near breach and breach (SLA-4)', () => {
  // P2 first response 120 working minutes from 09:00 → due 11:00; near breach at 30 minutes, inclusive.
  const at = (now: string) => clockAt('2026-03-10 09:00', now).firstResponse;

  it('is near breach with exactly nearBreachMinutes remaining', () => {
    expect(at('2026-03-10 10:30').remainingMinutes).toBe(30);
    expect(at('2026-03-10 10:30').state).toBe('near_breach');
  });

  it('is still running one minute before the near-breach threshold', () => {
    expect(at('2026-03-10 10:29').remainingMinutes).toBe(31);
    expect(at('2026-03-10 10:29').state).toBe('running');
  });

  it('is near breach 1 ms before the due instant', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 09:00', { now: sh('2026-03-10 11:00') - 1 }).firstResponse;
    expect(c.state).toBe('near_breach');
  });

  it('is breached at exactly the due instant, with 0 minutes remaining', () => {
    expect(at('2026-03-10 11:00').state).toBe('breached');
    expect(at('2026-03-10 11:00').remainingMinutes).toBe(0);
  });

  it('counts the overdue time in negative working minutes', () => {
    expect(at('2026-03-10 13:15').remainingMinutes).toBe(-75);
  });

  it('measures near breach in working minutes, so 80 minutes across lunch are 20 remaining', () => {
    const c = clockAt('2026-03-10 11:10', '2026-03-10 11:50', { level: levelWith(60, 60, 60, 'business') });
    expect(shText(c.firstResponse.dueAt)).toBe('2026-03-10 13:10');
    expect(c.firstResponse.remainingMinutes).toBe(20);
    expect(c.firstResponse.state).toBe('near_breach');
  });

  it('is never near breach when the threshold is 0', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 10:59', { nearBreachMinutes: 0 });
    expect(c.firstResponse.state).toBe('running');
  });
});

describe('meeting a target', () => {
  const responded = (local: string) =>
    clockAt('2026-03-10 09:00', '2026-03-10 12:00', { events: [ev('first_response', local)] }).firstResponse;

  it('is met, not late, when met exactly at the due instant', () => {
    expect(responded('2026-03-10 11:00').state).toBe('met');
    expect(responded('2026-03-10 11:00').remainingMinutes).toBe(0);
  });

  it('is met late 1 ms after the due instant', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 12:00', {
      events: [{ type: 'first_response', at: sh('2026-03-10 11:00') + 1 }],
    }).firstResponse;
    expect(c.state).toBe('met_late');
  });

  it('keeps the margin it was met with as remaining minutes', () => {
    expect(responded('2026-03-10 10:00').remainingMinutes).toBe(60);
    expect(responded('2026-03-10 11:20').remainingMinutes).toBe(-20);
  });

  it('counts lateness in working minutes, so a reply at 17:45 to a 17:30 due is late by 0 working minutes', () => {
    const c = clockAt('2026-03-10 15:30', '2026-03-10 18:00', {
      events: [ev('first_response', '2026-03-10 17:45')],
    }).firstResponse;
    expect(c.state).toBe('met_late');
    expect(c.remainingMinutes).toBe(0);
  });

  it('counts arriving on site or resolving as the first response', () => {
    const arrived = clockAt('2026-03-10 09:00', '2026-03-10 12:00', {
      needsVisit: true,
      events: [ev('arrived_on_site', '2026-03-10 10:00')],
    });
    expect(arrived.firstResponse.metAt).toBe(sh('2026-03-10 10:00'));
    expect(arrived.onsite?.state).toBe('met');
    const resolved = clockAt('2026-03-10 09:00', '2026-03-10 12:00', { events: [ev('resolved', '2026-03-10 09:40')] });
    expect(resolved.firstResponse.metAt).toBe(sh('2026-03-10 09:40'));
    expect(resolved.resolution.state).toBe('met');
  });

  it('has no on-site clock when the request needs no visit', () => {
    expect(clockAt('2026-03-10 09:00', '2026-03-10 09:00').onsite).toBeNull();
  });

  it('runs the on-site clock until the engineer arrives', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 16:00', { needsVisit: true });
    expect(c.onsite?.target).toBe('onsite');
    expect(shText(c.onsite?.dueAt ?? 0)).toBe('2026-03-11 09:00');
    expect(c.onsite?.state).toBe('running');
    expect(c.onsite?.metAt).toBeNull();
  });
});

describe('reopening after resolution (SR-9)', () => {
  // P1 resolution: 120 working minutes from 09:00.
  const history = [ev('resolved', '2026-03-10 10:00'), ev('reopened', '2026-03-10 14:00')];
  const p1 = (now: string, events: TSlaEvent[]) => clockAt('2026-03-10 09:00', now, { priority: 'P1', events }).resolution;

  it('is met while resolved', () => {
    expect(p1('2026-03-10 11:00', [history[0]]).state).toBe('met');
  });

  it('clears met and continues from the reopen, keeping the 60 minutes already used', () => {
    const c = p1('2026-03-10 14:10', history);
    expect(c.metAt).toBeNull();
    expect(shText(c.dueAt)).toBe('2026-03-10 15:00');
    expect(c.pausedMinutes).toBe(180);
    expect(c.state).toBe('running');
    expect(c.remainingMinutes).toBe(50);
  });

  it('is met again, on time, when resolved again before the shifted due time', () => {
    const c = p1('2026-03-10 16:00', [...history, ev('resolved', '2026-03-10 14:45')]);
    expect(c.state).toBe('met');
    expect(c.metAt).toBe(sh('2026-03-10 14:45'));
  });

  it('is met late when resolved again after the shifted due time', () => {
    expect(p1('2026-03-10 16:00', [...history, ev('resolved', '2026-03-10 15:30')]).state).toBe('met_late');
  });

  it('stays breached after reopening a request that was resolved late', () => {
    const c = p1('2026-03-10 14:10', [ev('resolved', '2026-03-10 11:30'), ev('reopened', '2026-03-10 14:00')]);
    expect(shText(c.dueAt)).toBe('2026-03-10 11:00');
    expect(c.state).toBe('breached');
  });

  it('keeps the first response met after a reopen', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 14:10', {
      priority: 'P1',
      events: [ev('first_response', '2026-03-10 09:05'), ...history],
    });
    expect(c.firstResponse.state).toBe('met');
  });
});

describe('the history as of now', () => {
  it('ignores events after now, so a clock can be replayed as of an earlier instant', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 10:00', { events: [ev('first_response', '2026-03-10 10:30')] });
    expect(c.firstResponse.metAt).toBeNull();
    expect(c.firstResponse.state).toBe('running');
  });

  it('rejects events before the request was created and a now before it', () => {
    const early = [ev('paused', '2026-03-10 08:59')];
    expect(() => clockAt('2026-03-10 09:00', '2026-03-10 10:00', { events: early })).toThrow(RangeError);
    expect(() => clockAt('2026-03-10 09:00', '2026-03-10 08:00')).toThrow(RangeError);
  });
});

describe('explanations', () => {
  it('cites SLA-2 and SLA-3, the calendar, the due time and the pause, with the policy version', () => {
    const c = clockAt('2026-02-13 16:00', '2026-02-13 17:00', {
      calendarName: { 'zh-CN': '公司总部', en: 'Head office' },
      events: [ev('paused', '2026-02-13 16:30'), ev('resumed', '2026-02-13 17:00')],
    });
    const { explanation } = c.firstResponse;
    expect(ZExplanation.parse(explanation)).toEqual(explanation);
    expect(explanation.ruleId).toBe('SLA-2');
    expect(explanation.policyVersion).toBe(5);
    expect(explanation.text['zh-CN']).toBe(
      'SLA-2：标准级 P2 首次响应目标 120 个工作分钟，自 2026-02-13 16:00 起按「公司总部」日历（SLA-3） → 2026-02-14 09:30 到期；等待客户暂停 30 分钟已顺延；计时中，剩余 90 分钟',
    );
    expect(explanation.text.en).toBe(
      'SLA-2: Standard P2 first response target 120 working minutes from 2026-02-13 16:00 on the "Head office" calendar (SLA-3) → due 2026-02-14 09:30; 30 min waiting for the customer added; running, 90 min left',
    );
    expect(explanation.result).toMatchObject({ dueAt: sh('2026-02-14 09:30'), state: 'running' });
  });

  it('leads with SLA-4 when a target is breached', () => {
    const c = clockAt('2026-03-10 09:00', '2026-03-10 11:15');
    expect(c.firstResponse.explanation.ruleId).toBe('SLA-4');
    expect(c.firstResponse.explanation.text['zh-CN']).toMatch(/^SLA-4：已超时 15 分钟。SLA-2：标准级 P2 首次响应/);
    expect(c.firstResponse.explanation.text.en).toMatch(/^SLA-4: breached, 15 min overdue\. SLA-2: /);
  });

  it('leads with SLA-4 when a target is near breach or met late', () => {
    expect(clockAt('2026-03-10 09:00', '2026-03-10 10:45').firstResponse.explanation.text['zh-CN']).toMatch(
      /^SLA-4：即将超时：剩余 15 分钟，不超过预警阈值 30 分钟。/,
    );
    const events = [ev('first_response', '2026-03-10 11:20')];
    const late = clockAt('2026-03-10 09:00', '2026-03-10 12:00', { events });
    expect(late.firstResponse.explanation.ruleId).toBe('SLA-4');
  });

  it('says a 24×7 level runs on wall-clock time', () => {
    const c = clockAt('2026-03-14 23:50', '2026-03-14 23:50', { level: premium });
    expect(c.firstResponse.explanation.text['zh-CN']).toContain('目标 30 分钟，自 2026-03-14 23:50 起按 7×24 小时自然时间（SLA-3）');
    expect(c.firstResponse.explanation.text.en).toContain('on wall-clock time, 24×7 (SLA-3)');
  });
});
