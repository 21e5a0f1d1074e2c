import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { evaluateEligibility } from './eligibility';

describe('CU-2/CU-4 eligibility names the service level as people read it (issue 12 item 7)', () => {
  const policy = defaultPolicy();

  it('CU-4: a contract on the premium level says 「高级」 / "Premium", never the id', () => {
    const r = evaluateEligibility({
      policy,
      policyVersion: 3,
      warranty: null,
      contract: { number: 'HT-2026-01', slaLevelId: 'premium', endsOn: '2026-12-31', coverage: '24x7' },
    });
    expect(r.slaLevelId).toBe('premium');
    expect(r.explanation.text['zh-CN']).toContain('服务级别「高级」');
    expect(r.explanation.text.en).toContain('service level "Premium"');
    expect(`${r.explanation.text['zh-CN']} ${r.explanation.text.en}`).not.toMatch(/premium/);
  });

  it('CU-2: the warranty level by its name', () => {
    const r = evaluateEligibility({ policy, policyVersion: 3, warranty: { status: 'in_warranty', lastDay: '2027-01-01' }, contract: null });
    const level = policy.sla.levels.find((l) => l.id === policy.sla.warranty.levelId);
    expect(r.explanation.text['zh-CN']).toContain(`服务级别「${level?.name['zh-CN']}」`);
    expect(r.explanation.text.en).not.toContain(`level ${policy.sla.warranty.levelId}`);
  });
});
