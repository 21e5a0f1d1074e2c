import type { TWorkload } from '@techserve/core';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { WorkloadPage } from './WorkloadPage';

// ECharts does not draw under jsdom: the chart shows the option it was given.
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option }: { option: unknown }) => <pre data-testid="echarts">{JSON.stringify(option)}</pre>,
}));

afterEach(() => vi.unstubAllGlobals());

const figures = { requestsWorked: 2, requestsResolved: 1, timeMinutes: 90, dailyLogs: 3, loggedMinutes: 240 };
const workload: TWorkload = {
  from: '2026-04-13',
  to: '2026-04-17',
  people: [
    {
      userId: 11,
      name: '刘洋',
      teamId: 1,
      teamName: '华东组',
      ...figures,
      visits: 1,
      onSiteMinutes: 120,
      travelDays: 3,
      content: [
        { source: 'visit', label: '市第一医院', minutes: 120, count: 1 },
        { source: 'ticket', label: 'SR-20260414-0001 监护仪黑屏', minutes: 90, count: 2 },
        { source: 'travel', label: '苏州', minutes: 0, count: 1 },
      ],
    },
    { userId: 12, name: '陈静', teamId: 1, teamName: '华东组', ...figures, visits: 0, onSiteMinutes: 0, travelDays: 0, content: [] },
  ],
  teams: [{ teamId: 1, teamName: '华东组', people: 2, ...figures, visits: 1, onSiteMinutes: 120, travelDays: 3 }],
};

const render = () => renderAs(<WorkloadPage />, { path: '/reports/workload', url: '/reports/workload', permissions: ['reports.review'] });

describe('WorkloadPage (WR-8)', { timeout: 60_000 }, () => {
  it('in Chinese: the charts, visits, time on site, trip days and what the time went on per person', async () => {
    await i18n.changeLanguage('zh-CN');
    viewportWidth(1280);
    stubFetch({ 'GET /workload': { body: workload } });
    const view = render();
    expect(await screen.findByTestId('chart-workload')).toBeTruthy();
    expect(screen.getByTestId('chart-teams')).toBeTruthy();
    const charts = screen.getAllByTestId('echarts').map((e) => JSON.parse(e.textContent!));
    expect(charts[0].xAxis.data).toEqual(['刘洋', '陈静']);
    expect(charts[0].series.slice(0, 2).map((s: { name: string; data: number[] }) => [s.name, s.data])).toEqual([
      ['记录工时', [1.5, 1.5]],
      ['现场时长', [2, 0]],
    ]);
    const table = screen.getByTestId('workload-table');
    expect(table.textContent).toContain('主要工作内容');
    expect(table.textContent).toContain('出差天数');
    const content = screen.getByTestId('workload-content-11');
    expect(content.textContent).toContain('现场市第一医院 · 2 小时');
    expect(content.textContent).toContain('请求SR-20260414-0001 监护仪黑屏 · 1.5 小时');
    expect(content.textContent).toContain('出差苏州 · 1 次');
    view.unmount();
  });

  it('in English at 390 px: the same page with no Chinese interface text', async () => {
    await i18n.changeLanguage('en');
    viewportWidth(390);
    stubFetch({ 'GET /workload': { body: workload } });
    render();
    expect(await screen.findByTestId('chart-workload')).toBeTruthy();
    const table = screen.getByTestId('workload-table');
    expect(table.textContent).toContain('What the time went on');
    expect(table.textContent).toContain('Trip days');
    expect(screen.getByTestId('workload-content-11').textContent).toContain('Trip苏州 · ×1');
    expect(screen.getByTestId('workload-content-11').textContent).toContain('Visit市第一医院 · 2 hours');
    expect(table.textContent).not.toMatch(/主要工作内容|出差天数|小时/);
  });
});
