import { describe, expect, it } from 'vitest';
import { type AssignmentCandidate, chooseAssignee } from './assignment';
import { assignmentCap } from './assignmentCap';
import type { TSlaPolicy } from '../policy/slaPolicy';

// SR-4: the engineer's current workload caps automatic assignment (policy sla.assignment.maxOpenLoad);
// SR-5: a request that cannot wait (from the policy's priority up) goes to the best engineer even above the cap.

const policy: TSlaPolicy['assignment'] = { maxOpenLoad: 3, capWaivedFrom: 'P1' };
const expert = (openLoad: number): AssignmentCandidate => ({
  userId: 1,
  name: '专家',
  expertRank: 0,
  hasSkill: true,
  inRegion: true,
  openLoad,
  available: true,
  lastAssignedAt: null,
});
const idle: AssignmentCandidate = { ...expert(0), userId: 2, name: '空闲', expertRank: null, hasSkill: false };
const choose = (load: number, priority: 'P1' | 'P2' | 'P3' | 'P4', p = policy) =>
  chooseAssignee([expert(load), idle], { policyVersion: 4, ...assignmentCap(p, priority) });

describe('SR-4 open-load cap from the policy', () => {
  it('keeps the expert one below the cap', () => {
    expect(choose(2, 'P2').userId).toBe(1);
  });

  it('passes over the expert exactly at the cap, and names the cap', () => {
    const r = choose(3, 'P2');
    expect(r.userId).toBe(2);
    expect(r.explanation.ruleId).toBe('SR-4');
    expect(r.explanation.text['zh-CN']).toContain('专家（#1） 未结工单已达上限 3');
    expect(r.explanation.inputs).toMatchObject({ maxOpenLoad: 3, capWaived: null });
  });
});

describe('SR-5 the cap waived for a request that cannot wait', () => {
  it('gives a P1 to the best engineer at and above the cap, and says why', () => {
    for (const load of [3, 7]) {
      const r = choose(load, 'P1');
      expect(r.userId).toBe(1);
      expect(r.explanation.text['zh-CN']).toContain('P1 请求不受未结工单上限 3 件限制（SR-5）');
      expect(r.explanation.text.en).toContain('not held back by the open-request cap of 3 (SR-5)');
      expect(r.explanation.inputs).toMatchObject({ maxOpenLoad: null, capWaived: { priority: 'P1', cap: 3 } });
    }
  });

  it('waives from the policy priority up: P2 too when it says P2, P3 not; none waives nothing', () => {
    expect(assignmentCap({ maxOpenLoad: 3, capWaivedFrom: 'P2' }, 'P2').maxOpenLoad).toBeNull();
    expect(assignmentCap({ maxOpenLoad: 3, capWaivedFrom: 'P2' }, 'P3').maxOpenLoad).toBe(3);
    expect(assignmentCap({ maxOpenLoad: 3, capWaivedFrom: 'none' }, 'P1')).toEqual({ maxOpenLoad: 3, capWaived: null });
    expect(choose(3, 'P1', { maxOpenLoad: 3, capWaivedFrom: 'none' }).userId).toBe(2);
  });
});
