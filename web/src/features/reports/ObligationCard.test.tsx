import type { TReportObligation } from '@techserve/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ObligationCard } from './ObligationCard';

const explanation = (ruleId: string, zh: string) => ({ ruleId, policyVersion: 1, inputs: {}, result: null, text: { 'zh-CN': zh, en: zh } });

describe('ObligationCard (WR-4 late mark)', () => {
  it('shows the late mark, the due rule and the judgement by the time received', () => {
    const o: TReportObligation = {
      id: 1,
      state: 'late',
      overdue: false,
      dueAt: '2026-03-07T10:00:00.000Z',
      dueDate: '2026-03-07',
      doneAt: '2026-03-07T10:01:00.000Z',
      lateMinutes: 1,
      explanation: explanation('WR-4', 'WR-4：2026-03-02 那一周的技术服务周报截止周六 2026-03-07 18:00，以收到时间为准'),
      judgement: explanation(
        'WR-4',
        'WR-4：技术服务周报于 2026-03-07 18:01 收到，晚于截止时间 2026-03-07 18:00，逾期 1 分钟（以收到时间为准）',
      ),
      excusedBy: null,
      excusedReason: null,
    };
    render(<ObligationCard obligation={o} />);
    expect(screen.getByTestId('obligation-state').textContent).toBe('逾期 1 分钟');
    expect(screen.getByTestId('obligation-judgement').textContent).toContain('晚于截止时间 2026-03-07 18:00，逾期 1 分钟');
    expect(screen.getAllByText('WR-4')).toHaveLength(2);
  });

  it('says an open obligation past its due time is overdue', () => {
    const o = {
      id: 2,
      state: 'open',
      overdue: true,
      dueAt: '2026-03-09T00:30:00.000Z',
      dueDate: '2026-03-09',
      doneAt: null,
      lateMinutes: null,
      explanation: explanation('WR-2', 'x'),
      judgement: null,
      excusedBy: null,
      excusedReason: null,
    } as const;
    render(<ObligationCard obligation={o} />);
    expect(screen.getByTestId('obligation-state').textContent).toBe('已逾期');
  });
});
