import type { TTicketDashboard } from '@techserve/core';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { ticketFixture } from './fixtures';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { TicketDashboardPage } from './TicketDashboardPage';

// ECharts does not draw under jsdom: the chart shows the option it was given instead.
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option }: { option: unknown }) => <pre data-testid="echarts">{JSON.stringify(option)}</pre>,
}));

const breached = ticketFixture({
  id: 50,
  number: 'SR-20260310-0001',
  title: '核心交换机宕机',
  priority: 'P1',
  slaBreached: true,
  nextDueAt: '2026-03-10T01:30:00.000Z',
});
const dashboard: TTicketDashboard = {
  asOf: '2026-03-10T09:00:00.000Z',
  byState: [
    { state: 'new', count: 2 },
    { state: 'assigned', count: 3 },
    { state: 'accepted', count: 0 },
    { state: 'in_progress', count: 4 },
    { state: 'waiting', count: 1 },
    { state: 'resolved', count: 0 },
    { state: 'confirmed', count: 0 },
    { state: 'closed', count: 7 },
    { state: 'cancelled', count: 0 },
  ],
  byPriority: [
    { priority: 'P1', count: 1 },
    { priority: 'P2', count: 4 },
    { priority: 'P3', count: 5 },
    { priority: 'P4', count: 0 },
  ],
  breached: [breached],
  nearBreach: [],
  unassigned: [ticketFixture({ id: 51, number: 'SR-20260310-0002', state: 'new', assigneeId: null, assigneeName: null })],
  load: [
    { userId: 5, name: '刘洋', open: 4, breached: 1 },
    { userId: 6, name: '赵磊', open: 2, breached: 0 },
  ],
  todayUnsolved: [breached],
  openEscalations: [
    {
      id: 3,
      ticketId: 50,
      ticketNumber: 'SR-20260310-0001',
      kind: 'expert',
      fromUserId: 5,
      fromUserName: '刘洋',
      toUserId: 9,
      toUserName: '孙浩',
      description: '请协助判断',
      targetAt: null,
      rndPerson: null,
      state: 'open',
      answer: null,
      answeredAt: null,
      createdAt: '2026-03-10T03:00:00.000Z',
    },
  ],
};

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('service dashboard', () => {
  it('draws open requests by state and priority and the engineers’ load with the breached part stacked', async () => {
    stubFetch({ 'GET /tickets/dashboard': { body: dashboard } });
    renderAs(<TicketDashboardPage />, {
      path: '/tickets/dashboard',
      url: '/tickets/dashboard',
      permissions: ['tickets.read', 'tickets.assign'],
    });
    const byState = JSON.parse((await screen.findAllByTestId('echarts'))[0].textContent!);
    expect(byState.xAxis.data).toContain('处理中');
    expect(byState.series[0].data.map((d: { value: number }) => d.value)).toEqual([2, 3, 0, 4, 1, 0, 0, 7, 0]);
    const byPriority = JSON.parse(within(screen.getByTestId('chart-by-priority')).getByTestId('echarts').textContent!);
    expect(byPriority.series[0].data.map((d: { name: string; value: number }) => [d.name, d.value])).toEqual([
      ['P1', 1],
      ['P2', 4],
      ['P3', 5],
    ]);
    const load = JSON.parse(within(screen.getByTestId('chart-load')).getByTestId('echarts').textContent!);
    expect(load.yAxis.data).toEqual(['赵磊', '刘洋']);
    expect(load.series.map((s: { name: string; data: number[] }) => [s.name, s.data])).toEqual([
      ['未结', [2, 3]],
      ['其中超时', [0, 1]],
    ]);
  });

  it('lists breached, unassigned, today’s unsolved and open escalations', async () => {
    stubFetch({ 'GET /tickets/dashboard': { body: dashboard } });
    renderAs(<TicketDashboardPage />, {
      path: '/tickets/dashboard',
      url: '/tickets/dashboard',
      permissions: ['tickets.read', 'tickets.assign'],
    });
    expect(within(await screen.findByTestId('dash-breached')).getByText('核心交换机宕机')).toBeTruthy();
    expect(within(screen.getByTestId('dash-unassigned')).getByText('SR-20260310-0002')).toBeTruthy();
    expect(within(screen.getByTestId('dash-today')).getByText('SR-20260310-0001')).toBeTruthy();
    expect(within(screen.getByTestId('dash-escalations')).getByText('刘洋 → 孙浩')).toBeTruthy();
    expect(within(screen.getByTestId('dash-near-breach')).getByText('暂无')).toBeTruthy();
  });
});
