import { describe, expect, it } from 'vitest';
import { ZExplanation } from '../explanation';
import { defaultPolicy } from '../policy/defaults';
import { findSlaLevel } from './level';
import { computePriority, overridePriority } from './priority';

describe('computePriority (SR-3)', () => {
  it('gives P1 for high urgency with a wide impact under the default matrix', () => {
    expect(computePriority(defaultPolicy(), 'high', 'wide', 3).priority).toBe('P1');
  });

  it('gives P3 for medium urgency affecting one department and P4 for low urgency affecting one user', () => {
    expect(computePriority(defaultPolicy(), 'medium', 'department', 3).priority).toBe('P3');
    expect(computePriority(defaultPolicy(), 'low', 'singleUser', 3).priority).toBe('P4');
  });

  it('reads the cell from the policy so a company can change the matrix', () => {
    const policy = defaultPolicy();
    policy.sla.priorityMatrix.low.singleUser = 'P2';
    expect(computePriority(policy, 'low', 'singleUser', 4).priority).toBe('P2');
  });

  it('explains the result with rule SR-3, the policy version and both axes', () => {
    const { explanation } = computePriority(defaultPolicy(), 'high', 'department', 7);
    expect(ZExplanation.parse(explanation)).toEqual(explanation);
    expect(explanation.ruleId).toBe('SR-3');
    expect(explanation.policyVersion).toBe(7);
    expect(explanation.inputs).toEqual({ urgency: 'high', impact: 'department' });
    expect(explanation.text['zh-CN']).toBe('SR-3：紧急程度「高」× 影响范围「单个部门」→ P2');
    expect(explanation.text.en).toBe('SR-3: urgency high × impact one department → P2');
  });
});

describe('overridePriority (SR-3)', () => {
  it('sets the new priority and records the computed one, its explanation and the reason', () => {
    const computed = computePriority(defaultPolicy(), 'low', 'singleUser', 2);
    const overridden = overridePriority(computed, 'P1', '  客户生产线停机 ', 2);
    expect(overridden.priority).toBe('P1');
    expect(overridden.explanation.ruleId).toBe('SR-3');
    expect(overridden.explanation.policyVersion).toBe(2);
    expect(overridden.explanation.inputs).toMatchObject({
      computedPriority: 'P4',
      computedExplanation: computed.explanation,
      overriddenPriority: 'P1',
      reason: '客户生产线停机',
    });
    expect(overridden.explanation.text['zh-CN']).toBe('SR-3：按紧急程度 × 影响范围计算为 P4，人工调整为 P1，原因：客户生产线停机');
  });

  it('refuses an override without a reason', () => {
    const computed = computePriority(defaultPolicy(), 'low', 'singleUser', 2);
    expect(() => overridePriority(computed, 'P1', '', 2)).toThrow(RangeError);
    expect(() => overridePriority(computed, 'P1', ' \n\t', 2)).toThrow(RangeError);
  });
});

describe('findSlaLevel (SLA-1)', () => {
  it('finds a level by id', () => {
    expect(findSlaLevel(defaultPolicy(), 'premium').calendarMode).toBe('24x7');
  });

  it('falls back to the default level when the customer has none', () => {
    expect(findSlaLevel(defaultPolicy()).id).toBe('standard');
    expect(findSlaLevel(defaultPolicy(), null).id).toBe('standard');
  });

  it('rejects a level the policy does not define', () => {
    expect(() => findSlaLevel(defaultPolicy(), 'gold')).toThrow(RangeError);
  });
});
