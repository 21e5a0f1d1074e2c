import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { POLICY_NOT_YET_IN_USE, policyCapabilityPending, policyFields } from '@techserve/core';
import { describe, expect, it } from 'vitest';

// Issue 17 item 2: every policy setting is either read by code or shown as "takes effect when … is in use".
const root = resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

// The code that acts on the policy: core outside the policy's own definitions, and the server.
const code = [...sources(join(root, 'core/src')).filter((p) => !p.includes('/policy/')), ...sources(join(root, 'server/src'))]
  .map((p) => readFileSync(p, 'utf8'))
  .join('\n');

/** A setting counts as read when its own name (the path's last named segment) appears in that code. */
const isRead = (path: string) => {
  const name = path
    .split('.')
    .filter((s) => s !== '*')
    .at(-1) as string;
  return new RegExp(`\\b${name}\\b`).test(code);
};

describe('policy settings nothing reads (issue 17 item 2)', () => {
  it('lists every setting either as read by code or as waiting for the capability that will read it', () => {
    const neither = policyFields.filter((m) => !isRead(m.path) && !policyCapabilityPending(m.path)).map((m) => m.path);
    expect(neither).toEqual([]);
  });

  it('marks only settings the policy has', () => {
    for (const { path } of POLICY_NOT_YET_IN_USE) {
      expect(
        policyFields.some((m) => m.path === path || m.path.startsWith(`${path}.`)),
        path,
      ).toBe(true);
    }
  });

  it('names the capability in both languages', () => {
    expect(policyCapabilityPending('travel.phoneMonthlyFen')?.name).toEqual({
      'zh-CN': '区域办事处住宿与话费补贴',
      en: 'regional-office lodging and phone allowances',
    });
    // PAY-3/PAY-3b: read by the welder grade-up and probation assessment proposals.
    expect(policyCapabilityPending('pay.probation.maxMonths')).toBeNull();
    expect(policyCapabilityPending('pay.levelUp.minMonths')).toBeNull();
    expect(policyCapabilityPending('pay.probation.baseFen')).toBeNull();
    expect(policyCapabilityPending('pay.commission.rates.0.weldFenPerMetre')).toBeNull();
    expect(policyCapabilityPending('attendance.lateThresholdMinutes')).toBeNull();
    expect(policyCapabilityPending('leave.types.annual.statutory')?.capability).toBe('statutoryLeave');
    expect(policyCapabilityPending('sla.nearBreachMinutes')).toBeNull();
  });
});
