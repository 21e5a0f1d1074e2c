import { explain } from '@techserve/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAs } from '../test/renderAs';
import { ExplanationLine } from './ExplanationLine';

const sla = explain({
  ruleId: 'SLA-2',
  policyVersion: 3,
  inputs: { levelId: 'premium' },
  result: null,
  zh: '高级 P2 首次响应目标 30 分钟，按 7×24 小时自然时间（合同约定，CU-4） → 03-02 10:30 到期；计时中，剩余 20 分钟',
  en: 'Premium P2 first response target 30 minutes on wall-clock time, 24×7 (by the contract, CU-4) → due 03-02 10:30',
});
const at = { path: '/tickets/:id', url: '/tickets/1', permissions: [] };

describe('ExplanationLine (issue 12 item 7)', () => {
  it('shows staff the rule id and the policy version', () => {
    renderAs(<ExplanationLine explanation={sla} />, { ...at, scope: 'all' });
    const line = screen.getByTestId('explanation').textContent ?? '';
    expect(line).toContain('SLA-2');
    expect(line).toContain('CU-4');
    expect(line).toContain('第 3 版');
  });

  it.each(['company', 'site'] as const)('shows a customer (%s scope) the sentence without rule ids or policy versions', (scope) => {
    renderAs(<ExplanationLine explanation={sla} />, { ...at, scope });
    const line = screen.getByTestId('explanation').textContent ?? '';
    expect(line).toBe('高级 P2 首次响应目标 30 分钟，按 7×24 小时自然时间（合同约定） → 03-02 10:30 到期；计时中，剩余 20 分钟');
    expect(line).not.toMatch(/[A-Z]{2,}-\d|第 3 版|premium/);
  });
});
