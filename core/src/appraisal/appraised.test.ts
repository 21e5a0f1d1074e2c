import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../permissions';
import { isAppraised } from './appraised';

// AP-2: who is appraised on a monthly sheet — the staff below the chain's signers.

const role = (key: string) => {
  const r = DEFAULT_ROLES.find((x) => x.key === key)!;
  return { roleKey: r.key, permissions: r.permissions };
};

describe('isAppraised', () => {
  it('appraises the staff the chain signs for: engineers, experts, agents, the supervisor, finance and HR', () => {
    for (const key of ['engineer', 'product_expert', 'agent', 'supervisor', 'finance', 'hr'])
      expect(isAppraised(role(key)), key).toBe(true);
  });

  it('does not appraise the chain’s signers (GM, VP, administrator) nor anyone without a self-appraisal', () => {
    for (const key of ['gm', 'vp', 'admin']) expect(isAppraised(role(key)), key).toBe(false);
    expect(isAppraised({ roleKey: 'custom', permissions: ['tickets.read'] })).toBe(false);
  });
});
