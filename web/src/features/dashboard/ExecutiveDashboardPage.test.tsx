import type { TExecutiveDashboard, TExplanation } from '@techserve/core';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { ExecutiveDashboardPage } from './ExecutiveDashboardPage';

// ECharts does not draw under jsdom: the chart shows the option it was given, and a button stands for a click on item 1.
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option, onEvents }: { option: unknown; onEvents?: { click: (p: { dataIndex: number }) => void } }) => (
    <>
      <pre data-testid="echarts">{JSON.stringify(option)}</pre>
      {onEvents && <button onClick={() => onEvents.click({ dataIndex: 1 })}>drill</button>}
    </>
  ),
}));

const why = (ruleId: string, zh: string): TExplanation => ({
  ruleId,
  policyVersion: 1,
  inputs: {},
  result: null,
  text: { 'zh-CN': `${ruleId}：${zh}`, en: `${ruleId}: ${zh}` },
});
const rate = (numerator: number, denominator: number, ruleId = 'SLA-4') => ({
  value: denominator ? numerator / denominator : null,
  numerator,
  denominator,
  explanation: why(ruleId, `${numerator} / ${denominator}`),
});
const group = (id: number | null, name: string | null) =>
  Object.assign(
    { id, name, created: 3, resolved: 2, avgResolutionMinutes: 90 },
    { slaCompliance: rate(1, 2), satisfaction: rate(5, 6, 'SR-11') },
  );
const dashboard: TExecutiveDashboard = {
  from: '2026-03-01',
  to: '2026-03-03',
  bucket: 'day',
  policyVersion: 1,
  totals: { created: 6, resolved: 4, openBreached: 1, avgResolutionMinutes: 150 },
  slaCompliance: rate(3, 5),
  series: [
    { period: '2026-03-01', created: 2, resolved: 1, slaMet: 1, slaDecided: 1, avgResolutionMinutes: 60 },
    { period: '2026-03-02', created: 4, resolved: 3, slaMet: 2, slaDecided: 4, avgResolutionMinutes: 180 },
    { period: '2026-03-03', created: 0, resolved: 0, slaMet: 0, slaDecided: 0, avgResolutionMinutes: null },
  ],
  satisfaction: (['attitude', 'skill', 'result'] as const).map((dimension) =>
    Object.assign({ dimension, excellent: 2, good: 1, fair: 1, poor: 0 }, { rate: rate(3, 4, 'SR-11') }),
  ),
  byRegion: [group(4, '上海'), group(null, null)],
  byTeam: [group(7, '华东服务组')],
};

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

const open = () =>
  renderAs(<ExecutiveDashboardPage />, {
    path: '/dashboard',
    url: '/dashboard?from=2026-03-01&to=2026-03-03',
    permissions: ['dashboard.read'],
  });

describe('executive dashboard (issue 12 item 6)', () => {
  it('asks for the chosen range and shows SLA compliance, volumes, resolution times and satisfaction', async () => {
    const { fetchMock } = stubFetch({ 'GET /dashboard/executive': { body: dashboard } });
    open();
    expect((await screen.findByTestId('stat-sla')).textContent).toContain('60.0%');
    expect(String(fetchMock.mock.calls[0][0])).toContain('from=2026-03-01&to=2026-03-03');
    const [volumes, times, satisfaction] = screen.getAllByTestId('echarts').map((e) => JSON.parse(e.textContent!));
    expect(volumes.xAxis.data).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(volumes.series.map((s: { data: unknown[] }) => s.data)).toEqual([
      [2, 4, 0],
      [1, 3, 0],
      [100, 50, null],
    ]);
    expect(times.series[0].data).toEqual([1, 3, null]);
    expect(satisfaction.yAxis.data).toEqual(['服务态度', '技术水平', '服务结果']);
    expect(within(screen.getByTestId('satisfaction-skill')).getByText('SR-11')).toBeTruthy();
    expect(within(screen.getByTestId('dash-by-region')).getByText('未分区域')).toBeTruthy();
  });

  const drilled = () => {
    expect(screen.getByTestId('elsewhere').textContent).toBe('/tickets');
    return Object.fromEntries(new URLSearchParams(screen.getByTestId('elsewhere').dataset.search));
  };

  it('drills from a period of the chart to the requests created in it', async () => {
    stubFetch({ 'GET /dashboard/executive': { body: dashboard } });
    open();
    fireEvent.click((await screen.findAllByText('drill'))[0]);
    expect(drilled()).toEqual({ createdFrom: '2026-03-02', createdTo: '2026-03-02' });
  });

  it('drills from a region, and from the breached count, to the range’s requests', async () => {
    stubFetch({ 'GET /dashboard/executive': { body: dashboard } });
    const view = open();
    fireEvent.click(await screen.findByText('上海'));
    expect(drilled()).toEqual({ createdFrom: '2026-03-01', createdTo: '2026-03-03', regionId: '4' });
    view.unmount();
    open();
    fireEvent.click(await screen.findByTestId('stat-breached'));
    expect(drilled()).toEqual({ createdFrom: '2026-03-01', createdTo: '2026-03-03', sla: 'breached' });
  });
});
