import { describe, expect, it } from 'vitest';
import { expectedFixTime } from './expected-fix';

const now = Date.parse('2026-03-10T02:00:00Z'); // 10:00 Shanghai
const due = Date.parse('2026-03-18T02:00:00Z');
const fix = (stated: number | null) => expectedFixTime({ stated, resolutionDueAt: due, now, timeZone: 'Asia/Shanghai', policyVersion: 3 });

describe('the expected fix time of the first response (SLA-5)', () => {
  it('states the resolution target when the engineer names none', () => {
    const r = fix(null);
    expect(r).toMatchObject({ ok: true, at: due, localText: '2026-03-18 10:00', source: 'sla' });
    if (r.ok) expect(r.explanation).toMatchObject({ ruleId: 'SLA-5', policyVersion: 3 });
  });

  it('refuses exactly now and accepts one millisecond later', () => {
    expect(fix(now)).toEqual({ ok: false, reason: 'in_past' });
    expect(fix(now + 1)).toMatchObject({ ok: true, source: 'stated' });
  });

  it('says when the stated time is later than the target, and not when it is exactly the target', () => {
    const late = fix(due + 60_000);
    const onTarget = fix(due);
    expect(late.ok && late.explanation.text['zh-CN']).toContain('晚于解决时限 2026-03-18 10:00');
    expect(onTarget.ok && onTarget.explanation.text.en).not.toContain('later than');
  });
});
