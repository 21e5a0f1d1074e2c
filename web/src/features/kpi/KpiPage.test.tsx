import type { TKpiPage } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { KpiPage } from './KpiPage';

beforeEach(() => viewportWidth(390));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const explanation = (ruleId: string, zh: string) => ({ ruleId, policyVersion: 1, inputs: {}, result: null, text: { 'zh-CN': zh, en: zh } });
const rate = (value: number | null, numerator: number, denominator: number) => ({
  value,
  numerator,
  denominator,
  explanation: explanation('AP-16', 'x'),
});
const page: TKpiPage = {
  period: '2026-03',
  kind: 'month',
  dueDate: '2026-04-10',
  policyVersion: 1,
  weights: { self: 20, superior: 50, customer: 30 },
  weakBelowPercent: 60,
  items: [
    {
      userId: 1,
      name: '测试用户',
      reviewId: null,
      version: null,
      superiorBy: null,
      consolidatedBy: null,
      consolidatedAt: null,
      items: [
        { item: 'satisfaction', measured: rate(null, 0, 0), self: null, superior: null, percent: null, weak: false },
        { item: 'timeliness', measured: rate(0.5, 1, 2), self: null, superior: null, percent: 50, weak: true },
        { item: 'resolution', measured: rate(null, 0, 0), self: null, superior: null, percent: null, weak: false },
        { item: 'growth', measured: rate(null, 0, 0), self: null, superior: null, percent: null, weak: false },
        { item: 'teamwork', measured: null, self: null, superior: null, percent: null, weak: false },
      ],
      consolidated: { value: null, explanation: explanation('AP-16', '2026-03 综合得分：—') },
      training: [{ item: 'timeliness', explanation: explanation('AP-16b', '及时率 50% 低于 60%，建议针对性培训') }],
    },
  ],
};

describe('my KPIs (AP-16, AP-16b)', () => {
  it('shows a rate with nothing to count as —, the weak item’s training, and sends my self-appraisal', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-04-02T02:00:00Z') });
    const api = stubFetch({ 'GET /kpis': { body: page }, 'PUT /kpis/self': { body: page } });
    renderAs(<KpiPage view="mine" />, { path: '/kpi', url: '/kpi', permissions: ['kpi.self'] });
    expect(await screen.findByText('考评截止：2026-04-10')).toBeTruthy();
    expect(screen.getByText('50.0% (1/2)')).toBeTruthy();
    expect(screen.getByText('薄弱')).toBeTruthy();
    expect(screen.getByText(/建议针对性培训/)).toBeTruthy();
    fireEvent.change(screen.getByTestId('score-teamwork').querySelector('input') ?? screen.getByTestId('score-teamwork'), {
      target: { value: '80' },
    });
    fireEvent.click(screen.getByTestId('save-scores'));
    await waitFor(() => expect(api.bodies('PUT /kpis/self')).toEqual([{ period: '2026-03', scores: { teamwork: 80 } }]));
  });
});
